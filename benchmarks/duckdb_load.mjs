// SPDX-License-Identifier: GPL-3.0-or-later
// Loads a flow-log .log.gz into a DuckDB database file, for comparison with
// flowscope-cli import. Usage: node duckdb_load.mjs INPUT.log.gz OUT.duckdb
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output] = process.argv.slice(2);
const started = process.hrtime.bigint();
const instance = await DuckDBInstance.create(output);
const connection = await instance.connect();
await connection.run(`CREATE TABLE flows AS SELECT * FROM read_csv('${input.replaceAll("'", "''")}',
  delim=' ', header=true, nullstr='-', compression='gzip')`);
const count = await connection.runAndReadAll('SELECT count(*) FROM flows');
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ records: Number(count.getRows()[0][0]), seconds }));
