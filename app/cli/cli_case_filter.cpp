// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_case_filter.h"

#include "explain/case_enrichment.h"
#include "incident/incident_record_marks.h"
#include "query/interface_attributes.h"

#include <iostream>

namespace flowscope::cli {

const explain::InterfaceEnrichment *CliCaseFilter::enrichment(CaseDb &caseDb)
{
    if (!m_loaded) {
        m_enrichment = explain::loadCaseEnrichment(caseDb);
        m_loaded = true;
    }
    return m_enrichment.get();
}

std::variant<std::shared_ptr<const CaseFilter>, FilterError> CliCaseFilter::compile(CaseDb &caseDb,
                                                                                     const std::string &expression,
                                                                                     const char *command)
{
    std::optional<explain::SpanSnapshotChoice> choice;
    auto compiled = explain::compileWithSnapshot(caseDb, expression, {}, &choice);
    if (choice && std::holds_alternative<std::shared_ptr<const CaseFilter>>(compiled)) {
        m_enrichment = choice->enrichment; // the unlogged-traffic note reads the same snapshot
        m_loaded = true;
        std::cerr << "flowscope-cli " << command << ": note: " << explain::spanSnapshotNote(*choice).toStdString() << '\n';
    }
    return compiled;
}

void CliCaseFilter::noteWhenEmpty(CaseDb &caseDb, const CaseFilter &filter, std::int64_t matches, const char *command,
                                  std::ostream &err)
{
    if (matches != 0 || filter.matchesEverything())
        return;
    const std::string note = explain::unloggedTrafficNoteFor(filter.root(), enrichment(caseDb));
    if (!note.empty())
        err << "flowscope-cli " << command << ": note: " << note << '\n';
}

} // namespace flowscope::cli
