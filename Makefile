# Named tasks. The README and .ci/run use these names.
#   make serve   build the site and serve it at http://127.0.0.1:8000/
#   make test    install everything the tests need, then run every test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE := site
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup system-deps build-deps node-deps build serve dev test test-fast validate schema exercise-pages cards-pdf offline bench properdocs clean

help:
	@grep -E '^#   make' Makefile | sed 's/^#   //'
	@echo "make dev            live-reloading author preview (reloads on docs, exercises, data, macros, overrides)"
	@echo "make test-fast      every test that needs no browser (about a minute), for authors"
	@echo "make validate       check exercises, labels and translations"
	@echo "make exercise-pages create the page files for new exercises"
	@echo "make schema         regenerate exercises/exercise.schema.json"
	@echo "make cards-pdf      write a PDF deck of cards per language into site/"
	@echo "make offline        write dist/kohti-valmentavaa-offline.zip: both languages, opens from a folder"
	@echo "make bench          measure build time, page weight and Lighthouse scores"
	@echo "make properdocs     build with ProperDocs 1.6.7 (the MkDocs 1.x fork) and compare with the MkDocs build"

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

setup: $(VENV)/.installed

system-deps:
	tools/install-system-deps.sh

build-deps:
	tools/install-system-deps.sh build

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node-deps: node_modules/.installed

validate: setup
	$(PY) -m macros validate

schema: setup
	$(PY) -m macros schema

exercise-pages: setup
	$(PY) -m macros pages

build: setup build-deps
	$(VENV)/bin/mkdocs build --strict --quiet -d $(SITE)

serve: build
	$(PY) -m tools.serve $(SITE)

dev: setup build-deps
	$(VENV)/bin/mkdocs serve

test: setup system-deps node-deps
	$(PY) -m pytest

test-fast: setup system-deps
	$(PY) -m pytest -m "not browser"

cards-pdf: build system-deps
	$(PY) -m tools.cards_pdf $(SITE)

# The copy for a laptop without network (tools/offline.py); node-deps brings the iframe-worker shim.
offline: setup build-deps node-deps
	$(PY) -m tools.offline

tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

bench: setup system-deps tools/lighthouse/node_modules/.installed
	$(PY) -m tools.bench $(BENCH)

# Migration insurance: the same site from ProperDocs, the maintained fork of MkDocs 1.x.
# Its own venv: the pinned plugins without the mkdocs package (ProperDocs stands in for
# it), so the comparison shows what a switch would change (tools/properdocs_check.py).
PROPERDOCS_VERSION := 1.6.7
PD_VENV := .venv-properdocs
$(PD_VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(PD_VENV)
	grep -v -E '^(mkdocs|mkdocs-get-deps|playwright|greenlet|pytest|iniconfig|pluggy)==' requirements.txt > $(PD_VENV)/requirements.txt
	$(PD_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r $(PD_VENV)/requirements.txt properdocs==$(PROPERDOCS_VERSION)
	touch $@

properdocs: setup build-deps $(PD_VENV)/.installed
	$(PY) -m tools.properdocs_check

clean:
	rm -rf $(SITE) dist .pytest_cache
