#!/usr/bin/env bash
# Debian packages the tests need: the browser (chromium, never a downloaded one),
# pdfinfo for page counts, and the spell checkers. Installs only what is missing.
set -euo pipefail
packages=(chromium poppler-utils libvoikko1 voikko-fi hunspell hunspell-sv)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "system packages: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
