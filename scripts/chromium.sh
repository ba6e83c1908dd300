#!/usr/bin/env bash
# Chromium for the browser e2e tests: prints the path of a Chromium binary.
# Uses $CHROMIUM_PATH or Debian's /usr/bin/chromium; installs Debian's `chromium` when running as root
# with apt-get. Never downloads a browser of its own (no `npx playwright install`).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi
for c in /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$c" ] && { echo "$c"; exit 0; }
done
apt_install chromium || die "Chromium is missing. Install Debian's package (sudo apt-get install chromium)
  or set CHROMIUM_PATH to a Chromium/Chrome binary, then re-run."
echo /usr/bin/chromium
