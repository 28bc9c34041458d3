# wikiparse — every target sets up what it needs (a fresh clone is enough).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
SHARED ?= ../shared
STAMP  := $(VENV)/.installed-test

.PHONY: demo test venv lint typecheck conformance bench browser-deps pandoc-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	$(PIP) install --quiet -e tests/plugin_pkg 2>/dev/null || true
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(PY) -m wikiparse.demo

typecheck: $(STAMP)
	$(PY) -m mypy

test: $(STAMP)
	$(PY) -m mypy
	$(PY) -m pytest -q -p no:cacheprovider

conformance: $(STAMP)
	$(PY) benchmarks/conformance.py --shared $(SHARED)

bench: $(STAMP)
	$(PY) benchmarks/scaling.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .hypothesis
