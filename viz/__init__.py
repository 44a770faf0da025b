"""Interactive network views of the graph (vis-network), the home page and the `coopgraph viz` command."""
