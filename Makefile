# Two commands: `make run` builds corpus/ into out/; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install train train-ner clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kg build corpus --out out

test: $(STAMP)
	$(BIN)/python -m pytest

# Rebuild the shipped relation model (kg/models/relation_model, its thresholds in kg/config.cfg) from
# data/train and the public sets in ../shared/data (SHARED=... to point elsewhere), reading the texts
# with the shipped NER (kg/models/ner); deterministic. train-ner first fine-tunes that NER too, which
# another CPU's floating-point kernel does not reproduce (README). run and test never train.
SHARED ?= ../shared/data
TRAIN_ARGS = --shared $(SHARED) --out kg/models/relation_model \
	    --calibrate corpus/dev --calibrate-public --average-seeds 3 \
	    --calibrate data/dev/news-calibration.jsonl --write-config kg/config.cfg
train: $(STAMP)
	$(BIN)/kg train $(TRAIN_ARGS)

train-ner: $(STAMP)
	$(BIN)/kg train --ner-out kg/models/ner $(TRAIN_ARGS)

clean:
	rm -rf out .pytest_cache
