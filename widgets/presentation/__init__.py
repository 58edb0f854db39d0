"""Presentation: results turned into what a reader sees. ``text`` (doses, citations,
Markdown tables), ``style`` (one plotting style), ``layers`` (explorer views as SVG over a
matplotlib background), ``figures`` (one module per topic) and the model's tables."""
