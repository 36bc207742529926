#!/usr/bin/env bash
# Installs what Carnet's build and tests need on a fresh machine: the npm packages (exact versions
# from package-lock.json) and, for the browser tests, Debian/Ubuntu's chromium when it is missing.
# Elsewhere (macOS, Windows), install Chromium or Chrome yourself and set CHROMIUM_PATH to it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing Debian's chromium for the browser tests"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: no chromium and no apt-get; install Chromium and set CHROMIUM_PATH for the browser tests" >&2
  fi
fi

npm ci --no-audit --no-fund
