"""Small trees of files for tests."""

from pathlib import Path


def write_files(folder: Path, files: dict[str, str]) -> Path:
    """Write each text of ``files`` (relative path -> text) under ``folder``; returns ``folder``."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder
