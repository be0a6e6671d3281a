// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds a finding's evidence filter in the filter language, term by term:
// `srcaddr == 10.0.0.5 and start >= 2026-03-10T02:00:00Z ...`, joined to the
// run's own filter so that the table shows exactly the evidence records.

#include "format/ip_address.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

// 2026-03-10T02:00:13Z
std::string isoUtcSeconds(std::int64_t epochSeconds);

class EvidenceFilter {
public:
    EvidenceFilter &address(std::string_view field, const IpAddress &address);
    EvidenceFilter &number(std::string_view field, std::int64_t value);
    // start >= from and start <= to (whole seconds, inclusive).
    EvidenceFilter &startsBetween(std::int64_t from, std::int64_t to);
    EvidenceFilter &text(std::string_view field, std::string_view value);
    // Any term in the filter language, parenthesised when it holds `or`.
    EvidenceFilter &term(std::string term);

    // "(RUN FILTER) and TERMS", or the terms alone for an empty run filter.
    std::string joinedTo(std::string_view runFilter) const;

private:
    std::vector<std::string> m_terms;
};

} // namespace flowscope
