"""The graph store: connection, schema, batched writes, export — the ground every other package stands on."""
