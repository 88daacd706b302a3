#!/usr/bin/env bash
# Debian packages, installed only where missing.
#   tools/install-system-deps.sh build   what the build needs: Voikko and hunspell-sv
#                                        give the search index its base forms
#   tools/install-system-deps.sh         all of that, plus what the tests need: the
#                                        browser (chromium, never a downloaded one) and
#                                        pdfinfo for page counts
set -euo pipefail
packages=(libvoikko1 voikko-fi hunspell hunspell-sv)
[ "${1:-all}" = build ] || packages+=(chromium poppler-utils)
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
