# Task runner; CI (.ci/run) uses these targets verbatim.
PYTHON ?= python3

.PHONY: install test lint bench wheel-check fuzz

install:
	$(PYTHON) -m pip install -e '.[test]'

test:
	$(PYTHON) -m pytest

lint:
	ruff check .
	ruff format --check .
	mypy

bench:
	$(PYTHON) benchmarks/bench_extract.py

# Build the wheel, install it into a fresh venv and use it from outside the checkout.
wheel-check:
	bash .ci/wheel-check

# A long fuzzing run for local use; CI runs the same tests with a small budget.
fuzz:
	FUZZ_EXAMPLES=5000 $(PYTHON) -m pytest -q -p no:warnings tests/robustness/test_fuzz.py
