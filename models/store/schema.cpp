// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include "derived_tables.h"
#include "graph_total_runs.h"
#include "graph_traffic_totals.h"
#include "minute_rollup.h"
#include "port_protocol_totals.h"
#include "sqlite_handle.h"

#include <array>
#include <string>

namespace flowscope {

namespace {

// Version 1: records in compressed blocks (see block_codec.h), with
// block-level indexes: time bounds, the addresses, ports and interfaces each
// block holds, and reject counts; dictionaries, provenance and per-minute
// rollups.
// Addresses in block_address: IPv4 as an integer biased by -2^31 (order kept),
// IPv6 as a 16-byte blob; SQLite orders all integers before all blobs, so one
// index serves CIDR ranges of both families.
constexpr const char *kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE dictionary(id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE);
CREATE TABLE interface(
  id INTEGER PRIMARY KEY,
  interface_id INTEGER, account_id INTEGER, vpc_id INTEGER, subnet_id INTEGER, instance_id INTEGER,
  region INTEGER, az_id INTEGER, sublocation_type INTEGER, sublocation_id INTEGER,
  ecs_cluster_arn INTEGER, ecs_cluster_name INTEGER, ecs_container_instance_arn INTEGER,
  ecs_container_instance_id INTEGER, ecs_container_id INTEGER, ecs_second_container_id INTEGER,
  ecs_service_name INTEGER, ecs_task_definition_arn INTEGER, ecs_task_arn INTEGER, ecs_task_id INTEGER,
  resource_id INTEGER);
CREATE INDEX interface_by_eni ON interface(interface_id);
CREATE TABLE source_file(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL UNIQUE,
  delivery TEXT NOT NULL, log_format TEXT NOT NULL,
  records INTEGER NOT NULL, errors INTEGER NOT NULL, truncated INTEGER NOT NULL,
  first_start INTEGER, last_end INTEGER, max_duration INTEGER,
  imported_at INTEGER NOT NULL);
CREATE TABLE import_error(
  id INTEGER PRIMARY KEY, file_id INTEGER, path TEXT NOT NULL, line INTEGER, reason TEXT NOT NULL,
  logged_at INTEGER NOT NULL);
CREATE TABLE flow_block(
  id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL, records INTEGER NOT NULL,
  start_min INTEGER, start_max INTEGER, end_max INTEGER, undated INTEGER NOT NULL, rejects INTEGER NOT NULL,
  ephemeral_ports BLOB NOT NULL, data BLOB NOT NULL);
CREATE TABLE block_address(address NOT NULL, block INTEGER NOT NULL, PRIMARY KEY(address, block)) WITHOUT ROWID;
CREATE TABLE block_port(port INTEGER NOT NULL, block INTEGER NOT NULL, PRIMARY KEY(port, block)) WITHOUT ROWID;
CREATE TABLE block_interface(interface INTEGER NOT NULL, block INTEGER NOT NULL, PRIMARY KEY(interface, block)) WITHOUT ROWID;
CREATE TABLE rollup_minute(
  minute INTEGER NOT NULL, interface INTEGER NOT NULL, action INTEGER NOT NULL, log_status INTEGER NOT NULL,
  flows INTEGER NOT NULL, packets INTEGER NOT NULL, bytes INTEGER NOT NULL,
  PRIMARY KEY(minute, interface, action, log_status)) WITHOUT ROWID;
)sql";

// Version 2: filters the analyst saved by name, kept with the case they were
// written for.
constexpr const char *kSchemaV2 = R"sql(
CREATE TABLE saved_filter(name TEXT PRIMARY KEY, expression TEXT NOT NULL, created_at INTEGER NOT NULL);
)sql";

// Version 3, tables derived from the records as they are written (see
// derived_tables.h):
// - ephemeral_port_block, the block index of ports from 32768 up (see
//   ephemeral_port_index.h). It replaces flow_block.ephemeral_ports, a
//   bitmap of port groups per block that nearly every block matched; blocks
//   written since leave it empty.
// - In rollup_minute, the shares of each record's packets and bytes that
//   fall in the minute (a row may hold shares only, with flows = 0), except
//   for records spanning more than 1,440 minutes: those are whole in
//   rollup_long_span, `last` their inclusive last second.
// - coverage_gap: per interface and status (1 NODATA, 2 SKIPDATA), the
//   merged spans [begin, end) of such records.
// Codes of action and log_status as in rollup_minute (see RollupKey).
constexpr const char *kSchemaV3 = R"sql(
CREATE TABLE ephemeral_port_block(
  port INTEGER NOT NULL, chunk INTEGER NOT NULL, blocks BLOB NOT NULL,
  PRIMARY KEY(port, chunk)) WITHOUT ROWID;
