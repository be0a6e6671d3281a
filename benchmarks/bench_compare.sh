#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Flowscope beside DuckDB and zcat on one generated .log.gz, in one run:
# import (time, records/s, peak RSS, size against the .gz), counts, top-100
# conversations by bytes, the first 256 records in time order of an external
# address, an ENI, a port and an outside /24, the ENI-level graph of the
# whole case, and a whole-day timeline in 10-minute buckets. Prints markdown
# table rows. The values queried (the busiest ENI, the 500th most frequent
# external address, the /24 of the 500th most frequent external IPv4
# address) are picked from the data once and used by both.
#
# Flowscope's import, counts, statistics, graph and timeline are timed as
# processes (flowscope-cli: start, open the case, answer); its counts also
# in-process on the open case (flowscope-bench-filter --count: the filter
# compiled and counted as the CLI does, wall and CPU time), as DuckDB's are,
# and its first pages in-process (flowscope-bench-filter, wall and CPU
# time). DuckDB's load and queries are timed inside one process
# (benchmarks/duckdb_compare.mjs), the queries after the load, wall and CPU
# time of every thread. Counts as processes and timeline: median of 3 runs;
# counts in-process and first pages: median of 5. DuckDB's
# top-100 peak RSS is its process's while the query runs, the table loaded.
#
# Usage: benchmarks/bench_compare.sh [RECORDS=2000000] [BUILD_DIR=build] [--tidy]
#   --tidy  also measure the tidy shape (a second set of rows)
# BENCH_DIR keeps the inputs (generated once per shape and size) and cases.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
records=2000000
build=$here/build
shapes=(realistic)
positional=0
for argument in "$@"; do
  case $argument in
    --tidy) shapes+=(tidy) ;;
    -*) echo "usage: $0 [RECORDS] [BUILD_DIR] [--tidy]" >&2; exit 2 ;;
    *) if [ $positional -eq 0 ]; then records=$argument; else build=$argument; fi; positional=$((positional + 1)) ;;
  esac
done
cli=$build/app/cli/flowscope-cli
for tool in "$cli" "$build/benchmarks/flowscope-bench-input" "$build/benchmarks/flowscope-bench-filter"; do
  [ -x "$tool" ] || { echo "$0: $tool is not built" >&2; exit 2; }
done
for tool in node npm jq bc; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (Debian: apt-get install nodejs npm jq bc)" >&2; exit 2; }
done
if [ ! -d "$here/benchmarks/node_modules/@duckdb/node-api" ]; then
  (cd "$here/benchmarks" && npm install --no-audit --no-fund >&2)
fi
work=${BENCH_DIR:-$(mktemp -d /tmp/flowscope-compare.XXXXXX)}
mkdir -p "$work"

# Runs a command with its output in $work/out.txt; prints "seconds peak-RSS-KB".
timed() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$work/out.txt"
  tail -n 1 "$work/time.txt"
}
# The median seconds of three runs of a command (its last output stays in $work/out.txt).
median3() {
  local a b c
  read -r a _ < <(timed "$@"); read -r b _ < <(timed "$@"); read -r c _ < <(timed "$@")
  printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -g | sed -n 2p
}
# The median wall seconds of three runs of a command, to the microsecond
# where /usr/bin/time gives hundredths (its last output stays in $work/out.txt).
median3_fine() {
  local runs=() started
  for _ in 1 2 3; do
    started=$EPOCHREALTIME; "$@" > "$work/out.txt"; runs+=("$(calc "$EPOCHREALTIME - $started")")
  done
  printf '%s\n' "${runs[@]}" | sort -g | sed -n 2p
}
calc() { echo "$1" | bc -l; }
mb() { printf '%.0f MB' "$(calc "$1/1024")"; }   # from KB
seconds() { printf '%.3g s' "$1"; }
same() { [ "$1" = "$2" ] && echo "$1" || echo "$1 (DuckDB: $2)"; }

