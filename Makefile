# Two commands for a fresh machine: `make` (environment, build, validation, figures, executed
# notebooks, sites, PDF) and `make test`. `make help` lists every target. Each step prints one line
# with its time; a failing step prints its output and the command that reruns it alone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STEP := $(PYTHON) tools/step.py
# The plain-text source documents the quotes are checked against (optional).
SOURCES ?= ../shared/sources
SOURCES_ARG := $(if $(wildcard $(SOURCES)/README.md),--sources $(SOURCES))
# What every derived file depends on: the package's code and metadata, the data and the lock
# (the inputs digest of `socialtjanst.render` covers the same files).
PACKAGE_FILES := $(shell find src/socialtjanst -type f -not -path '*__pycache__*') $(wildcard data/*.csv) uv.lock
NOTEBOOK_FILES := $(wildcard notebooks/*.py notebooks/*.ipynb notebooks/losningar/*.py notebooks/losningar/*.ipynb)
# Steps run side by side when they can (validation and export beside figures, notebooks and
# sites); each still prints one line. Python may cache compiled modules in .venv even where the shell says not to:
# it saves every later process (build, notebook kernels, tests) seconds of compiling.
MAKEFLAGS += --jobs=$(shell nproc 2>/dev/null || echo 2)
unexport PYTHONDONTWRITEBYTECODE

.DEFAULT_GOAL := all
.PHONY: all help env build validate figures notebooks export dist sysdeps test bench clean

all: build validate figures notebooks site pdf export dist ## create .venv, build, validate, render everything and fill dist/

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

# uv installs the exact versions of uv.lock; bootstrap it from the package index when missing.
UV ?= $(shell command -v uv || echo $(VENV)-uv/bin/uv)

$(VENV)-uv/bin/uv:
	@$(STEP) uv -- sh -c '$(PYTHON) -m venv $(VENV)-uv && $(VENV)-uv/bin/python -m pip install -q uv'

$(BIN)/socialtjanst: uv.lock pyproject.toml | $(UV)
	@$(STEP) env -- $(UV) sync --locked --python $(PYTHON) -q
	@touch $@

env: $(BIN)/socialtjanst ## create .venv with the locked dependencies (fails if uv.lock is stale)

# Each step leaves a stamp in build/ (git-ignored) and runs again only when a file it reads is
# newer. In a fresh clone, where file times say nothing, figures and notebooks still skip their
# work: they compare the sha256 of their inputs with the one recorded in the committed files.
build: build/.built ## regenerate derived data, datapackage.json and docs/data-dictionary.md
build/.built: $(PACKAGE_FILES) | env
	@$(STEP) build -- $(BIN)/socialtjanst build
	@mkdir -p $(@D) && touch $@

validate: build/.validated ## validate the package: structure, the package's own checks, quotes
build/.validated: build/.built
	@$(STEP) validate -- $(BIN)/socialtjanst validate $(SOURCES_ARG)
	@touch $@

figures: build/.figures ## export every reproducible source figure (SVG, PNG) into figures/ if its inputs changed
build/.figures: build/.built
	@$(STEP) figures -- $(BIN)/socialtjanst render figures
	@touch $@

# After the figures: the notebooks take every core, and two progress bars would mix on one line.
notebooks: build/.notebooks ## execute the notebooks whose inputs changed, in parallel (committed with outputs)
build/.notebooks: build/.built build/.figures $(NOTEBOOK_FILES)
	@$(STEP) notebooks -- $(BIN)/socialtjanst render notebooks
	@touch $@

sysdeps: ## install the system packages some tests use: Chromium, R + frictionless, PSPP (root; else they skip)
	@sh tools/sysdeps.sh

# The tests read the student site, the PDF and the export `make` built (or build them when not
# current); the PDF waits for sysdeps, which may install Chromium.
test: env sysdeps site export ## run every test (unit, data, doctests, notebooks, browser, R, PSPP); checks uv.lock
	@$(MAKE) --no-print-directory pdf
	@$(STEP) lock-check -- $(UV) lock --check --python $(PYTHON)
	$(BIN)/pytest

bench: env ## time set-up, build, load and validate; writes docs/benchmarks.md
	$(BIN)/python benchmarks/bench.py

clean: ## remove the environment and built artefacts
	rm -rf $(VENV) $(VENV)-uv build dist .R-library

# ---------------------------------------------------------------- exports and other readers
# `socialtjanst export` writes Excel, SQLite, Parquet, SPSS and Stata files into dist/ (git-ignored).
EXPLORE_PORT ?= 8001

EXPORTED := dist/socialtjanst-enkater.sqlite
export: $(EXPORTED) ## Excel, SQLite, Parquet, SPSS and Stata files of the package in dist/
$(EXPORTED): build/.built
	@$(STEP) export -- $(BIN)/socialtjanst export --to dist
	@touch $@

explore: export ## browse dist/socialtjanst-enkater.sqlite with Datasette on http://127.0.0.1:8001
	$(BIN)/datasette serve dist/socialtjanst-enkater.sqlite --metadata dist/datasette.json -h 127.0.0.1 -p $(EXPLORE_PORT)

# ---------------------------------------------------------------- release
# dist/ holds a release: the data package zip, the exports, zips of build/site and
# build/site-larare (whichever exist), catalog.rdf (DCAT-AP-SE) and SHA256SUMS.
# Rebuilding gives byte-identical files.
.PHONY: changelog explore

dist: dist/SHA256SUMS ## release files in dist/: package zip, exports, site zips, catalog.rdf, SHA256SUMS
dist/SHA256SUMS: build/.built $(EXPORTED) build/site/index.html build/site-larare/index.html
	@$(STEP) dist -- $(BIN)/socialtjanst dist
	@touch $@

changelog: env ## regenerate CHANGELOG.md's data sections (socialtjanst diff against each version's commit)
	@$(STEP) changelog -- $(BIN)/socialtjanst changelog

# ------------------------------------------------------------------ the teaching site (Sphinx + myst-nb)
# Rebuilt only when its inputs change (Sphinx itself then rereads only the changed pages).
.PHONY: site site-larare pdf arbetsbok
SITE_INPUTS := build/.built build/.figures build/.notebooks $(wildcard site/* site/_static/* docs/kom-igang.md \
	docs/lararhandledning.md)

site: build/site/index.html ## the teaching site for students in build/site/ (offline: open index.html)

build/site/index.html: $(SITE_INPUTS)
	@$(STEP) site -- $(BIN)/socialtjanst render site
	@touch $@

site-larare: build/site-larare/index.html ## the teacher's site, with the solutions, in build/site-larare/

build/site-larare/index.html: $(SITE_INPUTS)
	@$(STEP) site-larare -- $(BIN)/socialtjanst render site-larare
	@touch $@

# Made by `make` too, beside the sites, where Chromium is installed (else one line says it was
# skipped; `make CHROMIUM=` skips it too). Optional: when printing fails, its step says so and the
# rest of `make` goes on (the PDF test then fails in `make test`).
PDF := build/socialtjanst-enkater.pdf
pdf: $(PDF) ## one A4 PDF of the student pages, build/socialtjanst-enkater.pdf (needs Debian's chromium)

CHROMIUM ?= $(shell command -v chromium)

$(PDF): $(SITE_INPUTS)
	@if [ -n "$(CHROMIUM)" ]; then $(STEP) pdf -- $(BIN)/socialtjanst render pdf || true; \
	else echo "– pdf skipped: chromium is not installed (make sysdeps installs it, as root)"; fi

# A student's own copies: copied once, never overwritten; arbetsbok/ is ignored by git.
arbetsbok: env ## copy the notebooks into arbetsbok/ to work in (never overwrites your files there)
	$(BIN)/socialtjanst arbetsbok --no-start
