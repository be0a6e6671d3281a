// SPDX-License-Identifier: GPL-3.0-or-later
// DuckDB's side of benchmarks/bench_compare.sh: loads a flow-log .log.gz into
// a table (read_csv, as duckdb_load.mjs does), picks the values the queries
// use from the data, and times each query in-process after the load.
// Usage: node duckdb_compare.mjs INPUT.log.gz OUT.duckdb [RUNS=3] [QUERY...]
//   INPUT "-": no load, OUT.duckdb (loaded before) opened read-only.
//   QUERY: only these queries (names as in the output), else all.
// Prints one JSON object: load, picks, and per query its median seconds
// (wall) and median CPU seconds (every thread of the process), result and
// the SQL.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync, statSync } from 'node:fs';

const [input, output, runsText, ...only] = process.argv.slice(2);
const reuse = input === '-';
const runs = Math.max(1, Number(runsText ?? 3));
const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;

// Peak resident memory of this process in MB; resetting it (clear_refs 5)
// lets a query's peak be told apart from the load's.
const peakRssMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const resetPeakRss = () => { try { writeFileSync('/proc/self/clear_refs', '5'); } catch { /* not Linux */ } };
const seconds = (started) => Number(process.hrtime.bigint() - started) / 1e9;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const cpuSeconds = (since) => { const used = process.cpuUsage(since); return (used.user + used.system) / 1e6; };

const instance = await DuckDBInstance.create(output, reuse ? { access_mode: 'READ_ONLY' } : {});
const connection = await instance.connect();

let started = process.hrtime.bigint();
if (!reuse) {
  await connection.run(`CREATE TABLE flows AS SELECT * FROM read_csv(${quote(input)},
    delim=' ', header=true, nullstr='-', compression='gzip')`);
  await connection.run('CHECKPOINT');
}
const load = { seconds: reuse ? 0 : seconds(started), peakRssMb: peakRssMb() };
load.records = Number((await connection.runAndReadAll('SELECT count(*) FROM flows')).getRows()[0][0]);
load.bytes = statSync(output).size;

// The values the queries use, picked the same way for both tools: the
// interface with the most records, and the external address of middling
// popularity (the 500th by records among those outside the private ranges).
const busiestEni = (await connection.runAndReadAll(`SELECT "interface-id" FROM flows
  GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)).getRows()[0][0];
const external = `NOT (a LIKE '10.%' OR a LIKE '192.168.%' OR regexp_matches(a, '^172\\.(1[6-9]|2[0-9]|3[01])\\.')
  OR a LIKE '2600:1f18:%')`;
const middlingRows = (await connection.runAndReadAll(`WITH addresses AS (
    SELECT srcaddr AS a FROM flows WHERE srcaddr IS NOT NULL
    UNION ALL SELECT dstaddr FROM flows WHERE dstaddr IS NOT NULL)
  SELECT a, count(*) AS n FROM addresses WHERE ${external} GROUP BY a ORDER BY n DESC, a LIMIT 1 OFFSET 499`)).getRows();
// A block of outside addresses: the /24 of the 500th external IPv4 address.
const middlingV4 = (await connection.runAndReadAll(`WITH addresses AS (
    SELECT srcaddr AS a FROM flows WHERE srcaddr IS NOT NULL
    UNION ALL SELECT dstaddr FROM flows WHERE dstaddr IS NOT NULL)
  SELECT a, count(*) AS n FROM addresses WHERE ${external} AND a NOT LIKE '%:%'
  GROUP BY a ORDER BY n DESC, a LIMIT 1 OFFSET 499`)).getRows();
const prefix24 = middlingV4.length ? String(middlingV4[0][0]).split('.').slice(0, 3).join('.') : null;
const picks = { eni: busiestEni, address: middlingRows.length ? middlingRows[0][0] : null,
  cidr: prefix24 ? `${prefix24}.0/24` : null };
const inCidr = `(srcaddr LIKE ${quote(`${prefix24}.%`)} OR dstaddr LIKE ${quote(`${prefix24}.%`)})`;

const queries = {
  dstport3306: 'SELECT count(*) FROM flows WHERE dstport = 3306',
  reject: `SELECT count(*) FROM flows WHERE action = 'REJECT'`,
  eni: `SELECT count(*) FROM flows WHERE "interface-id" = ${quote(picks.eni)}`,
  cidrReject: `SELECT count(*) FROM flows WHERE action = 'REJECT' AND (srcaddr LIKE '10.%' OR dstaddr LIKE '10.%')`,
  top100: `SELECT least(srcaddr, dstaddr) AS a, greatest(srcaddr, dstaddr) AS b, count(*) AS flows,
    sum(packets) AS packets, sum(bytes) AS bytes FROM flows WHERE srcaddr IS NOT NULL
    GROUP BY 1, 2 ORDER BY bytes DESC LIMIT 100`,
  firstPage: `SELECT * FROM flows WHERE srcaddr = ${quote(picks.address)} OR dstaddr = ${quote(picks.address)}
    ORDER BY start LIMIT 256`,
  firstPageEni: `SELECT * FROM flows WHERE "interface-id" = ${quote(picks.eni)} ORDER BY start LIMIT 256`,
  firstPagePort: 'SELECT * FROM flows WHERE dstport = 3306 ORDER BY start LIMIT 256',
  firstPageCidr: `SELECT * FROM flows WHERE ${inCidr} ORDER BY start LIMIT 256`,
  // The ENI-level graph of the whole case: per interface and peer address
  // (the destination of what it sent, the source of what it received), the
  // records logged OK with both addresses; the 150 heaviest by bytes, as the
  // graph keeps 150 nodes.
  graph: `SELECT "interface-id" AS eni, CASE WHEN "flow-direction" = 'egress' THEN dstaddr ELSE srcaddr END AS peer,
    count(*) AS flows, sum(bytes) AS bytes, sum(packets) AS packets,
    count(*) FILTER (WHERE action = 'ACCEPT') AS accepts, count(*) FILTER (WHERE action = 'REJECT') AS rejects
    FROM flows WHERE "log-status" = 'OK' AND srcaddr IS NOT NULL AND dstaddr IS NOT NULL
    GROUP BY 1, 2 ORDER BY bytes DESC, 1, 2 LIMIT 150`,
  timeline: `SELECT start // 600 * 600 AS bucket, count(*) FILTER (WHERE action = 'ACCEPT') AS accept,
    count(*) FILTER (WHERE action = 'REJECT') AS reject FROM flows WHERE action IS NOT NULL GROUP BY 1 ORDER BY 1`,
};

const results = {};
for (const [name, sql] of Object.entries(queries)) {
  if (only.length && !only.includes(name))
    continue;
  resetPeakRss();
  const times = [];
  const cpu = [];
  let rows = [];
  for (let run = 0; run < runs; ++run) {
    started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    rows = (await connection.runAndReadAll(sql)).getRows();
    times.push(seconds(started));
    cpu.push(cpuSeconds(cpuStarted));
  }
  const value = rows.length === 1 && rows[0].length === 1 ? Number(rows[0][0]) : rows.length;
  results[name] = { seconds: median(times), cpuSeconds: median(cpu), value, peakRssMb: peakRssMb(),
    sql: sql.replace(/\s+/g, ' ') };
}
console.log(JSON.stringify({ load, picks, queries: results }));
