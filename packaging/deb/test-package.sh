#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a build tree, installs it with apt-get as a
# user would, checks that both executables run and that the desktop
# integration files are in place, then removes it again together with any
# dependency the install pulled in, so the machine is left as it was.
#   packaging/deb/test-package.sh [BUILD_DIR]   (default: <repo>/build)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
out=$build/packages

fail() {
  echo "test-package: FAILED: $*" >&2
  exit 1
}

[ -f "$build/CPackConfig.cmake" ] || fail "$build has no CPackConfig.cmake; configure it with cmake first"
for tool in cpack apt-get dpkg-query dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (packaging/dev/install-deps.sh installs what is needed)"
done
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
gui=yes
grep -q '^FLOWSCOPE_BUILD_GUI:BOOL=ON$' "$build/CMakeCache.txt" || gui=no

# sudo drops the environment, so the frontend setting goes through env.
apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
[ "$(id -u)" -eq 0 ] || apt=(sudo "${apt[@]}")
export LC_ALL=C # for sort and comm

# An installed flowscope would be replaced and then removed: refuse instead.
if dpkg-query -W -f='${db:Status-Status}' flowscope 2>/dev/null | grep -qx installed; then
  fail "a flowscope package is already installed; remove it first (apt-get remove flowscope)"
fi

cmake --build "$build"
rm -f "$out"/flowscope_*.deb "$out"/flowscope-dbgsym_*.ddeb
echo "test-package: cpack -G DEB in $build" >&2
if ! (cd "$build" && cpack -G DEB -B "$out" >"$out.log" 2>&1); then
  cat "$out.log" >&2
  fail "cpack -G DEB failed (log above)"
fi
shopt -s nullglob
debs=("$out"/flowscope_"$version"_*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one flowscope_${version}_*.deb in $out, found ${#debs[@]}"
deb=${debs[0]}
echo "test-package: built $deb" >&2

installed_packages() {
  dpkg-query -W -f='${db:Status-Status} ${Package}:${Architecture}\n' | awk '$1 == "installed" { print $2 }' | sort
}
before=$(mktemp)
trap 'rm -f "$before"' EXIT
installed_packages >"$before"

cleanup() {
  local status=$?
  echo "test-package: removing flowscope" >&2
  "${apt[@]}" remove -y -qq flowscope >/dev/null || status=1
  # Dependencies the install brought in go too; packages that were there stay.
  local pulled
  pulled=$(installed_packages | comm -13 "$before" -)
  if [ -n "$pulled" ]; then
    echo "test-package: removing what the install pulled in: $(echo "$pulled" | tr '\n' ' ')" >&2
    # shellcheck disable=SC2086 # one package per word
    "${apt[@]}" remove -y -qq $pulled >/dev/null || status=1
  fi
  if [ -n "$(installed_packages | comm -3 "$before" -)" ]; then
    echo "test-package: FAILED: the installed packages differ from before the test:" >&2
    installed_packages | comm -3 "$before" - >&2
    status=1
  fi
  [ ! -e /usr/bin/flowscope-cli ] || { echo "test-package: FAILED: /usr/bin/flowscope-cli is still there" >&2; status=1; }
  rm -f "$before"
  exit "$status"
}
trap cleanup EXIT

# A fresh machine may have no package lists yet, and apt needs them for the dependencies.
if ! compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null; then
  "${apt[@]}" update -qq
fi
echo "test-package: apt-get install $deb" >&2
# apt takes a local file only by a path containing a slash.
(cd "$out" && "${apt[@]}" install -y -qq --no-install-recommends "./$(basename "$deb")" >/dev/null) ||
  fail "apt-get install of $deb failed"

expect_file() {
  [ -f "$1" ] || fail "$1 is not installed"
}
expect_file /usr/bin/flowscope-cli
expect_file /usr/share/doc/flowscope/copyright
expect_file /usr/share/doc/flowscope/LICENSE

cli_version=$(/usr/bin/flowscope-cli --version) || fail "/usr/bin/flowscope-cli --version exited with $?"
[ "$cli_version" = "flowscope-cli $version" ] ||
  fail "/usr/bin/flowscope-cli --version printed '$cli_version', expected 'flowscope-cli $version'"
echo "test-package: $cli_version" >&2

# The PDF report runs in flowscope-cli-report, which /usr/bin/flowscope-cli
# finds under /usr/libexec/flowscope.
expect_file /usr/libexec/flowscope/flowscope-cli-report
scratch=$(mktemp -d)
if ! /usr/bin/flowscope-cli demo "$scratch/demo" --case "$scratch/demo.flowcase" >"$scratch/log" 2>&1 ||
   ! /usr/bin/flowscope-cli export "$scratch/demo.flowcase" --what report --sections summary \
       --out "$scratch/report.pdf" >>"$scratch/log" 2>&1 || [ ! -s "$scratch/report.pdf" ]; then
  cat "$scratch/log" >&2
  rm -rf "$scratch"
  fail "/usr/bin/flowscope-cli wrote no report (output above)"
fi
rm -rf "$scratch"
echo "test-package: flowscope-cli writes the report" >&2

if [ "$gui" = yes ]; then
  expect_file /usr/bin/flowscope
  desktop=/usr/share/applications/io.flowscope.Flowscope.desktop
  metainfo=/usr/share/metainfo/io.flowscope.Flowscope.metainfo.xml
  expect_file "$desktop"
  expect_file "$metainfo"
  expect_file /usr/share/mime/packages/flowscope-case.xml
  expect_file /usr/share/icons/hicolor/scalable/apps/flowscope.svg
  for size in 16 32 48 64 128 256; do
    expect_file "/usr/share/icons/hicolor/${size}x${size}/apps/flowscope.png"
  done
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate --no-hints "$desktop" || fail "desktop-file-validate rejects $desktop (above)"
  fi
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$metainfo" >"$out.log" 2>&1 || {
      cat "$out.log" >&2
      fail "appstreamcli validate rejects $metainfo (above)"
    }
  fi
  # The MIME database is only rebuilt where shared-mime-info is installed.
  if command -v update-mime-database >/dev/null; then
    expect_file /usr/share/mime/application/x-flowscope-case.xml
  fi

  gui_version=$(QT_QPA_PLATFORM=offscreen /usr/bin/flowscope --version 2>/dev/null) ||
    fail "QT_QPA_PLATFORM=offscreen /usr/bin/flowscope --version exited with $?"
  [ "$gui_version" = "flowscope $version" ] ||
    fail "/usr/bin/flowscope --version printed '$gui_version', expected 'flowscope $version'"
  echo "test-package: $gui_version" >&2

  # Starting for real: the window opens on the demo case (built in a scratch
  # cache) and must still be up when timeout stops it (status 124).
  scratch=$(mktemp -d)
  status=0
  XDG_CACHE_HOME=$scratch QT_QPA_PLATFORM=offscreen timeout 5 /usr/bin/flowscope >"$scratch/log" 2>&1 || status=$?
  if [ "$status" -ne 124 ]; then
    cat "$scratch/log" >&2
    rm -rf "$scratch"
    fail "/usr/bin/flowscope exited with $status within 5 s of starting (output above)"
  fi
  rm -rf "$scratch"
  echo "test-package: flowscope starts and keeps running" >&2
fi

echo "test-package: OK ($(basename "$deb"))" >&2
