// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain_progress.h"

#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <algorithm>

namespace flowscope::explain {

int progressPermille(const ExplainProgress &progress)
{
    const int from = progress.stage == ExplainStage::Finding ? 0 : progress.stage == ExplainStage::Reading ? 400 : 800;
    const int width = progress.stage == ExplainStage::Explaining ? 200 : 400;
    if (progress.total == 0)
        return from;
    return from + static_cast<int>(std::min(progress.done, progress.total) * static_cast<std::uint64_t>(width) / progress.total);
}

std::uint64_t blockCount(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks)
{
    if (blocks)
        return blocks->size();
    return static_cast<std::uint64_t>(queryInt(caseDb.handle(), "SELECT count(*) FROM flow_block"));
}

StageProgress::StageProgress(const ExplainProgressFn &report, ExplainStage stage, std::uint64_t total)
    : m_report(report)
    , m_stage(stage)
    , m_total(total)
{
    if (m_report)
        m_report({m_stage, 0, m_total});
}

void StageProgress::step()
{
    const std::uint64_t done = ++m_done;
    if (m_report)
        m_report({m_stage, done, m_total});
}

} // namespace flowscope::explain
