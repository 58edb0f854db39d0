"""The chapter layer: one module per page of the book, the only thing a notebook imports.

Each module owns what its page shows:

- ``numbers()``: every value the page's prose inserts with ``{glue:text}``, by key
  (one key scheme for the whole book, ``KEY_PATTERN``: a lowercase topic, then
  dot-separated parts that are words or data keys, such as ``ic50.b_all.venetoclax``);
- ``setup()``: the page's first cell, which applies the plotting style and glues
  ``numbers()``;
- its figures (``FIGURES`` with ``figure(name)`` and ``alt_text(name)``, from
  ``common.PageFigures``, where a page has several), tables and explorers, as one-line calls.

A notebook's setup cell is then::

    from widgets.chapters import resistance as page
    page.setup()
"""
