"""Settings shared by every test under tests/."""

from hypothesis import settings

# No per-example deadline: timing goals live in tools/benchmark.py, and on a loaded
# machine (pytest-xdist workers sharing two cores) a slow example is not a failure.
settings.register_profile("book", deadline=None)
settings.load_profile("book")
