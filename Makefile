# python3.12 may be a pyenv shim that is not on the active version list:
# take the first interpreter that actually runs.
PYTHON ?= $(firstword $(foreach p,python3.12 $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) /usr/bin/python3.12,$(shell $(p) -c 'print("$(p)")' 2>/dev/null)))
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The web page's browser libraries (Leaflet, marker clustering, topojson-client,
# world-atlas) are npm packages installed into an ignored folder and served from
# there; nothing of theirs is copied into the repository.
WEB_ASSETS := marsad/web/node_modules/.package-lock.json

.PHONY: setup web-assets demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

$(WEB_ASSETS): marsad/web/package.json marsad/web/package-lock.json
	cd marsad/web && npm ci --no-audit --no-fund --loglevel=error
	touch $(WEB_ASSETS)

web-assets: $(WEB_ASSETS)

demo: $(STAMP)
	$(BIN)/marsad extract examples/gaziantep-2016-08-20.txt --published 2016-08-21 --format table

test: $(STAMP) $(WEB_ASSETS)
	$(BIN)/ruff check marsad tests benchmarks --select F,E9 --quiet
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info marsad/web/node_modules
