# wikiparse — every target sets up what it needs (a fresh clone is enough).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
SHARED ?= ../shared
STAMP  := $(VENV)/.installed-test

.PHONY: demo test test-slow test-compiled wheels venv lint typecheck conformance bench browser-deps pandoc-deps lark-min docs fuzz clean

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

# headless Chromium for the browser XSS suite (tests/emitters/test_xss_browser.py), installed only when missing
browser-deps:
	@test -x /usr/bin/chromium || { apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

pandoc-deps:
	@command -v pandoc >/dev/null 2>&1 || { apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y pandoc; }

# the suite runs in parallel (pytest-xdist; TEST_JOBS=0 runs it in this process, TEST_JOBS=4 on
# four workers).  `make test` runs mypy and the default suite: every test but those marked slow
# (pyproject.toml's addopts: -m 'not slow'); `make test-slow` runs the slow ones (over ~20 s each,
# or corpus-wide families: the browser XSS gate, the Lua and Dask runs, the big property tests).
# CI runs both, test-slow first so that pytest's closing line of `make test` ends the log.
TEST_JOBS ?= auto
PYTEST    := -m pytest -q -p no:cacheprovider -n $(TEST_JOBS)

test: $(STAMP) browser-deps pandoc-deps
	$(PY) -m mypy
	$(PY) $(PYTEST)

test-slow: $(STAMP) browser-deps pandoc-deps
	$(PY) $(PYTEST) -m slow

# the mypyc-compiled build (hatch_build.py): a wheel compiled from this checkout in its own venv,
# and the whole suite run against it in parallel (slow tests included, browser tests aside);
# tests/compiled/ compares it with pure Python on the whole corpus, every format (WIKIPARSE_EXPECT_COMPILED=1: a pure wheel here is a failure)
CVENV   := .venv-compiled
CSTAMP  := $(CVENV)/.installed-test
SOURCES := $(shell find src grammar -type f -not -name '*.pyc' 2>/dev/null)
$(CSTAMP): pyproject.toml hatch_build.py $(SOURCES)
	rm -rf $(CVENV) build/compiled-wheel
	$(PYTHON) -m venv $(CVENV)
	$(CVENV)/bin/python -m pip install --quiet --upgrade pip
	WIKIPARSE_COMPILE=1 $(CVENV)/bin/python -m pip wheel --quiet --no-deps -w build/compiled-wheel .
	$(CVENV)/bin/python -m pip install --quiet "$$(ls build/compiled-wheel/wikiparse-*.whl)[test]"
	$(CVENV)/bin/python -m pip install --quiet tests/plugin_pkg 2>/dev/null || true
	$(CVENV)/bin/python -c "import wikiparse.compiled as c, sys; sys.exit(not c.IS_COMPILED)"
	touch $(CSTAMP)

test-compiled: $(CSTAMP) pandoc-deps
	WIKIPARSE_EXPECT_COMPILED=1 $(CVENV)/bin/python $(PYTEST) -m "not browser"

# the wheels this checkout ships: one compiled wheel per CPython (3.10+) found here (on PATH, or
# pyenv's versions), and the pure-Python one; WHEEL_PYTHONS="python3.11 /opt/py312/bin/python"
# chooses.  Each compiled wheel must hold an extension module for every module hatch_build.py
# compiles (tests/packaging/check_wheels.py).
WHEEL_PYTHONS ?=
wheels:
	rm -rf dist && mkdir -p dist
	@pys="$(WHEEL_PYTHONS)"; \
	if [ -z "$$pys" ]; then for v in 3.10 3.11 3.12 3.13 3.14; do \
		for c in python$$v "$$(pyenv root 2>/dev/null)"/versions/$$v*/bin/python; do \
			"$$c" -c 'import sys; assert sys.implementation.name == "cpython"' >/dev/null 2>&1 && \
			{ pys="$$pys $$c"; break; }; \
		done; done; fi; \
	test -n "$$pys" || { echo "no CPython >= 3.10 found"; exit 1; }; \
	for py in $$pys; do echo "compiled wheel: $$py ($$($$py -V 2>&1))"; \
		WIKIPARSE_COMPILE=1 $$py -m pip wheel --quiet --no-deps -w dist . || exit 1; done
	WIKIPARSE_COMPILE=0 $(PYTHON) -m pip wheel --quiet --no-deps -w dist .
	$(PYTHON) tests/packaging/check_wheels.py dist

# the lowest lark that pyproject.toml allows (lark>=1.2,<2): a venv with lark 1.2.*, in which the
# demo and the parser and rendered-page smoke tests (slow ones too: -m "") must pass (about a
# minute, most of it pip)
LARK_MIN_VENV := .venv-lark-min
LARK_MIN      := 1.2.*

lark-min:
	$(PYTHON) -m venv $(LARK_MIN_VENV)
	$(LARK_MIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LARK_MIN_VENV)/bin/python -m pip install --quiet 'lark==$(LARK_MIN)' pytest -e .
	$(LARK_MIN_VENV)/bin/python -c "import lark, sys; v = lark.__version__; print('lark', v); \
		sys.exit(not v.startswith('1.2.'))"
	$(LARK_MIN_VENV)/bin/python -m wikiparse.demo > /dev/null
	$(LARK_MIN_VENV)/bin/python -m pytest -q -p no:cacheprovider -m "" tests/parser/test_parser_fixtures.py \
		tests/rendered/test_rendered.py

# the documentation site (MkDocs + mkdocstrings, mkdocs.yml) into site/; warnings are errors
DOCS_STAMP := $(VENV)/.installed-docs
$(DOCS_STAMP): $(STAMP) pyproject.toml
	$(PIP) install --quiet -e '.[test,docs]'
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	$(PY) -m mkdocs build --strict --site-dir site

# long fuzz run (docs/reliability.md): FUZZ_SECONDS=3600 make fuzz; new failures are stored in
# tests/fixtures/reliability/ (FUZZ_SEED, FUZZ_ENGINE=atheris after `pip install atheris`)
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(PY) tests/fuzz/run_fuzz.py --seconds $(FUZZ_SECONDS) --corpus $(SHARED)/corpora/articles

conformance: $(STAMP)
	$(PY) benchmarks/conformance.py --shared $(SHARED)
	$(PY) benchmarks/text_conformance.py --shared $(SHARED)

# ---- benchmarks: a separate env with the peer parsers (see docs/performance.md)
BENCH_VENV  := benchmarks/.venv
BENCH_PY    := $(BENCH_VENV)/bin/python
BENCH_STAMP := $(BENCH_VENV)/.installed-bench
BENCH_NODE  := benchmarks/.node
BENCH_OUT   := benchmarks/out
BENCH_ARGS  := --shared $(SHARED)

.PHONY: bench-env bench-smoke

# wikiparse is installed as `pip install .` installs it (not editable): compiled with mypyc when a
# C compiler is there, so the figures are the default install's; BENCH_COMPILE=0 measures the
# pure-Python build (the reports' "wikiparse build:" line says which ran).  Reinstalled when a
# source changes.
BENCH_COMPILE ?= auto
BENCH_WHEEL   := build/bench-wheel
$(BENCH_STAMP): pyproject.toml hatch_build.py $(SOURCES)
	test -x $(BENCH_PY) || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	rm -rf $(BENCH_WHEEL)
	WIKIPARSE_COMPILE=$(BENCH_COMPILE) $(BENCH_PY) -m pip wheel --quiet --no-deps -w $(BENCH_WHEEL) .
	$(BENCH_PY) -m pip install --quiet "$$(ls $(BENCH_WHEEL)/wikiparse-*.whl)" lark-cython \
		mwparserfromhell==0.7.2 wikitextparser==3.0.0
	$(BENCH_PY) -m pip install --quiet --force-reinstall --no-deps "$$(ls $(BENCH_WHEEL)/wikiparse-*.whl)"
	cd $(BENCH_VENV) && bin/python -c "import wikiparse.compiled as c; \
		print('benchmarks/.venv: wikiparse', 'mypyc-compiled,' if c.IS_COMPILED else 'pure Python,', \
		len(c.COMPILED), 'modules compiled')"
	touch $(BENCH_STAMP)

$(BENCH_NODE)/.installed:
	npm install --prefix $(BENCH_NODE) --no-audit --no-fund --loglevel=error \
		wtf_wikipedia@10.4.2 wtf-plugin-html@1.0.0
	touch $(BENCH_NODE)/.installed

bench-env: $(BENCH_STAMP) $(BENCH_NODE)/.installed
	@command -v pandoc >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null; }

