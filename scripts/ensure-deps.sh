#!/usr/bin/env bash
# Makes a fresh machine (Node 20 + npm, Debian) ready: pnpm, the locked dependencies and,
# with --test, the system tools the test suite drives (Graphviz renders every DOT output,
# Debian's Chromium runs the Playwright tests; `npx playwright install` cannot download here).
set -euo pipefail
cd "$(dirname "$0")/.."

# The version pinned in package.json's packageManager. pnpm 10, because pnpm 12 rejects the
# `pnpm -s <script>` form the CLI is documented with, and refuses to switch versions itself here.
pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  echo "flowgraph: installing pnpm $pnpm_version with npm" >&2
  npm install -g "pnpm@$pnpm_version" >/dev/null 2>&1 || {
    echo "flowgraph: could not install pnpm $pnpm_version globally (npm install -g pnpm@$pnpm_version)" >&2
    exit 1
  }
fi

if [ "${1:-}" = "--test" ]; then
  missing=()
  command -v dot >/dev/null 2>&1 || missing+=(graphviz)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
      echo "flowgraph: the tests need ${missing[*]}; install them with apt-get (needs root)" >&2
      exit 1
    fi
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "flowgraph: installing ${missing[*]} with apt-get" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

pnpm install --frozen-lockfile
