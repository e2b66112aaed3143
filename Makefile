# The two set-up commands of README.md: `make run` and `make test`. Both install what they need
# (apt packages, a venv, the node packages, the built extension) and are safe to run twice.
#
# Each step is a file target with the sources it depends on as prerequisites (stamps under
# $(STAMPS)), so a second `make run` rebuilds or reinstalls only what changed since the last one.

SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMPS := $(VENV)/.stamps
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
PORT ?= 8888

FRONTEND_SOURCES := $(shell find src style schema -type f 2>/dev/null) package.json tsconfig.json
SERVER_SOURCES := $(shell find jupyter_gov_ext -type f -not -path '*/tests/*' -not -path '*/labextension/*' -not -name '*.pyc' -not -name '_version.py' 2>/dev/null) jupyter-config/server-config/jupyter_gov_ext.json install.json pyproject.toml
LABEXT := jupyter_gov_ext/labextension/package.json

.PHONY: system venv build install run test lint test-python test-js test-ui bench clean

system:  ## Debian packages: git, chromium (for the UI tests), ssh-keygen (signed ballots), node if missing
	@missing=""; \
	command -v git >/dev/null || missing="$$missing git"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v ssh-keygen >/dev/null || missing="$$missing openssh-client"; \
	command -v node >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(PY):
	@echo "Creating the virtual environment $(VENV)"
	python3 -m venv $(VENV)

$(STAMPS)/venv: requirements-dev.txt | $(PY)
	@echo "Installing the Python build and test tools (requirements-dev.txt changed or first run)"
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	@mkdir -p $(STAMPS) && touch $@

venv: $(STAMPS)/venv

$(STAMPS)/node: package.json yarn.lock $(STAMPS)/venv
	@echo "Installing the node packages (package.json or yarn.lock changed or first run)"
	source $(BIN)/activate && jlpm install --immutable
	@touch $@

$(LABEXT): $(FRONTEND_SOURCES) $(STAMPS)/node
	@echo "Building the frontend (a source file changed or first run)"
	source $(BIN)/activate && jlpm build:prod
	@touch $@

build: $(LABEXT)  ## the TypeScript library and the prebuilt labextension

$(STAMPS)/install: $(LABEXT) $(SERVER_SOURCES) | system
	@echo "Installing jupyter_gov_ext into $(VENV) (the extension or the server code changed or first run)"
	$(PY) -m pip install -q --no-build-isolation --force-reinstall --no-deps .
	$(PY) -m pip install -q --no-build-isolation ".[test]"
	$(BIN)/jupyter labextension list 2>&1 | grep -q "jupyter-gov-ext.*enabled.*OK"
	$(BIN)/jupyter server extension list 2>&1 | grep -q "jupyter_gov_ext.*OK"
	@touch $@

install: system $(STAMPS)/install  ## pip install the package, as a user would (labextension + server config)
	@echo "jupyter_gov_ext is installed and up to date in $(VENV)"

run: install  ## JupyterLab with the extension on the starter repo (~/.jupyter-gov/governance)
	@echo "Starting JupyterLab: open the http://127.0.0.1:$(PORT)/lab?token=... URL printed below."
	$(BIN)/jupyter-lab --no-browser --ip 127.0.0.1 --port $(PORT) $(ROOT_FLAG)

lint: build
	source $(BIN)/activate && jlpm lint:check
	$(BIN)/ruff check jupyter_gov_ext bench scripts ui-tests
	$(BIN)/ruff format --check jupyter_gov_ext bench scripts ui-tests

test-python: install
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-js: build
	source $(BIN)/activate && jlpm test

test-ui: install
	source $(BIN)/activate && cd ui-tests && npx playwright test

test: install lint test-python test-js test-ui  ## every test suite

bench: install
	$(PY) bench/run.py

clean:
	rm -rf lib jupyter_gov_ext/labextension tsconfig.tsbuildinfo $(STAMPS)
