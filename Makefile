# The single entry point. On a fresh machine:
#   make book   set up everything (Python packages from the lock, npm assets) and build the site
#   make test   set up, then run every test: unit and property tests, every notebook under
#               nbval, the book build with warnings as errors, and the site in Chromium
#   make dist   the offline copy: the site as one zip (and the whole-book PDF, `make pdf`)
# Other targets: clean (delete _build), benchmark, lock (re-pin Python packages),
# lint (ruff on the code and the notebooks; `make test` runs it first), format (apply its fixes),
# colab-cells (the Colab install cell in every chapter notebook).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := book

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= chromium
# Where the build goes: $(BUILD_ROOT)/_build/html. Set it to build in another folder
# (for example two builds of different branches side by side).
BUILD_ROOT ?= .
export BOOK_BUILD_DIR := $(abspath $(BUILD_ROOT))/_build
# The book's repository, `owner/name` on GitHub or a URL: the repository, issue and launch
# buttons point at it (_ext/book_extension.py reads it). Empty: the book has no such buttons.
# The GitHub workflow sets it to the repository it runs in.
BOOK_REPOSITORY ?=
export BOOK_REPOSITORY

.PHONY: book test clean benchmark lock setup check-python check-npm check-chromium \
        test-unit test-notebooks test-browser pdf dist test-offline colab-cells site-benchmark

setup: $(VENV)/.installed assets/npm/.copied

check-python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "python3 not found: install Python 3.11 or newer with venv (apt-get install -y python3 python3-venv)"; exit 1; }
	@$(PYTHON) -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "Python 3.11 or newer with the venv module is needed; $(PYTHON) is $$($(PYTHON) --version 2>&1)"; exit 1; }

check-npm:
	@command -v npm >/dev/null 2>&1 || { echo "npm not found: install Node.js 20 and npm (apt-get install -y nodejs npm)"; exit 1; }

check-chromium:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { echo "chromium not found: install it with 'apt-get install -y chromium' (the browser tests drive it)"; exit 1; }

$(VENV)/.installed: requirements/lock.txt pyproject.toml | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json | check-npm
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

assets/npm/.copied: node_modules/.installed tools/vendor_assets.py $(wildcard tools/widget-renderer/*) | $(VENV)/.installed
	$(BIN)/python tools/vendor_assets.py
	touch $@

# An unchanged rebuild re-uses the executed notebooks; a change to widgets/, data/ or
# the environment re-executes all of them (tools/execution_inputs.py). `make clean book`
# rebuilds everything from scratch.
book: setup
	$(BIN)/python tools/execution_inputs.py
	$(BIN)/jupyter-book build . --path-output $(BUILD_ROOT) -W -n --keep-going

test: check-chromium setup
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-unit
	$(MAKE) --no-print-directory test-notebooks
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory test-offline

# pytest exits 5 when it collects nothing; make treats every non-zero exit as failure.
test-unit:
	$(BIN)/python -m pytest tests --ignore=tests/browser -n 2 --dist loadgroup -q

# Every chapter notebook executed in a fresh kernel; cells marked NBVAL_CHECK_OUTPUT
# must reproduce their stored output. A failure names the notebook and the cell.
# Two kernels started at the same moment can now and then pick the same TCP port (jupyter_client
# finds free ports by binding and releasing them); the kernel then never answers ("Kernel didn't
# respond in 60 seconds" on every cell of one notebook). The notebooks that failed are run once
# more, one at a time: a notebook that really fails, fails again.
test-notebooks:
	$(BIN)/python -m pytest --nbval-lax chapters -n 2 --dist loadfile -q || { \
	  echo "test-notebooks: running the failed notebooks again, one kernel at a time"; \
	  $(BIN)/python -m pytest --nbval-lax chapters -q --last-failed --last-failed-no-failures none; }

# The built site in Chromium. It needs `make dist` first: the front page links to the PDF
# and the offline copy, and the link check follows every link. Two workers (pytest-xdist),
# each with its own Chromium: most of a page visit is waiting on the browser.
BROWSER_WORKERS ?= 2
test-browser: check-chromium
	$(BIN)/python -m pytest tests/browser -q -n $(BROWSER_WORKERS)

# The whole book as one PDF, printed by Chromium (tools/book_pdf.py), into
# $(BOOK_BUILD_DIR)/dist and the site's downloads/, where the front page links to it.
pdf: book check-chromium
	$(BIN)/python tools/book_pdf.py

# The offline copy: the site (with the PDF) as one zip (tools/dist.py), into
# $(BOOK_BUILD_DIR)/dist and the site's downloads/. The browser tests' link check needs both.
dist: pdf
	$(BIN)/python tools/dist.py

# The offline copy unzipped into $(BOOK_BUILD_DIR)/dist/offline, opened by the browser tests that
# concern a copy of the site (pages load with no network, links resolve, explorers work, the
# downloads are complete); the page-by-page accessibility and phone checks ran on the site already.
OFFLINE_TESTS := tests/browser/test_site.py tests/browser/test_publishing.py tests/browser/test_review.py
test-offline: check-chromium
	rm -rf $(BOOK_BUILD_DIR)/dist/offline
	$(BIN)/python -m zipfile -e $(BOOK_BUILD_DIR)/dist/venetoclax-all-book-site.zip $(BOOK_BUILD_DIR)/dist/offline
	BOOK_SITE_DIR=$(BOOK_BUILD_DIR)/dist/offline/venetoclax-all-book $(BIN)/python -m pytest $(OFFLINE_TESTS) -q -n $(BROWSER_WORKERS)

# Insert or update, in every chapter notebook, the first cell that installs the book's
# package when the notebook runs in Colab (tools/colab_cell.py), for BOOK_REPOSITORY.
colab-cells: setup
	$(BIN)/python tools/colab_cell.py --repository "$(BOOK_REPOSITORY)"

# Lint and format checks: ruff (configured in pyproject.toml) on the code, and through nbQA
# on the notebooks' code cells. `make format` applies the fixes and the formatting.
LINT_PATHS := widgets tests tools _ext
.PHONY: lint format
lint: $(VENV)/.installed
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/nbqa ruff chapters/*.ipynb chapters/cases/*.ipynb
	$(BIN)/nbqa "ruff format --check" chapters/*.ipynb chapters/cases/*.ipynb

format: $(VENV)/.installed
	$(BIN)/ruff check --fix --exit-zero $(LINT_PATHS)
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/nbqa "ruff check --fix --exit-zero" chapters/*.ipynb chapters/cases/*.ipynb
	$(BIN)/nbqa "ruff format" chapters/*.ipynb chapters/cases/*.ipynb

benchmark: setup
	$(BIN)/python tools/benchmark.py

# The built site served with gzip and loaded on a throttled phone profile (tools/site_benchmark.py):
# bytes sent and time until every explorer is ready, per page. Prints figures, asserts nothing.
site-benchmark: check-chromium setup
	$(BIN)/python tools/site_benchmark.py

clean:
	rm -rf $(BOOK_BUILD_DIR)

# Re-pin every Python package (maintainers): installs the newest allowed versions of
# pyproject's dependencies in a scratch environment and writes requirements/lock.txt.
lock: check-python
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade "pip>=24"
	.lock-venv/bin/python -m pip install --quiet ".[book,test]"
	.lock-venv/bin/python -m pip freeze --all --exclude-editable | grep -v -E '^(pip==|venetoclax-all-book)' > requirements/lock.txt
	rm -rf .lock-venv
