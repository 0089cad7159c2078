#!/usr/bin/env bash
# Makes a fresh machine (Node 20 + npm, Debian) ready: pnpm, the locked dependencies and,
# with --test, the system tools the test suite drives (Graphviz renders every DOT output,
# Debian's Chromium runs the Playwright tests; `npx playwright install` cannot download here).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pnpm >/dev/null 2>&1; then
  echo "flowgraph: installing pnpm 12.4.2 with npm" >&2
  npm install -g pnpm@12.4.2 >/dev/null
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

pnpm install --frozen-lockfile --reporter=silent
