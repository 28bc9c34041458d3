# wikiparse — every target sets up what it needs (a fresh clone is enough).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
SHARED ?= ../shared
STAMP  := $(VENV)/.installed-test

.PHONY: demo test venv lint typecheck conformance bench browser-deps pandoc-deps clean fuzz

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

# headless Chromium for the browser XSS suite (tests/test_xss_browser.py), installed only when missing
browser-deps:
	@test -x /usr/bin/chromium || { apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

pandoc-deps:
	@command -v pandoc >/dev/null 2>&1 || { apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y pandoc; }

test: $(STAMP) browser-deps pandoc-deps
	$(PY) -m mypy
	$(PY) -m pytest -q -p no:cacheprovider

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

$(BENCH_STAMP): pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet -e . lark-cython mwparserfromhell==0.7.2 wikitextparser==3.0.0
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
	exit $$rc

# fast CI variant: small sizes, a few pages, no timing or agreement asserts (only "it runs")
bench-smoke: bench-env
	@mkdir -p $(BENCH_OUT)
	$(BENCH_PY) benchmarks/scaling.py $(BENCH_ARGS) --smoke --json $(BENCH_OUT)/scaling-smoke.json
	$(BENCH_PY) benchmarks/crosscheck.py $(BENCH_ARGS) --smoke --json $(BENCH_OUT)/crosscheck-smoke.json
	$(BENCH_PY) benchmarks/peers.py $(BENCH_ARGS) --npm-dir $(BENCH_NODE) --smoke --json $(BENCH_OUT)/peers-smoke.json

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .hypothesis
