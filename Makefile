# Two entry points a newcomer needs; each builds its own virtual environment.
#   make demo  - the main job: agents proving MiniLean problems (no Lean install needed)
#   make test  - the whole test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint venv clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch is pinned first so that no dependency pulls a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[train,rl,dist,dev,clients]"
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(PY) -m agents.demo $(DEMO_ARGS)

test: $(STAMP)
	$(PY) -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check leangym agents trainers tests benchmarks examples

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
