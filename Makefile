# Two commands for everything: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
APT_PACKAGES := chromium python3-venv

.PHONY: serve test setup system-deps build validate bench clean

# Python environment with the pinned dependencies; rebuilt when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

# Debian packages the browser tests need; installed only when missing.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installiere Debian-Pakete:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

validate: setup
	$(PY) scripts/validate.py

# pytest exits 5 when it collects no test; that must fail loudly, not pass silently.
test: system-deps setup
	$(PY) scripts/validate.py
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "Keine Tests gefunden (pytest exit 5)"; exit 1; fi; exit $$status

# Live-reloading local site; the hooks validate every case first.
serve: setup
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(PY) -m mkdocs build --strict

bench: setup
	$(PY) scripts/bench.py

clean:
	rm -rf site test-output .pytest_cache
