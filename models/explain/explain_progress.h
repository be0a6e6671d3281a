// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How far explaining a filter's rejects (or finding its unanswered requests)
// has come, for a progress bar: the work is a few scans of blocks and then a
// pass over the records found, so each stage reports its blocks or records
// done of the stage's total, and progressPermille() folds them into one.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::explain {

enum class ExplainStage {
    Finding,    // reading the filter's blocks for the records to explain
    Reading,    // reading the blocks of their time span for their conversations
    Explaining, // pairing and explaining them
};

struct ExplainProgress {
    ExplainStage stage = ExplainStage::Finding;
    std::uint64_t done = 0;
    std::uint64_t total = 0;
};

// Called from the worker threads, often: keep it cheap.
using ExplainProgressFn = std::function<void(const ExplainProgress &)>;

// The whole as per-mille (finding 0-400, reading 400-800, explaining 800-1000).
int progressPermille(const ExplainProgress &progress);

// How many blocks a scan of `blocks` reads (every block of the case when nullopt).
std::uint64_t blockCount(CaseDb &caseDb, const std::optional<std::vector<std::int64_t>> &blocks);

// Counts a stage's blocks as the scan's threads finish them.
class StageProgress {
public:
    StageProgress(const ExplainProgressFn &report, ExplainStage stage, std::uint64_t total);
    void step(); // thread-safe

private:
    const ExplainProgressFn &m_report;
    ExplainStage m_stage;
    std::uint64_t m_total;
    std::atomic<std::uint64_t> m_done{0};
};

} // namespace flowscope::explain
