#!/usr/bin/env bash
# Browser tests: build the front end, serve it with Django on a fresh SQLite database holding the
# demo community, and run Playwright (Debian's Chromium) against it. Exits with Playwright's status.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
PORT=${E2E_PORT:-8765}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests"
  apt-get update -qq && apt-get install -y -qq chromium
fi

echo "--- Building the front end"
(cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)

WORK=$(mktemp -d /tmp/thrive-e2e.XXXXXX)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The tests reach the same database through E2E_PYTHON to set up states the UI can't.
export DATABASE_URL="sqlite:///$WORK/e2e.sqlite3"
# collectstatic into the temporary directory, not the repository's staticfiles/ (others may serve it).
export DJANGO_STATIC_ROOT="$WORK/static"
# Rate-limit counters in the temporary directory too, not the checkout's var/ (pytest clears that).
export THROTTLE_CACHE_URL="filecache://$WORK/throttle"
# Flag changes the tests make through E2E_PYTHON reach the server at once (no per-process flag cache).
export THRIVE_FLAG_CACHE_SECONDS=0
export E2E_PYTHON=$PY
# Password-reset emails land as files the tests read (frontend/e2e/signup.spec.ts).
export EMAIL_URL=filemail://
export EMAIL_FILE_PATH="$WORK/emails"
export E2E_BASE_URL="http://127.0.0.1:$PORT"

echo "--- Preparing a fresh database with the demo community"
$PY manage.py migrate --noinput --verbosity 0
$PY manage.py load_thrive_levels
$PY manage.py seed_demo
$PY manage.py seed_demo_quests
$PY manage.py seed_demo_battles
$PY manage.py assign_thrive_circles
# The demo members have seen the first-visit tour; onboarding.spec.ts signs up newcomers to see it.
$PY manage.py shell --verbosity 0 -c "from django.contrib.auth import get_user_model; from core.launch.services import complete_onboarding
for user in get_user_model().objects.all(): complete_onboarding(user)"
$PY manage.py collectstatic --noinput --verbosity 0

echo "--- Serving on $E2E_BASE_URL"
# The same ASGI server as `make run`: HTTP and the live socket, two processes so the live feed
# must cross processes (the database channel layer, as without Redis in `make run`).
$ROOT/.venv/bin/gunicorn -c config/gunicorn.conf.py --bind "127.0.0.1:$PORT" --workers 2 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 60); do
  curl -sf -o /dev/null "$E2E_BASE_URL/api/v1/thrive-levels/" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; echo "The server did not start"; exit 1; }
  sleep 0.5
done
curl -sf -o /dev/null "$E2E_BASE_URL/api/v1/thrive-levels/" || { cat "$WORK/server.log"; echo "The server did not answer"; exit 1; }

echo "--- Playwright"
status=0
(cd frontend && npx playwright test "$@") || status=$?
if [ "$status" -ne 0 ]; then echo "--- Server log (last 50 lines)"; tail -n 50 "$WORK/server.log"; fi
exit "$status"