ALTER TABLE rollup_minute ADD COLUMN spread_packets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_minute ADD COLUMN spread_bytes INTEGER NOT NULL DEFAULT 0;
CREATE TABLE rollup_long_span(
  interface INTEGER NOT NULL, action INTEGER NOT NULL, log_status INTEGER NOT NULL,
  start INTEGER NOT NULL, last INTEGER NOT NULL, packets INTEGER NOT NULL, bytes INTEGER NOT NULL);
CREATE TABLE coverage_gap(
  interface INTEGER NOT NULL, log_status INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY(interface, log_status, begin)) WITHOUT ROWID;
)sql";

// Version 4: the count of duplicate records per imported file, and (below)
// the block indexes and block format for speed at real-world cardinality.
// ---- Block indexes and block format (speed at real-world cardinality) ----
// - address_block, port_block (ports below 32768) and interface_block: per
//   key and chunk of 4096 block ids, the set of blocks holding it (see
//   block_postings.h). They replace block_address, block_port and
//   block_interface, a row per (key, block), dropped below.
// - Records in block format 2, each column compressed on its own (see
//   block_codec.h); an upgraded case has its blocks written again.
// - record_total: the records by interface context, action and log status
//   (codes as in rollup_minute), undated ones included, so a count whose
//   filter reads only these fields reads no record.
constexpr const char *kSchemaV4 = R"sql(
-- ---- Import de-duplication ----
-- Per imported file, the records it held that other files of the case
-- already held, read but not stored again (see ingest/stored_duplicates.h).
-- Files imported before count none.
ALTER TABLE source_file ADD COLUMN duplicate_records INTEGER NOT NULL DEFAULT 0;
-- ---- Block indexes ----
CREATE TABLE record_total(
  interface INTEGER NOT NULL, action INTEGER NOT NULL, log_status INTEGER NOT NULL, records INTEGER NOT NULL,
  PRIMARY KEY(interface, action, log_status)) WITHOUT ROWID;
CREATE TABLE address_block(
  address NOT NULL, chunk INTEGER NOT NULL, blocks BLOB NOT NULL,
  PRIMARY KEY(address, chunk)) WITHOUT ROWID;
CREATE TABLE port_block(
  port INTEGER NOT NULL, chunk INTEGER NOT NULL, blocks BLOB NOT NULL,
  PRIMARY KEY(port, chunk)) WITHOUT ROWID;
CREATE TABLE interface_block(
  interface INTEGER NOT NULL, chunk INTEGER NOT NULL, blocks BLOB NOT NULL,
  PRIMARY KEY(interface, chunk)) WITHOUT ROWID;
DROP TABLE block_address;
DROP TABLE block_port;
DROP TABLE block_interface;
)sql";
// ---- end of block indexes and block format ----

// Version 5: configuration snapshots (describe-* documents) loaded into the
// case, each with its files' bytes (zstd-compressed), so that an explanation
// is re-derived exactly from the case alone (see config_snapshot_rows.h).
// Times in Unix epoch seconds; documents the top-level keys, one per line.
constexpr const char *kSchemaV5 = R"sql(
CREATE TABLE config_snapshot(
  id INTEGER PRIMARY KEY, as_of INTEGER NOT NULL, loaded_at INTEGER NOT NULL, label TEXT NOT NULL);
CREATE TABLE config_snapshot_file(
  snapshot INTEGER NOT NULL, position INTEGER NOT NULL,
  path TEXT NOT NULL, sha256 TEXT NOT NULL, modified INTEGER NOT NULL, documents TEXT NOT NULL,
  size INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY(snapshot, position)) WITHOUT ROWID;
)sql";

