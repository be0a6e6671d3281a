// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case file's schema, as an ordered list of migrations. A case records the
// version it has reached in PRAGMA user_version.

#include <sqlite3.h>

namespace flowscope {

// 'FLOW' in PRAGMA application_id marks a file as a Flowscope case.
constexpr int kCaseApplicationId = 0x464C4F57;
int currentSchemaVersion();

// Brings a case from `fromVersion` to currentSchemaVersion() inside the
// caller's transaction.
void migrateSchema(sqlite3 *db, int fromVersion);
// Runs only the statements that bring a case from `version` - 1 to `version`
// (no data derived): the schema check replays them to know what a case of
// each version holds.
void applySchemaStatements(sqlite3 *db, int version);

// The indexes over record blocks; an open repairs them if they are missing.
void createFlowIndexes(sqlite3 *db);
void dropFlowIndexes(sqlite3 *db);
bool flowIndexesComplete(sqlite3 *db);

} // namespace flowscope
