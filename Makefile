# Two commands for a fresh machine: `make` (environment, build, validation, figures,
# rendered notebooks) and `make test`. `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The plain-text source documents the quotes are checked against (optional).
SOURCES ?= ../shared/sources
SOURCES_ARG := $(if $(wildcard $(SOURCES)/README.md),--sources $(SOURCES))

.DEFAULT_GOAL := all
.PHONY: all help env build validate figures notebooks site browser test citation bench clean

all: build validate figures notebooks site ## create .venv, build, validate and render everything

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

$(BIN)/socialtjanst: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

env: $(BIN)/socialtjanst ## create .venv with the pinned dependencies

build: env ## regenerate derived data, datapackage.json and docs/data-dictionary.md
	$(BIN)/socialtjanst build

validate: env ## frictionless validation plus the package's own checks and quotes
	COLUMNS=160 $(BIN)/frictionless validate datapackage.json
	$(BIN)/socialtjanst validate $(SOURCES_ARG)

test: env citation browser ## run every test (unit, data, doctests, notebooks, browser)
	$(BIN)/pytest

# cffconvert pins jsonschema<4, which would break frictionless: it gets its own venv.
$(VENV)-cff/bin/cffconvert: requirements-cff.lock
	$(PYTHON) -m venv $(VENV)-cff
	$(VENV)-cff/bin/python -m pip install -q -r requirements-cff.lock
	touch $@

citation: $(VENV)-cff/bin/cffconvert ## validate CITATION.cff
	$(VENV)-cff/bin/cffconvert --validate -i CITATION.cff

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
	rm -rf $(VENV) $(VENV)-cff build
