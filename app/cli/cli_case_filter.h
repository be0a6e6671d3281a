// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A filter of count and query compiled against a case with what its
// configuration snapshot in force over the filter's time says about
// interfaces (loaded only for a filter that needs it: security-group,
// instance-name, subnet-name, vpc-name; stderr says which snapshot), and
// the note on stderr when it finds nothing but names traffic that flow logs
// never record.

#include "explain/interface_enrichment.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <variant>

namespace flowscope::cli {

class CliCaseFilter {
public:
    std::variant<std::shared_ptr<const CaseFilter>, FilterError> compile(CaseDb &caseDb, const std::string &expression,
                                                                         const char *command);
    // After counting `matches` records: the note, when there is one, on err.
    void noteWhenEmpty(CaseDb &caseDb, const CaseFilter &filter, std::int64_t matches, const char *command,
                       std::ostream &err);

private:
    std::shared_ptr<const explain::InterfaceEnrichment> m_enrichment;
    bool m_loaded = false;
    const explain::InterfaceEnrichment *enrichment(CaseDb &caseDb);
};

} // namespace flowscope::cli
