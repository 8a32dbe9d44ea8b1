"""gunicorn settings shared by every way the ASGI server runs: `make run`, scripts/e2e.sh, the
benches and production (`gunicorn -c config/gunicorn.conf.py`, docs/operations.md). Binding and
the number of workers stay on the command line."""

wsgi_app = "config.asgi:application"
worker_class = "uvicorn_worker.UvicornWorker"
# Idle keep-alive connections stay open 75 s (longer than the usual load balancer's 60 s idle
# timeout, so the balancer closes first). gunicorn's default, 2 s, closed them between one
# request of a page and the next; a client that reused a connection as it closed got
# "connection reset" (the load test's failures, bench/load_test.py).
keepalive = 75
