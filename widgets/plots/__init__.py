"""Matplotlib figures of the book, one module per topic. Each function takes data or
model results and returns a ``matplotlib.figure.Figure``; none computes science."""
