// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_case.h"

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "test_files.h"

#include <QString>

#include <stdexcept>

namespace flowscope::test {

std::vector<std::int64_t> makeSmallCase(const std::string &file)
{
    const QString input = QString::fromStdString(file) + QStringLiteral(".log");
    writeFile(input, smallTrafficRecords());
    auto caseDb = CaseDb::open(file, CaseDb::Mode::CreateIfMissing);
    if (CaseImporter(*caseDb).run({input.toStdString()}, {}).records != 5)
        throw std::runtime_error("the small case did not import five records");
    std::vector<std::int64_t> ids;
    FlowPager pager(*caseDb);
    for (const FlowRow &row : pager.rowsAt(0, 5))
        ids.push_back(row.id);
    return ids;
}

} // namespace flowscope::test
