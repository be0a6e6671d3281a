// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include "sqlite_handle.h"

#include <array>
#include <string>

namespace flowscope {

namespace {

// Version 1: records, dictionaries, provenance and per-minute rollups.
// Addresses: IPv4 as an integer biased by -2^31 (4 bytes on disk, order kept),
// IPv6 as a 16-byte blob; SQLite orders all integers before all blobs, so one
// index serves CIDR ranges of both families.
// A record's id is its file's row_base plus its line: provenance costs no column.
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
  imported_at INTEGER NOT NULL, row_base INTEGER NOT NULL, row_last INTEGER NOT NULL);
CREATE TABLE import_error(
  id INTEGER PRIMARY KEY, file_id INTEGER, path TEXT NOT NULL, line INTEGER, reason TEXT NOT NULL,
  logged_at INTEGER NOT NULL);
CREATE TABLE flow(
  id INTEGER PRIMARY KEY,
  start INTEGER, end_delta INTEGER, action INTEGER, src, dst, src_port INTEGER, dst_port INTEGER,
  protocol INTEGER, packets INTEGER, bytes INTEGER, interface INTEGER, log_status INTEGER,
  tcp_flags INTEGER, type INTEGER, direction INTEGER, traffic_path INTEGER, pkt_src, pkt_dst,
  pkt_src_service INTEGER, pkt_dst_service INTEGER, reject_reason INTEGER, version INTEGER,
  encryption_status INTEGER);
CREATE TABLE rollup_minute(
  minute INTEGER NOT NULL, interface INTEGER NOT NULL, action INTEGER NOT NULL, log_status INTEGER NOT NULL,
  flows INTEGER NOT NULL, packets INTEGER NOT NULL, bytes INTEGER NOT NULL,
  PRIMARY KEY(minute, interface, action, log_status)) WITHOUT ROWID;
)sql";

constexpr std::array<const char *, 1> kMigrations{kSchemaV1};

struct IndexDefinition {
    const char *name;
    const char *sql;
};
constexpr std::array<IndexDefinition, 7> kFlowIndexes{{
    {"flow_by_start", "CREATE INDEX IF NOT EXISTS flow_by_start ON flow(start)"},
    {"flow_by_src", "CREATE INDEX IF NOT EXISTS flow_by_src ON flow(src)"},
    {"flow_by_dst", "CREATE INDEX IF NOT EXISTS flow_by_dst ON flow(dst)"},
    {"flow_by_src_port", "CREATE INDEX IF NOT EXISTS flow_by_src_port ON flow(src_port)"},
    {"flow_by_dst_port", "CREATE INDEX IF NOT EXISTS flow_by_dst_port ON flow(dst_port)"},
    {"flow_by_interface", "CREATE INDEX IF NOT EXISTS flow_by_interface ON flow(interface)"},
    // Rejects are the minority an analyst looks for: a partial index stays small.
    {"flow_rejects_by_start", "CREATE INDEX IF NOT EXISTS flow_rejects_by_start ON flow(start) WHERE action = 1"},
}};

} // namespace

int currentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

void migrateSchema(sqlite3 *db, int fromVersion)
{
    for (int v = fromVersion; v < currentSchemaVersion(); ++v)
        execSql(db, kMigrations[static_cast<std::size_t>(v)]);
    if (fromVersion == 0)
        createFlowIndexes(db);
    execSql(db, "PRAGMA application_id = " + std::to_string(kCaseApplicationId));
    execSql(db, "PRAGMA user_version = " + std::to_string(currentSchemaVersion()));
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
    Statement statement(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'flow'");
    statement.step();
    return statement.int64(0) >= static_cast<std::int64_t>(kFlowIndexes.size());
}

} // namespace flowscope
