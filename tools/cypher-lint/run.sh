#!/usr/bin/env bash
# Lint every Neo4j-form Cypher statement offline with Neo4j's own front end (Cypher 5).
#   bash tools/cypher-lint/run.sh [--cypher TEXT] [--extra FILE.json]   (arguments go to neo4j_statements.py)
# Exit 0 when every statement parses and passes semantic checks, 1 when any has an error, 2 on setup problems.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"

if ! command -v node >/dev/null 2>&1; then
    echo "cypher-lint: node is not installed (needs Node 20 or newer)" >&2
    exit 2
fi

# Install the pinned linter from package-lock.json when node_modules is missing or older than the lock.
stamp="$here/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || {
        echo "cypher-lint: npm ci failed in $here" >&2
        exit 2
    }
fi

"$python" "$repo/tools/neo4j_statements.py" "$@" | node "$here/lint.mjs"
