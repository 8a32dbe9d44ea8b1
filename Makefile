# Quick start: `make run` (install everything, demo data, serve on http://127.0.0.1:8000) and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
SIMULATE_EVERY ?= 20
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run install frontend demo-data test test-python test-frontend lock

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(VENV)/.installed

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(shell find frontend/src frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)
	cd frontend && npm run build

frontend: frontend/dist/index.html

demo-data: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_thrive_levels
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_demo_quests
	$(PY) manage.py seed_demo_battles
	$(PY) manage.py assign_thrive_circles

run: install frontend demo-data
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Your Thrive Circle: http://$(HOST):$(PORT)  (sign in as explorer_eve / thrive-demo)"
	@# One ASGI server (uvicorn workers under gunicorn) serves the page, the API and the live socket.
	@# Demo members keep earning XP in the background so circle feeds move; stopped with the server.
	$(PY) manage.py simulate_circle_activity --interval $(SIMULATE_EVERY) > simulate.log 2>&1 & sim=$$!; \
	  trap 'kill $$sim 2>/dev/null' EXIT INT TERM; \
	  $(VENV)/bin/gunicorn -c config/gunicorn.conf.py --bind $(HOST):$(PORT) --workers 2 --access-logfile -

test: install
	bash scripts/test.sh

lock:
	$(VENV)/bin/pip-compile --quiet --extra dev --strip-extras -o requirements.lock pyproject.toml
