"""Interactive explorers: ipywidgets controls wired to precomputed views (static site)
or to live recomputation (a kernel). They hold no science: numbers come from
``widgets.model`` and the data loaders, pictures from ``widgets.plots``."""
