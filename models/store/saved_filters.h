// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Display filters saved by name in a case (table saved_filter, schema v2).
// A v1 case opened read-only has no such table: it simply has none saved.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

class CaseDb;

struct SavedFilter {
    std::string name;
    std::string expression;
    std::int64_t createdAt = 0; // Unix epoch seconds of the last save under this name
};

class SavedFilters {
public:
    explicit SavedFilters(CaseDb &caseDb);

    // False when the case cannot hold saved filters (read-only and not yet
    // migrated to schema v2).
    bool isAvailable() const;
    // By name, case-insensitively, so a list reads alphabetically.
    std::vector<SavedFilter> list() const;
    // Stores `expression` under `name` (trimmed), replacing a filter of that
    // name. Throws StoreError for an empty name or a read-only case.
    void save(std::string_view name, std::string_view expression);
    // Returns whether a filter of that name existed.
    bool remove(std::string_view name);

private:
    void requireWritable() const;

    CaseDb &m_case;
};

} // namespace flowscope
