"""Health probes (/healthz, /readyz) and the 503 answer when the database is down."""
