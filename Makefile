# The few targets people and CI share. `make demo` and `make test` are README's two commands.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
export COOPGRAPH_DATA_DIR ?= $(CURDIR)/data

.PHONY: demo test check lint typecheck cypher-lint compose-check bench install clean

$(BIN)/coopgraph: pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $@

install: $(BIN)/coopgraph

demo: install  ## load the sample corpus into the embedded store and serve the API on http://127.0.0.1:8000
	$(BIN)/coopgraph load samples/corpus
	$(BIN)/coopgraph serve

test: install check  ## the whole test suite (what CI runs)
	$(BIN)/python -m pytest -n 2 --dist loadfile -q

check: lint typecheck cypher-lint compose-check

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

cypher-lint: install
	bash tools/cypher-lint/run.sh

compose-check: install
	bash tools/check-compose.sh

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
