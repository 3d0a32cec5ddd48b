# mhextract: one entry point per job. `make test` is what CI runs (.ci/run).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RECORDS ?= records
DEMO   ?= corpus/letters/003_749c75a436ca6fa8.txt

.PHONY: setup demo test lint eval eval-holdout eval-realworld bench browser schema clean record-diff

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install mhextract with its dev tools

demo: setup  ## parse one corpus letter to JSON on stdout
	$(BIN)/mhextract parse $(DEMO)

browser:  ## best effort: Debian's chromium for the end-to-end render test (skipped without it)
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } \
		|| echo "chromium not installed: the browser test will be skipped"

test: setup browser  ## run the test suite
	$(BIN)/python -m pytest -q

lint: setup  ## ruff and mypy
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

eval: setup  ## parse the corpus letters (txt, md, our PDFs) and score them against the gold
	mkdir -p $(RECORDS) && rm -f $(RECORDS)/*.json $(RECORDS)/pdf/*.json  # keeps .last_eval.json for the diff
	$(BIN)/mhextract parse corpus/letters --out $(RECORDS)
	@if ls corpus/pdf/0*.pdf >/dev/null 2>&1; then mkdir -p $(RECORDS)/pdf && \
		$(BIN)/mhextract parse corpus/pdf/0*.pdf --out $(RECORDS)/pdf; fi
	$(BIN)/mhextract eval --gold corpus/gold --records $(RECORDS)

eval-holdout: setup  ## score the blind hold-out sets (corpus/holdout*/; gold written before any run)
	@for set in corpus/holdout*/; do name=$$(basename $$set); \
		mkdir -p $(RECORDS)/$$name && find $(RECORDS)/$$name -name '*.json' ! -name '.*' -delete; \
		echo "== $$name"; \
		$(BIN)/mhextract parse $$set/letters --out $(RECORDS)/$$name && \
		$(BIN)/mhextract eval --gold $$set/gold --records $(RECORDS)/$$name || exit 1; done

eval-realworld: setup  ## score every batch of the real-world corpus (corpus/realworld/*/), then all of it pooled
	@rm -rf $(RECORDS)/realworld && mkdir -p $(RECORDS)/realworld/all/gold $(RECORDS)/realworld/all/records
	@for set in corpus/realworld/*/; do name=$$(basename $$set); \
		mkdir -p $(RECORDS)/realworld/$$name; \
		$(BIN)/mhextract parse $$set/letters --out $(RECORDS)/realworld/$$name --quiet >/dev/null; \
		cp $$set/gold/*.json $(RECORDS)/realworld/all/gold/; \
		cp $(RECORDS)/realworld/$$name/*.json $(RECORDS)/realworld/all/records/ 2>/dev/null; \
		printf '%-6s ' $$name; $(BIN)/mhextract eval --gold $$set/gold --records $(RECORDS)/realworld/$$name | grep -m1 '^macro F1'; \
		done
	@echo "== all real-world letters"; $(BIN)/mhextract eval --gold $(RECORDS)/realworld/all/gold --records $(RECORDS)/realworld/all/records | awk '/^field/{p=1} p{print} /^macro/{if(p) exit}'

bench: setup  ## throughput, per-stage time, peak RSS, ratio to bare nlp.pipe
	$(BIN)/python bench/bench.py

record-diff: setup  ## records of every corpus letter vs a baseline checkout: make record-diff BASE=/path/to/checkout
	@test -n "$(BASE)" || { echo "usage: make record-diff BASE=<baseline checkout> (e.g. git worktree add /tmp/base REV)"; exit 2; }
	$(BIN)/python scripts/record_diff.py --baseline $(BASE)

schema: setup
	$(BIN)/mhextract schema

clean:
	rm -rf $(VENV) $(RECORDS) .pytest_cache .mypy_cache .ruff_cache
