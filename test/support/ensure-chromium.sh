#!/usr/bin/env bash
# Before `npm test`: the browser tests drive Debian's Chromium (never a browser downloaded by Playwright).
# Installs the `chromium` package with apt-get when it is missing and this user may (root, or sudo without a password);
# otherwise says what to install and stops.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
  if [ "$sudo" != none ]; then
    echo "Installing Debian's chromium for the browser tests (apt-get)…"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    [ -x "$browser" ] && exit 0
  fi
fi
echo "The browser tests need Chromium at $browser: install Debian's 'chromium' package (apt-get install chromium)," >&2
echo "or point CHROMIUM_PATH at a Chromium binary." >&2
exit 1
