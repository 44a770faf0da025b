"""The ways in: the `coopgraph` command line and the HTTP API."""
