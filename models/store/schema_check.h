// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Holds a case's schema (every table, index, trigger and view in
// sqlite_schema, with its SQL) against the one Flowscope writes at the case's
// version. Cases pass between analysts, and a trigger planted in one fires on
// the next import: defensive mode and an untrusted schema stop functions, not
// triggers, so a case holding anything Flowscope does not make is refused
// before a statement runs on it.
//
// What a case of version N holds is not listed twice: it is what replaying
// the migrations up to N (schema.cpp) writes into an empty in-memory
// database. The record indexes (createFlowIndexes) and SQLite's own
// statistics tables may be absent, but when present must be as written.

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

// What the case holds that Flowscope does not make, or makes otherwise, one
// clause each ("holds a trigger `t` on source_file that Flowscope does not
// make"); empty when the schema is Flowscope's for `version`.
std::vector<std::string> schemaFindings(sqlite3 *db, int version);

// Throws StoreError ("refused: the case 'PATH' holds a trigger `t` ...")
// unless schemaFindings() is empty.
void checkCaseSchema(sqlite3 *db, int version, const std::string &caseName);

// SQL as compared: runs of blanks become one space, none next to
// punctuation, lower case outside quotes.
std::string normalizedSchemaSql(std::string_view sql);

// What a case of the current version holds (every object, whether it may be
// absent, and its table's columns), as text: a program carries it built in
// (app/known_schema) because replaying the migrations in memory took most
// of the time a process spends opening a case. The first line names the
// SQLite that wrote it, as ALTER TABLE's text could differ in another.
std::string expectedSchemaText();

// Checks cases of the current version against `text` (expectedSchemaText()
// of this build) from now on, instead of replaying the migrations, when the
// SQLite running is the one that wrote it; else changes nothing. Throws
// StoreError when the text is not such a schema.
void useBuiltInExpectedSchema(std::string_view text);

} // namespace flowscope
