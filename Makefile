# Two commands for a fresh machine: `make` (environment, build, validation, figures,
# rendered notebooks) and `make test`. `make help` lists every target.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The plain-text source documents the quotes are checked against (optional).
SOURCES ?= ../shared/sources
SOURCES_ARG := $(if $(wildcard $(SOURCES)/README.md),--sources $(SOURCES))

.DEFAULT_GOAL := all
.PHONY: all help env build validate figures notebooks site browser test bench clean export explore readers

all: build validate figures notebooks site export ## create .venv, build, validate and render everything

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

test: env browser readers ## run every test (unit, data, doctests, notebooks, browser, R, PSPP)
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
	rm -rf $(VENV) $(VENV)-uv build dist .R-library

# ---------------------------------------------------------------- exports and other readers
# `socialtjanst export` writes Excel, SQLite, Parquet, SPSS and Stata files into dist/ (git-ignored).
VENDOR ?= ../shared/vendor
R_LIBRARY := .R-library
R_DEBS := r-base-core r-cran-dplyr r-cran-httr r-cran-jsonlite r-cran-purrr r-cran-readr r-cran-rlang r-cran-yaml r-cran-cli
FRICTIONLESS_R := $(VENDOR)/frictionless-r-1.2.1.tar.gz
EXPLORE_PORT ?= 8001

export: env ## Excel, SQLite, Parquet, SPSS and Stata files of the package in dist/
	$(BIN)/socialtjanst export --to dist

explore: export ## browse dist/socialtjanst-enkater.sqlite with Datasette on http://127.0.0.1:8001
	$(BIN)/datasette serve dist/socialtjanst-enkater.sqlite --metadata dist/datasette.json -h 127.0.0.1 -p $(EXPLORE_PORT)

# The interoperability tests read the package with R's frictionless and the .sav files with GNU PSPP.
# Install what is missing (apt-get needs root): Debian's R and PSPP, then frictionless (not in Debian)
# into .R-library/ from the vendored release, or from CRAN where the vendor folder is absent.
readers: env
	@dpkg -s $(R_DEBS) pspp >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(R_DEBS) pspp >/dev/null; }
	@R_LIBS=$(R_LIBRARY) Rscript -e 'quit(status = !requireNamespace("frictionless", quietly = TRUE))' 2>/dev/null || { \
	  mkdir -p $(R_LIBRARY); \
	  if [ -f $(FRICTIONLESS_R) ]; then R CMD INSTALL --no-docs --no-html --library=$(R_LIBRARY) $(FRICTIONLESS_R) >/dev/null; \
	  else Rscript -e 'install.packages("frictionless", lib = "$(R_LIBRARY)", repos = "https://cloud.r-project.org")'; fi; }
