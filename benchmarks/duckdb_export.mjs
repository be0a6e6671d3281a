// SPDX-License-Identifier: GPL-3.0-or-later
// DuckDB's side of benchmarks/bench_export.sh: COPY of a loaded flows table
// to CSV, as it is and in time order, timed in-process.
// Usage: node duckdb_export.mjs DATABASE.duckdb OUT.csv
// Prints one JSON object per COPY: seconds (wall), cpu seconds of the
// process, records, bytes of the file.
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync, rmSync } from 'node:fs';

const [database, output] = process.argv.slice(2);
const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(database, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const records = Number((await connection.runAndReadAll('SELECT count(*) FROM flows')).getRows()[0][0]);

for (const [name, select] of [['copy', 'SELECT * FROM flows'], ['copy-ordered', 'SELECT * FROM flows ORDER BY start']]) {
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  await connection.run(`COPY (${select}) TO ${quote(output)} (HEADER, DELIMITER ',')`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const bytes = statSync(output).size;
  rmSync(output);
  console.log(JSON.stringify({ step: name, records, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, bytes,
    sql: `COPY (${select}) TO 'x.csv' (HEADER)` }));
}