// Next version, summaries that answer common questions without reading
// records; a case from before derives them when upgraded:
// - port_protocol_total, the records by source port, destination port (and
//   both the same) and protocol, each by action, so that a count of a port
//   or protocol term reads no record (see port_protocol_totals.h); derived
//   from the blocks.
// - rollup_minute_total, rollup_minute summed over the interfaces, so that
//   the timeline of the whole case reads a row per minute and action rather
//   than one per interface too; derived from rollup_minute.
// - flow_block_extent, each block's times, record counts and file in an
//   index of their own, so that the case's extent and its undated records
//   (asked by every timeline) and the list of blocks a table opens with
//   (for every filter) read a small index rather than a page per block.
constexpr const char *kSchemaSummaries = R"sql(
CREATE TABLE port_protocol_total(
  kind INTEGER NOT NULL, value INTEGER NOT NULL, action INTEGER NOT NULL, records INTEGER NOT NULL,
  PRIMARY KEY(kind, value, action)) WITHOUT ROWID;
CREATE TABLE rollup_minute_total(
  minute INTEGER NOT NULL, action INTEGER NOT NULL, log_status INTEGER NOT NULL,
  flows INTEGER NOT NULL, packets INTEGER NOT NULL, bytes INTEGER NOT NULL,
  spread_packets INTEGER NOT NULL, spread_bytes INTEGER NOT NULL,
  PRIMARY KEY(minute, action, log_status)) WITHOUT ROWID;
CREATE INDEX flow_block_extent ON flow_block(start_min, start_max, end_max, undated, records, rejects, file_id);
)sql";

// Detections: the findings of the last run of each detector, with the
// filter and parameters that produced them (see detect/finding_store.h); a
// new run of a detector replaces its findings. Times in Unix epoch seconds;
// addresses as text, absent values NULL.
constexpr const char *kSchemaDetections = R"sql(
CREATE TABLE detection_run(
  detector TEXT PRIMARY KEY, run_at INTEGER NOT NULL, filter TEXT NOT NULL, parameters TEXT NOT NULL,
  records_read INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE finding(
  id TEXT PRIMARY KEY, detector TEXT NOT NULL, severity TEXT NOT NULL, title TEXT NOT NULL,
  src TEXT, dst TEXT, dstport INTEGER, protocol INTEGER, interface_id TEXT,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, records INTEGER NOT NULL, bytes INTEGER NOT NULL,
  period_s REAL, evidence_filter TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX finding_by_detector ON finding(detector);
)sql";

// IOC lists of the case: each list by name, the files it was read from (with
// their SHA-256) and its indicators, normalised to the inclusive address
// range [low, high] stored as block_address stores addresses (see
// stored_address.h), with an optional port; `indicator` as the file wrote it,
// `file` the position of its file in ioc_list_file, `line` its line there.
constexpr const char *kSchemaIocLists = R"sql(
CREATE TABLE ioc_list(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
CREATE TABLE ioc_list_file(
  list INTEGER NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
  indicators INTEGER NOT NULL, errors INTEGER NOT NULL, added_at INTEGER NOT NULL,
  PRIMARY KEY(list, position)) WITHOUT ROWID;
CREATE TABLE ioc_indicator(
  list INTEGER NOT NULL, position INTEGER NOT NULL, low NOT NULL, high NOT NULL, port INTEGER,
  indicator TEXT NOT NULL, label TEXT NOT NULL, source TEXT NOT NULL, first_seen INTEGER,
  file INTEGER NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY(list, position)) WITHOUT ROWID;
)sql";

// Next version, the incident the analyst builds (see models/incident):
// - incident_record, a record (by id, block << 12 | slot) the analyst
//   starred or tagged, with the severity given to it and who marked it when;
// - record_tag, its tags (lower case), keyed by tag for the `tag` filter;
// - incident_note, notes with author and time, on a record or free
//   (record NULL), each with a severity, and note_tag their tags.
// Times in Unix epoch seconds. Nothing derived: an older case gets them empty.
constexpr const char *kSchemaIncident = R"sql(
CREATE TABLE incident_record(
  record INTEGER PRIMARY KEY, starred INTEGER NOT NULL, severity INTEGER NOT NULL,
  marked_at INTEGER NOT NULL, author TEXT NOT NULL);
CREATE TABLE record_tag(tag TEXT NOT NULL, record INTEGER NOT NULL, PRIMARY KEY(tag, record)) WITHOUT ROWID;
CREATE TABLE incident_note(
  id INTEGER PRIMARY KEY, record INTEGER, written_at INTEGER NOT NULL, author TEXT NOT NULL,
  text TEXT NOT NULL, severity INTEGER NOT NULL);
CREATE TABLE note_tag(note INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY(note, tag)) WITHOUT ROWID;
)sql";

