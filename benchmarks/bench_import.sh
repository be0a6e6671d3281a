#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Import benchmark: N records of v5 custom-format .log.gz into a fully indexed case.
# Reports records/s, case size against the .gz size, peak RSS, with zcat of the
# same file as the floor and DuckDB's load time beside it when it is available.
# Usage: benchmarks/bench_import.sh [RECORDS=10000000] [BUILD_DIR=build] [SHAPE=realistic|tidy]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
records=${1:-10000000}
build=${2:-$here/build}
shape=${3:-realistic}
work=${BENCH_DIR:-$(mktemp -d /tmp/flowscope-bench.XXXXXX)}
mkdir -p "$work"
input=$work/$shape-$records.log.gz
case_file=$work/bench.flowcase

[ -f "$input" ] || "$build/benchmarks/flowscope-bench-input" "$input" "$records" --shape "$shape" >/dev/null
gz_bytes=$(stat -L -c %s "$input")

t0=$(date +%s.%N); zcat "$input" >/dev/null; t1=$(date +%s.%N)
zcat_s=$(echo "$t1 - $t0" | bc -l)

rm -f "$case_file" "$case_file-wal" "$case_file-shm"
/usr/bin/time -f '%e %M' -o "$work/time.txt" "$build/app/cli/flowscope-cli" import "$case_file" "$input" >/dev/null
read -r import_s rss_kb < "$work/time.txt"
case_bytes=$(( $(stat -c %s "$case_file") + $(stat -c %s "$case_file-wal" 2>/dev/null || echo 0) ))

duck="n/a"
if [ -d "$here/benchmarks/node_modules/@duckdb/node-api" ]; then
  rm -f "$work/bench.duckdb"
  duck=$(node "$here/benchmarks/duckdb_load.mjs" "$input" "$work/bench.duckdb" | sed -E 's/.*"seconds":([0-9.]+).*/\1/')
  duck_bytes=$(stat -c %s "$work/bench.duckdb")
fi

printf '| records | .gz MB | zcat s | import s | records/s | case MB | case/.gz | peak RSS MB | DuckDB load s | DuckDB MB |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
printf '| %d | %.0f | %.2f | %.2f | %.0f | %.0f | %.2f | %.0f | %s | %s |\n' \
  "$records" "$(echo "$gz_bytes/1048576" | bc -l)" "$zcat_s" "$import_s" "$(echo "$records/$import_s" | bc -l)" \
  "$(echo "$case_bytes/1048576" | bc -l)" "$(echo "$case_bytes/$gz_bytes" | bc -l)" "$(echo "$rss_kb/1024" | bc -l)" \
  "$duck" "${duck_bytes:+$(echo "$duck_bytes/1048576" | bc -l | xargs printf '%.0f')}"
