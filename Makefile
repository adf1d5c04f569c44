# Two commands for a fresh machine: `make` (environment, build, validation, figures,
# rendered notebooks) and `make test`. `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The plain-text source documents the quotes are checked against (optional).
SOURCES ?= ../shared/sources
SOURCES_ARG := $(if $(wildcard $(SOURCES)/README.md),--sources $(SOURCES))

.DEFAULT_GOAL := all
.PHONY: all help env build validate figures notebooks browser test bench clean

all: build validate figures notebooks site ## create .venv, build, validate and render everything

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

# The browser test uses Debian's chromium; install it when it is missing (needs root).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

bench: env ## time load/validate/build against plain pandas/frictionless
	$(BIN)/python benchmarks/bench.py

clean: ## remove the environment and built artefacts
	rm -rf $(VENV) $(VENV)-uv build

# ------------------------------------------------------------------ the teaching site (Sphinx + myst-nb)
# Rebuilt only when its inputs change (Sphinx itself then rereads only the changed pages).
.PHONY: site site-larare pdf arbetsbok
SITE_INPUTS := $(wildcard site/* site/_static/* notebooks/*.ipynb docs/kom-igang.md docs/lararhandledning.md \
	data/*.csv figures/serie_personal_generellt.svg src/socialtjanst/*.py)

site: build/site/index.html ## the teaching site for students in build/site/ (offline: open index.html)

build/site/index.html: $(SITE_INPUTS) | env
	$(BIN)/socialtjanst render site
	touch $@

site-larare: build/site-larare/index.html ## the teacher's site, with the solutions, in build/site-larare/

build/site-larare/index.html: $(SITE_INPUTS) $(wildcard notebooks/losningar/*.ipynb) | env
	$(BIN)/socialtjanst render site-larare
	touch $@

pdf: env ## one A4 PDF of the student pages, build/socialtjanst-enkater.pdf (needs Debian's chromium)
	$(BIN)/socialtjanst render pdf

# A student's own copies: copied once, never overwritten (cp -n); arbetsbok/ is ignored by git.
arbetsbok: ## copy the notebooks into arbetsbok/ to work in (never overwrites your files there)
	mkdir -p arbetsbok
	cp -n notebooks/*.ipynb arbetsbok/
