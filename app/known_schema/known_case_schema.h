// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The schema a case of the current version holds, written at build time
// (expectedSchemaText(), see store/schema_check.h).

namespace flowscope {

// The schema as expectedSchemaText() wrote it at build time.
const char *knownCaseSchemaText();

// Has cases of the current version checked against the built-in schema
// rather than one replayed in memory. Call once, before opening a case.
void installKnownCaseSchema();

} // namespace flowscope
