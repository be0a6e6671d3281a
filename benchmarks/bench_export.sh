#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CSV export speed of a whole case beside DuckDB's COPY of the same records.
# Flowscope: the floor (every record read and decompressed, nothing written),
# the same records decoded into field values, the CSV written to a sink that
# drops it (flowscope-bench-export), the matches of a selective filter
# (dstport == 3306) and of a broad one (action == accept) the same way, and
# `flowscope-cli export --what flows --out FILE` as a process. DuckDB:
# `COPY (SELECT * FROM flows) TO FILE`, as stored and ordered by start, in
# one process (benchmarks/duckdb_export.mjs) over a database opened read-only.
# Wall and CPU seconds of each (CPU time tells more while other work loads
# the machine). Output files are removed.
#
# Usage: benchmarks/bench_export.sh CASE [DUCKDB_FILE] [BUILD_DIR=build] [OUT_DIR=/tmp]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
case_file=${1:?usage: $0 CASE [DUCKDB_FILE] [BUILD_DIR] [OUT_DIR]}
duckdb_file=${2:-}
build=${3:-$here/build}
out_dir=${4:-/tmp}
cli=$build/app/cli/flowscope-cli
bench=$build/benchmarks/flowscope-bench-export
for tool in "$cli" "$bench"; do
  [ -x "$tool" ] || { echo "$0: $tool is not built" >&2; exit 2; }
done
out=$out_dir/flowscope-export-$$.csv
trap 'rm -f "$out" "$out.time"' EXIT

echo "| step | records | wall s | CPU s (all threads) | records/s (wall) | records/s (CPU) | records/s (busier thread's CPU) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
"$bench" "$case_file" - 'dstport == 3306' 'action == accept' | while read -r line; do
  case $line in
    *'"step"'*)
      printf '| flowscope %s | %s | %s | %s | %s | %s | %s |\n' "$(jq -r .step <<<"$line")" "$(jq -r .records <<<"$line")" \
        "$(jq -r .wall_s <<<"$line")" "$(jq -r .cpu_s <<<"$line")" "$(jq -r .records_per_s_wall <<<"$line")" \
        "$(jq -r .records_per_s_cpu <<<"$line")" "$(jq -r .records_per_s_busiest_thread <<<"$line")" ;;
  esac
done
records=$("$cli" count "$case_file")
/usr/bin/time -o "$out.time" -f '%e %U %S' "$cli" export "$case_file" --what flows --out "$out" 2>/dev/null
read -r wall user sys <"$out.time"
cpu=$(echo "$user + $sys" | bc)
printf '| flowscope-cli export --what flows --out FILE | %s | %s | %s | %.0f | %.0f | |\n' "$records" "$wall" "$cpu" \
  "$(echo "$records / $wall" | bc -l)" "$(echo "$records / $cpu" | bc -l)"
rm -f "$out"
if [ -n "$duckdb_file" ]; then
  if [ ! -d "$here/benchmarks/node_modules/@duckdb/node-api" ]; then
    (cd "$here/benchmarks" && npm ci --silent)
  fi
  node "$here/benchmarks/duckdb_export.mjs" "$duckdb_file" "$out" | while read -r line; do
    printf '| DuckDB %s | %s | %.2f | %.2f | %.0f | %.0f | |\n' "$(jq -r .sql <<<"$line" | sed 's/ (HEADER)//')" \
      "$(jq -r .records <<<"$line")" "$(jq -r .seconds <<<"$line")" "$(jq -r .cpuSeconds <<<"$line")" \
      "$(jq -r '.records / .seconds' <<<"$line")" "$(jq -r '.records / .cpuSeconds' <<<"$line")"
  done
fi