printf '| what | matches | Flowscope | DuckDB | zcat (floor) |\n|---|---|---|---|---|\n'
for shape in "${shapes[@]}"; do
  input=$work/$shape-$records.log.gz
  case_file=$work/$shape-$records.flowcase
  [ -f "$input" ] || "$build/benchmarks/flowscope-bench-input" "$input" "$records" --shape "$shape" >/dev/null
  gz_bytes=$(stat -L -c %s "$input")

  t0=$(date +%s.%N); zcat "$input" >/dev/null; t1=$(date +%s.%N)
  zcat_s=$(calc "$t1 - $t0")

  rm -f "$case_file" "$case_file-wal" "$case_file-shm"
  read -r import_s import_kb < <(timed "$cli" import "$case_file" "$input")
  case_bytes=$(( $(stat -c %s "$case_file") + $(stat -c %s "$case_file-wal" 2>/dev/null || echo 0) ))

  rm -f "$work/$shape.duckdb" "$work/$shape.duckdb.wal"
  node "$here/benchmarks/duckdb_compare.mjs" "$input" "$work/$shape.duckdb" 3 > "$work/$shape-duckdb.json"
  duck() { jq -r "$1" "$work/$shape-duckdb.json"; }
  eni=$(duck .picks.eni)
  address=$(duck .picks.address)

  printf '| import, %s records (%s) | %s | %s (%.2fM rec/s), %s peak RSS, case %.2fx the .gz | %s, %s peak RSS, database %.2fx the .gz | %s |\n' \
    "$records" "$shape" "$(same "$records" "$(duck .load.records)")" "$(seconds "$import_s")" \
    "$(calc "$records/$import_s/1000000")" "$(mb "$import_kb")" "$(calc "$case_bytes/$gz_bytes")" \
    "$(seconds "$(duck .load.seconds)")" "$(mb "$(calc "$(duck .load.peakRssMb)*1024")")" \
    "$(calc "$(duck .load.bytes)/$gz_bytes")" "$(seconds "$zcat_s")"

  # Counts as processes (start, open, answer) and in-process on the open
  # case, the figure to set beside DuckDB's queries in its loaded process.
  counts=("dstport3306|dstport == 3306" "reject|action == reject" "eni|eni == $eni"
          "cidrReject|addr == 10.0.0.0/8 and action == reject")
  count_args=()
  for query in "${counts[@]}"; do count_args+=(--filter "${query#*|}"); done
  "$build/benchmarks/flowscope-bench-filter" "$case_file" 5 --count "${count_args[@]}" > "$work/count.txt"
  row=0
  for query in "${counts[@]}"; do
    name=${query%%|*}; filter=${query#*|}
    row=$((row + 1))
    s=$(median3_fine "$cli" count "$case_file" "$filter")
    IFS='|' read -r _ _ _ count_ms count_cpu _ < <(grep '^| given' "$work/count.txt" | sed -n "${row}p")
    printf '| `count` `%s` | %s | %s (process), %s ms, CPU %s ms (in-process) | %s, CPU %s | |\n' "$filter" \
      "$(same "$(cat "$work/out.txt")" "$(duck ".queries.$name.value")")" "$(seconds "$s")" "$(echo $count_ms)" \
      "$(echo $count_cpu)" "$(seconds "$(duck ".queries.$name.seconds")")" "$(seconds "$(duck ".queries.$name.cpuSeconds")")"
  done
  opening=$(head -n 1 "$work/count.txt")

  read -r top_s top_kb < <(timed "$cli" stats "$case_file" conversations --top 100 --order bytes --format csv)
  printf '| top-100 conversations by bytes | %s | %s, %s peak RSS | %s, %s peak RSS | |\n' \
    "$(same "$(( $(wc -l < "$work/out.txt") - 1 ))" "$(duck .queries.top100.value)")" "$(seconds "$top_s")" "$(mb "$top_kb")" \
    "$(seconds "$(duck .queries.top100.seconds)")" "$(mb "$(calc "$(duck .queries.top100.peakRssMb)*1024")")"

  # First pages: the filter's first 256 records in time order, in-process
  # (the page's wall and CPU time), beside DuckDB's ORDER BY start LIMIT 256.
  cidr=$(duck .picks.cidr)
  pages=("firstPage|addr == $address|an external address" "firstPageEni|eni == $eni|the busiest ENI"
         "firstPagePort|dstport == 3306|a port" "firstPageCidr|addr == $cidr|an outside /24")
  page_args=()
  for page in "${pages[@]}"; do IFS='|' read -r _ filter _ <<< "$page"; page_args+=(--filter "$filter"); done
  "$build/benchmarks/flowscope-bench-filter" "$case_file" 5 "${page_args[@]}" > "$work/filter.txt"
  row=0
  for page in "${pages[@]}"; do
    IFS='|' read -r name filter label <<< "$page"
    row=$((row + 1))
    IFS="|" read -r _ _ page_matches page_ms _ _ page_cpu _ < <(grep '^| given' "$work/filter.txt" | sed -n "${row}p")
    printf '| first 256 records of %s (`%s`, %s matches), time order | %s | %s ms, CPU %s ms (in-process) | %s | |\n' \
      "$label" "$filter" "$(echo $page_matches)" \
      "$(same "$(( page_matches < 256 ? page_matches : 256 ))" "$(duck ".queries.$name.value")")" \
      "$(echo $page_ms)" "$(echo $page_cpu)" "$(seconds "$(duck ".queries.$name.seconds")")"
  done

  # The ENI-level graph of the whole case (150 nodes kept, the rest folded),
  # beside DuckDB's sums per interface and peer address, the 150 heaviest.
  read -r graph_s graph_kb < <(timed "$cli" graph "$case_file" --level eni --format json)
  printf '| ENI-level graph, whole case | %s nodes (DuckDB: %s pairs) | %s, %s peak RSS | %s | |\n' \
    "$(jq '.nodes | length' "$work/out.txt")" "$(duck .queries.graph.value)" "$(seconds "$graph_s")" "$(mb "$graph_kb")" \
    "$(seconds "$(duck .queries.graph.seconds)")"

  s=$(median3 "$cli" timeline "$case_file" --bucket 600 --format csv)
  printf '| timeline, 10-minute buckets, whole case | %s buckets | %s | %s | |\n' \
    "$(same "$(( $(wc -l < "$work/out.txt") - 1 ))" "$(duck .queries.timeline.value)")" "$(seconds "$s")" \
    "$(seconds "$(duck .queries.timeline.seconds)")"
done

echo
echo "Flowscope, in-process before its counts (${shapes[-1]}): ${opening}"
echo
echo "DuckDB's queries (\`$(jq -r .picks.eni "$work/${shapes[0]}-duckdb.json")\` and \`$(jq -r .picks.address "$work/${shapes[0]}-duckdb.json")\` picked from the data):"
jq -r '.queries | to_entries[] | "- \(.key): `\(.value.sql)`"' "$work/${shapes[0]}-duckdb.json"