// Tables derived from the records; a case from before derives them when
// upgraded:
// - graph_traffic_total, the records per interface, addresses, AWS
//   services, logged direction and initiator, so that the graph of a whole
//   case reads no record block (see graph_traffic_totals.h).
constexpr const char *kSchemaGraphTotals = R"sql(
CREATE TABLE graph_traffic_total(
  interface INTEGER NOT NULL, direction INTEGER NOT NULL, initiator INTEGER NOT NULL,
  src NOT NULL, dst NOT NULL, src_service INTEGER NOT NULL, dst_service INTEGER NOT NULL,
  flows INTEGER NOT NULL, packets INTEGER NOT NULL, bytes INTEGER NOT NULL,
  accepts INTEGER NOT NULL, rejects INTEGER NOT NULL,
  PRIMARY KEY(interface, direction, initiator, src, dst, src_service, dst_service)) WITHOUT ROWID;
)sql";

// CloudTrail: the events of imported CloudTrail files that touch network
// things (see models/cloudtrail), one row each, keyed by CloudTrail's
// eventID so an event delivered twice is stored once. Time in Unix epoch
// seconds; request and response the event's JSON as written; resources the
// ENI, instance, security group and network ACL ids it names, and
// attachments the ENI-instance pairs it states (`eni-1>i-2`), each list
// space-separated with a space at both ends (found with instr); severity
// and tags the analyst's, as the incident timeline edits them.
constexpr const char *kSchemaCloudTrail = R"sql(
CREATE TABLE cloudtrail_event(
  id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, time INTEGER NOT NULL, event_name TEXT NOT NULL,
  event_source TEXT NOT NULL, principal TEXT NOT NULL, source_ip TEXT NOT NULL, user_agent TEXT NOT NULL,
  account TEXT NOT NULL, region TEXT NOT NULL, error_code TEXT NOT NULL,
  request TEXT NOT NULL, response TEXT NOT NULL, resources TEXT NOT NULL, attachments TEXT NOT NULL,
  file TEXT NOT NULL, file_sha256 TEXT NOT NULL, item INTEGER NOT NULL,
  severity INTEGER NOT NULL, tags TEXT NOT NULL);
CREATE INDEX cloudtrail_event_by_time ON cloudtrail_event(time);
CREATE INDEX cloudtrail_event_by_file ON cloudtrail_event(file_sha256);
)sql";

// What the analyst keeps across runs of detectors and hunts:
// - in finding, its identity (its detector and key fields, see
//   detect/finding.h), so that a new run updates a finding it finds again
//   rather than replacing it; the analyst's severity beside the detector's
//   (NULL: none), tags (space-separated, a space at both ends) and note;
//   stale when the last run of its detector no longer found it (kept
//   because the analyst edited it). Findings from before have no identity:
//   the next run of their detector replaces them.
// - ioc_hunt and ioc_hunt_hit: the last retro-hunt of the case's IOC lists
//   (when, over which lists, one name a line, none for all) and its hits
//   (see incident/ioc_hunt_store.h), shown when the case opens.
constexpr const char *kSchemaKeptFindingsAndHunt = R"sql(
ALTER TABLE finding ADD COLUMN identity TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN analyst_severity TEXT;
ALTER TABLE finding ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
CREATE INDEX finding_by_identity ON finding(identity);
CREATE TABLE ioc_hunt(
  id INTEGER PRIMARY KEY CHECK (id = 1), ran_at INTEGER NOT NULL, lists TEXT NOT NULL,
  indicators INTEGER NOT NULL, blocks_read INTEGER NOT NULL);
CREATE TABLE ioc_hunt_hit(
  position INTEGER PRIMARY KEY, list TEXT NOT NULL, indicator TEXT NOT NULL, label TEXT NOT NULL,
  records INTEGER NOT NULL, accepted INTEGER NOT NULL, rejected INTEGER NOT NULL,
  first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, interfaces TEXT NOT NULL, filter TEXT NOT NULL);
)sql";

