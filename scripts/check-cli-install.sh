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
echo "check-cli-install: $(basename "$tarball") installs with npm into a fresh prefix; flowgraph $expected runs outside the repository"
