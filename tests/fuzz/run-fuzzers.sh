#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang in a build directory of their own and
# runs each for N seconds: run-fuzzers.sh [seconds] (or FUZZ_SECONDS; default 30).
# Exits non-zero when a fuzzer finds a crash; the reproducer is left in
# <build>/fuzz-artifacts/. FUZZ_BUILD_DIR overrides the build directory.
# libFuzzer's progress stream goes to <build>/fuzz-logs/<name>.log; printed
# are a summary per fuzzer (runs, coverage, corpus, speed, memory) and, when
# it fails, its whole report without the progress lines.
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
logs="$build/fuzz-logs"
mkdir -p "$artifacts" "$logs"

# libFuzzer's progress lines: "#<runs> INITED|NEW|REDUCE|pulse|RELOAD|DONE ...".
progress='^#[0-9]+[[:space:]]+(INITED|NEW|REDUCE|pulse|RELOAD|DONE)[[:space:]]'

# One line from the last progress line and the "Done" line of a log.
summarize() {
  local log="$1" last done_line
  last="$(grep -E "$progress" "$log" | tail -n 1 || true)"
  done_line="$(grep -E '^Done [0-9]+ runs in' "$log" | tail -n 1 || true)"
  awk -v last="$last" -v done_line="$done_line" 'BEGIN {
    n = split(last, w, /[[:space:]]+/)
    for (i = 1; i < n; i++) {
      if (w[i] == "cov:") cov = w[i + 1]
      else if (w[i] == "ft:") ft = w[i + 1]
      else if (w[i] == "corp:") corp = w[i + 1]
      else if (w[i] == "exec/s:") speed = w[i + 1]
      else if (w[i] == "rss:") rss = w[i + 1]
    }
    split(corp, c, "/")
    d = done_line
    sub(/^Done /, "", d)
    sub(/ second\(s\)/, " s", d)
    if (d == "" && last == "") { print "no runs recorded"; exit }
    out = (d != "") ? d : substr(w[1], 2) " runs"
    if (cov != "") out = out ", coverage " cov
    if (ft != "") out = out " (" ft " features)"
    if (corp != "") out = out ", corpus " c[1] " inputs (" c[2] ")"
    if (speed != "") out = out ", " speed " runs/s"
    if (rss != "") out = out ", peak RSS " rss
    print out
  }'
}

status=0
for name in "${fuzzers[@]}"; do
  # New inputs go to a scratch corpus in the build dir; the seeds stay as committed.
  work="$build/fuzz-corpus/$name"
  log="$logs/$name.log"
  mkdir -p "$work"
  echo "== fuzz_$name for ${seconds}s (progress in $log)"
  if "$build/tests/fuzz/fuzz_$name" \
      -max_len=4096 \
      -max_total_time="$seconds" \
      -timeout=10 \
      -rss_limit_mb=2048 \
      -print_final_stats=1 \
      -artifact_prefix="$artifacts/${name}-" \
      "$work" "$here/corpus/$name" >"$log" 2>&1; then
    echo "fuzz_$name: $(summarize "$log"), no crash"
  else
    # The crash in full: everything but the progress stream.
    grep -Ev "$progress" "$log" >&2 || true
    echo "fuzz_$name FAILED ($(summarize "$log")): see $artifacts" >&2
    status=1
  fi
done
exit "$status"
