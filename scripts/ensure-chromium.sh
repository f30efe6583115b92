#!/usr/bin/env bash
# Playwright drives Debian's Chromium (it cannot download its own browser on these machines).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null; }
  exit 0
fi
echo "The browser tests need Chromium at $browser: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH." >&2
exit 1
