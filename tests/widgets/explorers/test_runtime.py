"""widgets.explorers.runtime: the static-site switch set by the book's Sphinx extension."""

from widgets.explorers import runtime


def test_static_site_only_when_the_build_says_so(monkeypatch):
    monkeypatch.delenv(runtime.STATIC_SITE_ENV, raising=False)
    assert not runtime.is_static_site()
    monkeypatch.setenv(runtime.STATIC_SITE_ENV, "1")
    assert runtime.is_static_site()
    monkeypatch.setenv(runtime.STATIC_SITE_ENV, "0")
    assert not runtime.is_static_site()


class RecordingApp:
    """Stands in for the Sphinx application: records the extensions set up through it."""

    def __init__(self):
        self.extensions, self.handlers = [], []

    def setup_extension(self, name):
        self.extensions.append(name)

    def connect(self, event, handler):
        self.handlers.append(event)


def test_the_book_extension_sets_the_switch(monkeypatch):
    import sys
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[3] / "_ext"))
    monkeypatch.delenv(runtime.STATIC_SITE_ENV, raising=False)
    sys.modules.pop("book_extension", None)
    import book_extension

    book_extension.setup(RecordingApp())
    assert runtime.is_static_site()
