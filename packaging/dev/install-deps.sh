#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Flowscope builds, tests and runs with; only
# what is missing, so a second run costs nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  lld  # a faster linker for the test executables (cmake/FlowscopeLinker.cmake)
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
  libqcustomplot-dev libsqlite3-dev sqlite3 zlib1g-dev libzstd-dev libisal-dev libssl-dev libgraphviz-dev
  libcsv-dev  # tests only: an independent parser the CSV exports are read back with
  graphviz  # sfdp, which the graph view runs for its layout
  poppler-utils  # tests only: pdftotext, pdfinfo and pdffonts read the PDF report back
  clang libclang-rt-14-dev
  xvfb xauth x11-apps
  libqt6svg6  # the SVG icon engine, for the app icon when run from the build tree
  dpkg-dev file desktop-file-utils appstream  # packaging/deb/test-package.sh
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "flowscope: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
