# The two commands of the README: `make run` and `make test`. Everything they need is installed
# by the targets below, from the lock files, so a fresh clone works without manual steps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install install-test assets migrate data lint check clean benchmark

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==0.13.9

# Stamp files: reinstall only when a lock file changes.
$(VENV)/.run-deps: requirements.lock | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	touch $@

$(VENV)/.test-deps: requirements-test.lock | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements-test.lock
	touch $@ $(VENV)/.run-deps

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.run-deps node_modules/.installed
install-test: $(VENV)/.test-deps node_modules/.installed

# The embedded default: SQLite, tasks in-process, demo data. Safe to run again: loaders upsert.
run: export DEBUG ?= true
run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py laad_referentiedata
	$(BIN)/python manage.py laad_demodata
	@echo
	@echo "Portaal: http://127.0.0.1:8000/  (inloggen met een demo-account, wachtwoord: demo-portaal)"
	@echo "  beheerder@demo.nl, projectteam@demo.nl, stuurgroep@demo.nl, adviseur@demo.nl,"
	@echo "  bcm@demo.nl, waarnemer@demo.nl, buiten@demo.nl, ministerie@demo.nl"
	@echo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The whole suite. DATABASE_URL/REDIS_URL from the environment select PostgreSQL and a real
# Celery worker (CI sets both); without them the suite runs on SQLite and says what it skipped.
test: export DEBUG ?= true
test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

# The quality targets of DESIGN §8, measured (benchmark/README.md). It makes its own database:
# `<name>_benchmark` on the PostgreSQL server of DATABASE_URL (the meaningful target), dropped
# afterwards; without DATABASE_URL a temporary SQLite file. Reports only, unless --streng.
# Options: make benchmark BENCHMARK_OPTIES="--schalen 1 10 --snel --streng --json pad.json"
benchmark: install-test
	$(BIN)/python -m benchmark $(BENCHMARK_OPTIES)

lint: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules staticfiles
