"""The HTTP edge, shared by every app: what reaches a view is well-formed and bounded.

- parsers.py: the one JSON parser (nesting bound, text safe for the database);
- text.py: the checks it applies, by path, so a 400 names the field;
- fields.py: `MetadataField`, free-form metadata capped in size, depth and keys;
- client.py: the client's address behind a configured number of trusted proxies;
- throttling.py: DRF's rate limits on the cache shared by all workers;
- middleware.py: the Content-Security-Policy header.
"""