// The graph's totals as sorted runs (see graph_total_runs.h) instead of a
// row per key in graph_traffic_total: an import writes each row once, in
// order, and the graph reads them in one go. A run's addresses are in
// `addresses`, its rows in pieces. migrateSchema() moves the rows of
// graph_traffic_total into a run, then drops it.
constexpr const char *kSchemaGraphTotalRuns = R"sql(
CREATE TABLE graph_total_run(
  id INTEGER PRIMARY KEY, rows INTEGER NOT NULL, pieces INTEGER NOT NULL, addresses BLOB NOT NULL);
CREATE TABLE graph_total_piece(
  run INTEGER NOT NULL, piece INTEGER NOT NULL, rows INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY(run, piece)) WITHOUT ROWID;
)sql";
constexpr int kGraphTotalRunsVersion = 13;

constexpr std::array<const char *, 13> kMigrations{kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4, kSchemaV5,
                                                   kSchemaSummaries, kSchemaDetections, kSchemaIocLists, kSchemaIncident,
                                                   kSchemaGraphTotals, kSchemaCloudTrail, kSchemaKeptFindingsAndHunt,
                                                   kSchemaGraphTotalRuns};

// The last version that changed the tables derived from the records (see
// derived_tables.h) or the block format: an older case gets them from its
// blocks when upgraded, its blocks written again in the current format.
constexpr int kLastDerivedVersion = 4;

struct IndexDefinition {
    const char *name;
    const char *sql;
};
constexpr std::array<IndexDefinition, 3> kFlowIndexes{{
    {"flow_block_by_start", "CREATE INDEX IF NOT EXISTS flow_block_by_start ON flow_block(start_min, start_max)"},
    {"flow_block_by_file", "CREATE INDEX IF NOT EXISTS flow_block_by_file ON flow_block(file_id)"},
    // Rejects are the minority an analyst looks for: a partial index stays small.
    {"flow_block_rejects", "CREATE INDEX IF NOT EXISTS flow_block_rejects ON flow_block(start_min) WHERE rejects > 0"},
}};

} // namespace

int currentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

void migrateSchema(sqlite3 *db, int fromVersion)
{
    const bool hadSummaries =
        queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'port_protocol_total'") > 0;
    const bool hadGraphTotals = hasGraphTrafficTotals(db)
        || queryInt(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'graph_traffic_total'") > 0;
    for (int v = fromVersion + 1; v <= currentSchemaVersion(); ++v) {
        applySchemaStatements(db, v);
        if (v == kGraphTotalRunsVersion) {
            convertGraphTrafficTable(db);
            execSql(db, "DROP TABLE graph_traffic_total");
        }
    }
    // A new case has no records yet; an older one gets its derived tables
    // from the blocks it holds (all of them, its blocks written again, when
    // older than the block format; else only the tables added since).
    if (fromVersion > 0 && fromVersion < kLastDerivedVersion)
        rebuildDerivedTables(db);
    else if (fromVersion > 0 && !hadSummaries) {
        derivePortProtocolTotals(db);
        deriveRollupMinuteTotals(db);
    }
    if (fromVersion >= kLastDerivedVersion && !hadGraphTotals)
        deriveGraphTrafficTotals(db);
    if (fromVersion == 0)
        createFlowIndexes(db);
    execSql(db, "PRAGMA application_id = " + std::to_string(kCaseApplicationId));
    execSql(db, "PRAGMA user_version = " + std::to_string(currentSchemaVersion()));
}

void applySchemaStatements(sqlite3 *db, int version)
{
    execSql(db, kMigrations.at(static_cast<std::size_t>(version - 1)));
}

void createFlowIndexes(sqlite3 *db)
{
    for (const auto &index : kFlowIndexes)
        execSql(db, index.sql);
}

void dropFlowIndexes(sqlite3 *db)
{
    for (const auto &index : kFlowIndexes)
        execSql(db, std::string("DROP INDEX IF EXISTS ") + index.name);
}

bool flowIndexesComplete(sqlite3 *db)
{
    Statement statement(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'flow_block'");
    statement.step();
    return statement.int64(0) >= static_cast<std::int64_t>(kFlowIndexes.size());
}

} // namespace flowscope