# all three run; the target fails at the end if scaling (exponent > 1.15) or crosscheck (< 97%) fails
bench: bench-env
	@mkdir -p $(BENCH_OUT)
	@rc=0; \
	$(BENCH_PY) benchmarks/scaling.py $(BENCH_ARGS) --check --json $(BENCH_OUT)/scaling.json || rc=1; \
	$(BENCH_PY) benchmarks/crosscheck.py $(BENCH_ARGS) --check --json $(BENCH_OUT)/crosscheck.json || rc=1; \
	$(BENCH_PY) benchmarks/peers.py $(BENCH_ARGS) --npm-dir $(BENCH_NODE) --json $(BENCH_OUT)/peers.json || rc=1; \
	$(BENCH_PY) benchmarks/persistent.py $(BENCH_ARGS) --npm-dir $(BENCH_NODE) --json $(BENCH_OUT)/persistent.json || rc=1; \
	exit $$rc

# fast CI variant: small sizes, a few pages, no timing or agreement asserts (only "it runs")
bench-smoke: bench-env
	@mkdir -p $(BENCH_OUT)
	$(BENCH_PY) benchmarks/scaling.py $(BENCH_ARGS) --smoke --json $(BENCH_OUT)/scaling-smoke.json
	$(BENCH_PY) benchmarks/crosscheck.py $(BENCH_ARGS) --smoke --json $(BENCH_OUT)/crosscheck-smoke.json
	$(BENCH_PY) benchmarks/peers.py $(BENCH_ARGS) --npm-dir $(BENCH_NODE) --smoke --json $(BENCH_OUT)/peers-smoke.json
	$(BENCH_PY) benchmarks/persistent.py $(BENCH_ARGS) --npm-dir $(BENCH_NODE) --smoke --json $(BENCH_OUT)/persistent-smoke.json

clean:
	rm -rf $(VENV) $(CVENV) $(LARK_MIN_VENV) build dist .mypy_cache .pytest_cache .hypothesis
