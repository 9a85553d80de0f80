# Two commands: `make run` builds corpus/ into out/; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install train clean

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

# Rebuild the shipped models (kg/models/ner, kg/models/relation_model) from data/train and the
# public sets in ../shared/data (SHARED=... to point elsewhere); deterministic. run and test never train.
SHARED ?= ../shared/data
train: $(STAMP)
	$(BIN)/kg train --shared $(SHARED) --ner-out kg/models/ner --out kg/models/relation_model \
	    --calibrate corpus/dev --calibrate-public --average-seeds 3 \
	    --calibrate data/dev/news-calibration.jsonl --write-config kg/config.cfg

clean:
	rm -rf out .pytest_cache
