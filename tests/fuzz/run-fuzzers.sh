#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang in a build directory of their own and
# runs each for N seconds: run-fuzzers.sh [seconds] (or FUZZ_SECONDS; default 30).
# Exits non-zero when a fuzzer finds a crash; the reproducer is left in
# <build>/fuzz-artifacts/. FUZZ_BUILD_DIR overrides the build directory.
set -euo pipefail

seconds="${1:-${FUZZ_SECONDS:-30}}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [[ "$seconds" -eq 0 ]]; then
  echo "usage: $0 [seconds > 0]" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
fuzzers=(record_parser)

generator=()
if command -v ninja >/dev/null 2>&1; then
  generator=(-G Ninja)
fi

CC=clang CXX=clang++ cmake -S "$root" -B "$build" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFLOWSCOPE_BUILD_FUZZERS=ON \
  -DFLOWSCOPE_BUILD_GUI=OFF \
  -DFLOWSCOPE_BUILD_TESTS=OFF
cmake --build "$build" --target "${fuzzers[@]/#/fuzz_}"

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
status=0
for name in "${fuzzers[@]}"; do
  # New inputs go to a scratch corpus in the build dir; the seeds stay as committed.
  work="$build/fuzz-corpus/$name"
  mkdir -p "$work"
  echo "== fuzz_$name for ${seconds}s"
  if ! "$build/tests/fuzz/fuzz_$name" \
      -max_len=4096 \
      -max_total_time="$seconds" \
      -timeout=10 \
      -rss_limit_mb=2048 \
      -print_final_stats=1 \
      -artifact_prefix="$artifacts/${name}-" \
      "$work" "$here/corpus/$name"; then
    echo "fuzz_$name FAILED: see $artifacts" >&2
    status=1
  fi
done
exit "$status"
