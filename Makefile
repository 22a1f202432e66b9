# caresq-logic: two commands for a newcomer (see README.md).
#   make demo   set up .venv, install, explain an example practice against the default policies
#   make test   set up .venv, install, run every test
# Both install the package the way a user gets it (`pip install .`, not editable), so the tests
# exercise the wheel with its shipped grammar and policies.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: demo test install fuzz bench clean test-browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check ".[test,lsp]"

demo: install
	$(BIN)/caresq-logic explain examples/providers/paramedische_zorg/fysio_b.lp

# The consistency check of the shipped policies (an unsuppressed error fails), their layout (after
# an edit: caresq-logic fmt policies/), every example's expected decision with the decision-point
# coverage table (`caresq-logic test`), every quote verbatim in its source text where the texts are
# beside this clone, then the suite, whose summary line is the last thing printed.
SEEDS ?= ../shared/seeds
test: install
	$(BIN)/caresq-logic check policies/
	$(BIN)/caresq-logic fmt --check policies/
	$(BIN)/caresq-logic test examples/
	@if [ -d "$(SEEDS)" ]; then $(BIN)/caresq-logic citaten policies/ --bronnen "$(SEEDS)"; \
	else echo "citaten: OVERGESLAGEN, geen bronteksten in $(SEEDS) (tests/test_quotes.py toetst het commando wel)"; fi
	cd tests && ../$(BIN)/python -m pytest $(PYTEST_ARGS)

# The HTML report in headless Chromium (Debian's `chromium`, installed here, needs root); keeps a
# screenshot in html-report.png.
test-browser: install
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
	cd tests && CARESQ_SCREENSHOT=$(abspath html-report.png) ../$(BIN)/python -m pytest -rs test_browser.py $(PYTEST_ARGS)

# 10,000 random and mutated examples per target (policies incl. check, .lp, CSV/JSONL); about 7 minutes.
fuzz: install
	cd tests && CARESQ_FUZZ_EXAMPLES=$${CARESQ_FUZZ_EXAMPLES:-10000} ../$(BIN)/python -m pytest test_fuzz.py $(PYTEST_ARGS)

# Our own timings, then caresq-logic side by side with the peer engines on their data (issue 12;
# benchmarks/peers/README.md): its own venv and data under /tmp, about 15 minutes.
bench: install
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_explain.py
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_doel.py
	CARESQ_BIN=$(abspath $(BIN))/caresq-logic benchmarks/peers/run.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
