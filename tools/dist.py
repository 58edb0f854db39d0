"""The offline copy: the built site as one zip file that works unzipped, opened from disk.

`make dist` runs it after `make book` and `make pdf`. It writes
`$BOOK_BUILD_DIR/dist/venetoclax-all-book-site.zip`, every file of the site (the book's
PDF included) under one folder, `venetoclax-all-book/`, and copies it into the site at
`downloads/venetoclax-all-book-site.zip`, which the front page links to ("Offline copy
and PDF" in index.md). The zip cannot hold itself, so in the copy's own front page that
one link becomes plain text. Entries carry a fixed date: the same site gives the same zip.

Usage: python tools/dist.py
"""

import os
import re
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The Makefile exports BOOK_BUILD_DIR (default: _build in the repository).
BUILD = Path(os.environ.get("BOOK_BUILD_DIR", ROOT / "_build"))
SITE = BUILD / "html"
FOLDER = "venetoclax-all-book"
ZIP_NAME = "venetoclax-all-book-site.zip"
TARGET = BUILD / "dist" / ZIP_NAME
DOWNLOADS = "downloads"
# The files the front page links to, relative to the site.
ZIP_IN_SITE = f"{DOWNLOADS}/{ZIP_NAME}"
PDF_IN_SITE = f"{DOWNLOADS}/venetoclax-all-book.pdf"
_SELF_LINK = re.compile(rf'<a\b[^>]*\bhref="{re.escape(ZIP_IN_SITE)}"[^>]*>(.*?)</a>', re.DOTALL)
# The earliest date a zip entry can carry.
ENTRY_DATE = (1980, 1, 1, 0, 0, 0)


def offline_front_page(front_page: str) -> str:
    """The front page of the offline copy: its link to the zip, which the copy does not
    hold, becomes the link's text."""
    copy, found = _SELF_LINK.subn(lambda match: match.group(1), front_page)
    if found != 1:
        raise ValueError(
            f"index.html: {found} links to {ZIP_IN_SITE}, expected one "
            "(the 'Offline copy and PDF' paragraph of index.md)"
        )
    return copy


def site_files(site: Path) -> list[str]:
    """Every file of the site, relative to it and sorted, except the zip itself."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.relative_to(site).as_posix() != ZIP_IN_SITE
    )


def write_zip(site: Path, target: Path) -> None:
    """The offline copy of `site` as the zip file `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in site_files(site):
            data = (site / name).read_bytes()
            if name == "index.html":
                data = offline_front_page(data.decode("utf-8")).encode("utf-8")
            entry = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=ENTRY_DATE)
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
    partial.replace(target)


def main() -> None:
    for needed, command in (("index.html", "make book"), (PDF_IN_SITE, "make pdf")):
        if not (SITE / needed).is_file():
            raise SystemExit(f"{SITE / needed} does not exist: run `{command}` first")
    write_zip(SITE, TARGET)
    (SITE / DOWNLOADS).mkdir(exist_ok=True)
    shutil.copyfile(TARGET, SITE / ZIP_IN_SITE)
    print(
        f"{TARGET}: {len(site_files(SITE))} files, {TARGET.stat().st_size / 1e6:.1f} MB "
        f"(copied to {ZIP_IN_SITE} in the site)"
    )


if __name__ == "__main__":
    main()
