// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the incident's stores share: whether the case holds the incident
// tables (an older case opened read-only does not), the checks before a
// write, tag spelling, the default author and the clock.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::incident {

// False for a case of a schema before the incident tables (read-only).
bool incidentTablesExist(CaseDb &caseDb);
// Throws StoreError naming the case when it is read-only or predates the tables.
void requireIncidentWritable(CaseDb &caseDb);
// Throws StoreError naming the id when the case holds no record with it.
void requireRecord(CaseDb &caseDb, std::int64_t record);
bool recordExists(CaseDb &caseDb, std::int64_t record);

// A tag as stored: trimmed, lower case. Throws StoreError naming it when it
// is empty or holds a character other than letters, digits and - _ . : /
std::string normalizedTag(std::string_view tag);
// Normalized, sorted, without repeats.
std::vector<std::string> normalizedTags(const std::vector<std::string> &tags);

// The operating system's user name (USER, USERNAME, then the password
// database), "analyst" when none is known.
std::string defaultAuthor();
std::int64_t nowSeconds();

} // namespace flowscope::incident
