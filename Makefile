# Two commands for a fresh machine: `make` (environment, build, validation, figures,
# rendered notebooks) and `make test`. `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The plain-text source documents the quotes are checked against (optional).
SOURCES ?= ../shared/sources
SOURCES_ARG := $(if $(wildcard $(SOURCES)/README.md),--sources $(SOURCES))

.DEFAULT_GOAL := all
.PHONY: all help env build validate figures notebooks site browser test bench clean

all: build validate figures notebooks site dist ## create .venv, build, validate, render everything and fill dist/

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

# uv installs the exact versions of uv.lock; bootstrap it from the package index when missing.
UV ?= $(shell command -v uv || echo $(VENV)-uv/bin/uv)

$(VENV)-uv/bin/uv:
	$(PYTHON) -m venv $(VENV)-uv
	$(VENV)-uv/bin/python -m pip install -q uv

$(BIN)/socialtjanst: uv.lock pyproject.toml | $(UV)
	$(UV) sync --locked --python $(PYTHON) -q
	touch $@

env: $(BIN)/socialtjanst ## create .venv with the pinned dependencies

build: env ## regenerate derived data, datapackage.json and docs/data-dictionary.md
	$(BIN)/socialtjanst build

validate: env ## frictionless validation plus the package's own checks and quotes
	COLUMNS=160 $(BIN)/frictionless validate datapackage.json
	$(BIN)/socialtjanst validate $(SOURCES_ARG)

test: env browser ## run every test (unit, data, doctests, notebooks, browser)
	$(BIN)/pytest

figures: env ## export every reproducible source figure as SVG and PNG into figures/
	$(BIN)/socialtjanst render figures

notebooks: env ## execute notebooks/*.py into notebooks/*.ipynb (committed with outputs)
	$(BIN)/socialtjanst render notebooks

site: env ## render the executed notebooks into build/site/ (works offline)
	$(BIN)/socialtjanst render site

# The browser test uses Debian's chromium; install it when it is missing (needs root).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

bench: env ## time load/validate/build against plain pandas/frictionless
	$(BIN)/python benchmarks/bench.py

clean: ## remove the environment and built artefacts
	rm -rf $(VENV) $(VENV)-uv build dist

# ---------------------------------------------------------------- release (issue 14)
# dist/ holds a release: the data package zip, the exports (`socialtjanst export`, run before
# this), zips of build/site and build/site-larare (whichever exist), catalog.rdf (DCAT-AP-SE)
# and SHA256SUMS. Rebuilding gives byte-identical files.
.PHONY: dist changelog

dist: build site ## release files in dist/: package zip, exports, site zips, catalog.rdf, SHA256SUMS
	$(BIN)/socialtjanst dist

changelog: env ## regenerate CHANGELOG.md's data sections (socialtjanst diff against each version's commit)
	$(BIN)/socialtjanst changelog
