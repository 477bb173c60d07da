# Two commands: `make report` (the whole analysis on the embedded sample) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= data
OUT ?= report

.PHONY: report test venv benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

venv: $(STAMP)

report: $(STAMP)
	$(PY) -m analysis report $(CORPUS) --out $(OUT) --figures figures

test: $(STAMP)
	$(PY) -m pytest

benchmark: $(STAMP)
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) benchmarks/bench_segment.py
	$(PY) benchmarks/bench_quotes.py --mb 10
	$(PY) benchmarks/bench_sentiment.py
	$(PY) benchmarks/bench_terms.py --mb 20
	$(PY) benchmarks/bench_actors.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
