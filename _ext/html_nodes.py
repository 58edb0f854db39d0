"""The book's own docutils nodes in Sphinx: drawn by the HTML builder; the other builders
(LaTeX, text, man, Texinfo) write only the node's children."""

OTHER_BUILDERS = ("latex", "text", "man", "texinfo")


def write_nothing(self, node):
    """A visitor that writes nothing for the node itself; its children are still written."""


def add_html_node(app, node, visit, depart=write_nothing):
    """Add ``node`` to Sphinx, drawn in HTML by ``visit`` and ``depart``."""
    passthrough = {builder: (write_nothing, write_nothing) for builder in OTHER_BUILDERS}
    app.add_node(node, html=(visit, depart), **passthrough)
