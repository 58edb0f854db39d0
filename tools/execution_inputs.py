"""Keep the notebook execution cache honest.

Jupyter Book's cache (jupyter-cache) re-executes a notebook only when its own code
cells change, and Sphinx re-reads only changed pages. The chapters' outputs also
depend on the `widgets` package, the data files, the bibliography and the pinned
environment. This script hashes those inputs; when the hash differs from the one
recorded at the last build, it deletes the execution cache and Sphinx's saved
environment so that the next build re-executes every notebook.

Usage: python tools/execution_inputs.py   (run by `make book` before each build)
"""

import hashlib
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The Makefile exports BOOK_BUILD_DIR (default: _build in the repository).
BUILD = Path(os.environ.get("BOOK_BUILD_DIR", ROOT / "_build"))
RECORD = BUILD / "execution-inputs.sha256"
STALE_WITH_INPUTS = [BUILD / ".jupyter_cache", BUILD / ".doctrees"]
INPUTS = ["widgets/**/*.py", "data/**/*", "requirements/lock.txt", "_ext/*.py"]


def inputs_digest() -> str:
    digest = hashlib.sha256()
    for pattern in INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def main():
    current = inputs_digest()
    recorded = RECORD.read_text().strip() if RECORD.is_file() else None
    if recorded != current:
        for path in STALE_WITH_INPUTS:
            shutil.rmtree(path, ignore_errors=True)
        if recorded is not None:
            print("execution_inputs: widgets/, data/ or the environment changed; every notebook will be re-executed")
        BUILD.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(current + "\n")


if __name__ == "__main__":
    main()
