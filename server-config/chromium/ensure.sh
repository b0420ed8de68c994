#!/usr/bin/env bash
# Makes sure the browser tests (src/test/java/dev/seatkeeper/pages) have a headless Chromium and its driver: Debian's
# `chromium` and `chromium-driver` packages (/usr/bin/chromium, /usr/bin/chromedriver). Installs them when missing,
# as root or through password-less sudo; otherwise says what to install. Run by `mvn verify` before the
# integration tests; safe to run again.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    exit 0
fi
packages=(chromium chromium-driver)
if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "The browser tests need Debian's ${packages[*]}: apt-get install ${packages[*]} (as root)" >&2
    exit 1
fi
echo "Installing ${packages[*]} from Debian's packages for the browser tests"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"
