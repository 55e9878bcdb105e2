# Two commands do everything from nothing: `make serve` and `make test`.
# Each target first installs what it needs (system packages with apt as root, a pinned virtual
# environment, pinned npm packages); a second run finds everything in place and installs nothing.

SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Three pytest-xdist workers share one build, one Chromium and one server: a browser test waits on Chromium and
# the server as much as it uses a core, so on two cores a third worker fills those gaps (measured: 124 idle
# core-seconds a run with two workers, 53 with three; 8 min 59 s against 8 min 39 s).
TEST_WORKERS ?= 3
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help serve build test test-unit bench anki pdf clean new lock system-build system-pdf system-test deps test-deps

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | sort

serve: deps  ## Build and serve the handbook on http://127.0.0.1:8000, rebuilding on every change
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: deps  ## Build the site into site/ (only a successful build replaces it)
	$(BIN)/python scripts/build.py

test: test-deps  ## Run every check CI runs: unit, build, examples, workflows and browser tests
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

test-unit: test-deps  ## The quick subset while writing: no build, no browser, no database (seconds)
	$(BIN)/python -m pytest -m "not site" -q -n auto

bench: test-deps  ## Measure build times, figure sizes and page weight
	$(BIN)/python scripts/bench.py

anki: deps  ## Build the Anki deck into dist/
	$(BIN)/python scripts/build_anki.py

pdf: deps system-pdf  ## Print the handbook and its checklists as PDFs (A4, US Letter) into dist/ and build the site with them
	$(BIN)/python scripts/build.py
	$(BIN)/python scripts/build_pdf.py --site-dir site --output dist
	$(BIN)/python scripts/build.py

clean:  ## Remove everything the build and the tests wrote
	rm -rf site .site.building .cache dist node_modules $(VENV) src/*.egg-info

lock: deps  ## Re-lock requirements*.txt from the groups in pyproject.toml (uv; UV_FLAGS=--upgrade to upgrade)
	$(BIN)/python -m pip install --quiet "uv>=0.7"
	scripts/lock.sh

system-build:
	@scripts/ensure-system-packages.sh build

system-pdf:
	@scripts/ensure-system-packages.sh pdf

system-test:
	@scripts/ensure-system-packages.sh test

deps: $(VENV)/.site-installed node_modules/.installed

test-deps: deps $(VENV)/.test-installed system-test

# The site group's lock, then the handbook package itself (editable: hooks, macros and scripts import it).
$(VENV)/.site-installed: requirements.txt pyproject.toml | system-build
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	@touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.txt
	@touch $@

node_modules/.installed: package.json package-lock.json | system-build
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

new: deps  ## Scaffold: make new KIND=page|checklist|figure NAME=data/bloom-filters TITLE="Bloom filters"
	$(BIN)/python scripts/new.py "$(KIND)" "$(NAME)" "$(TITLE)"
