#!/usr/bin/env bash
# The CLI as users get it: bundle it, pack the tarball, install it with npm into a temporary
# prefix, and run it from a folder that is not this repository. Fails (exit 1) when the packed
# CLI does not install or does not answer as it should. Run by .ci/run after the test suite;
# `bash scripts/check-cli-install.sh` by hand.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pnpm --dir "$repo" --filter @flowgraph/cli run build >/dev/null
pnpm --dir "$repo" --filter @flowgraph/cli pack --pack-destination "$work" >/dev/null
tarball=$(ls "$work"/*.tgz)

# A machine without this repository: its own npm prefix, a folder with only the flow files.
mkdir -p "$work/prefix" "$work/project"
cp "$repo"/examples/*.json "$work/project/"
cd "$work/project"
npm install --global --prefix "$work/prefix" --no-audit --no-fund "$tarball" >/dev/null
flowgraph="$work/prefix/bin/flowgraph"

fail() { echo "check-cli-install: $*" >&2; exit 1; }
expected=$(node -p "require('$repo/packages/cli/package.json').version")
[ "$("$flowgraph" --version)" = "$expected" ] || fail "flowgraph --version did not print $expected"
"$flowgraph" --help | grep -q 'Usage: flowgraph <command>' || fail "flowgraph --help printed no usage"
set +e
"$flowgraph" check . --format json >"$work/check.json" 2>"$work/check.err"
code=$?
set -e
# The examples hold an org cycle, so check must find it: exit 1 with a JSON report.
[ "$code" = 1 ] || fail "flowgraph check exited $code, expected 1: $(cat "$work/check.err")"
node -e "const r = JSON.parse(require('fs').readFileSync('$work/check.json', 'utf8')); if (!r.cycles.some((c) => c.scope === 'org')) process.exit(1);" \
  || fail "flowgraph check found no org cycle in the examples"
# flowgraph serve: the installed CLI serves the web app over the flow files.
log="$work/serve.log"
"$flowgraph" serve . --port 0 --no-watch >"$log" 2>&1 &
serve_pid=$!
url=""
for _ in $(seq 1 60); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { kill "$serve_pid" 2>/dev/null; fail "flowgraph serve printed no URL: $(cat "$log")"; }
node -e "fetch('$url/api/graph').then((r) => r.json()).then((g) => process.exit(g.source.kind === 'files' ? 0 : 1), () => process.exit(1))" \
  || { kill "$serve_pid"; fail "flowgraph serve: /api/graph is not the files' graph"; }
node -e "fetch('$url/', { headers: { accept: 'text/html' } }).then((r) => r.text()).then((t) => process.exit(t.includes('id=\"root\"') ? 0 : 1), () => process.exit(1))" \
  || { kill "$serve_pid"; fail "flowgraph serve: the web app is not served"; }
kill "$serve_pid"
echo "check-cli-install: $(basename "$tarball") installs with npm into a fresh prefix; flowgraph $expected runs outside the repository"
