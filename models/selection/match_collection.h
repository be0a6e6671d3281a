// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs a filter over a whole case once and keeps which records matched, so
// the table can then address the n-th match directly (see FlowPager).

#include "store/record_match_set.h"

#include <functional>
#include <memory>
#include <stdexcept>

namespace flowscope {

class CaseDb;
class CaseFilter;

// Thrown when `cancelled` said so before the scan finished.
class MatchCollectionCancelled : public std::runtime_error {
public:
    MatchCollectionCancelled()
        : std::runtime_error("filtering was cancelled")
    {
    }
};

// The records `filter` matches. `cancelled`, when given, is asked once a
// block as the scan goes: a newer filter need not wait for an older one.
std::shared_ptr<const RecordMatchSet> collectMatches(CaseDb &caseDb, const CaseFilter &filter,
                                                     const std::function<bool()> &cancelled = {});

} // namespace flowscope
