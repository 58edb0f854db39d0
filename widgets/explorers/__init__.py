"""Interactive explorers: ipywidgets controls wired to precomputed views (static site,
``static_views``) or to live recomputation in a kernel (``runtime`` tells which). They
hold no science: numbers come from the model and the data layer, pictures from
``widgets.presentation``."""
