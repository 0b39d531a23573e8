# Quick start: `make demo` then `make test` (a machine with python3, pip and make is enough).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := conflictkg-out

.PHONY: demo test lint bench bench-quick bench-viewer namespace clean

$(BIN)/conflictkg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

demo: $(BIN)/conflictkg
	rm -rf $(OUT)/store
	$(BIN)/conflictkg build --store $(OUT)/store --out $(OUT)/graph.trig --html $(OUT)/graph.html
	$(BIN)/conflictkg view --store $(OUT)/store --view actors -o $(OUT)/actors.html
	@echo "Open $(OUT)/graph.html (events) or $(OUT)/actors.html (actors) in a browser, even offline;"
	@echo "query with: $(BIN)/conflictkg query --store $(OUT)/store --list"

lint: $(BIN)/conflictkg
	$(BIN)/ruff check .

test: lint
	$(BIN)/python -m pytest

bench: $(BIN)/conflictkg
	$(BIN)/python bench/run.py

bench-quick: $(BIN)/conflictkg
	$(BIN)/python bench/run.py --quick

bench-viewer: $(BIN)/conflictkg
	$(BIN)/python bench/viewer.py

namespace: $(BIN)/conflictkg
	$(BIN)/python tools/generate_namespace.py

clean:
	rm -rf $(VENV) $(OUT) conflictkg-data build dist *.egg-info
