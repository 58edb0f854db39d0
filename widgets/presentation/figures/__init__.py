"""Matplotlib figures of the book, one module per topic. Each takes data or model results
and returns a ``matplotlib.figure.Figure`` (or an explorer view's layers)."""
