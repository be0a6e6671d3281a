// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Explains the REJECT records of a case: one record for the "Why rejected?"
// panel (its counterparts found through the block indexes of its two
// addresses, so it stays fast on any size of case), or every REJECT a filter
// keeps, for the Rejects overview and `flowscope-cli explain` (one scan
// gathers the rejects, a second their counterparts by conversation, and the
// pairing runs per conversation in time order: no query per record).
//
// With snapshots the one in force at each record's time decides exactly
// (explainFlow); without, the flow records decide what they can.
//
// Runs on any thread but not on two at once; `cancelled` is asked once a
// block and between conversations, and a long SQL statement is interrupted
// too (QueryInterrupt): RejectExplainCancelled then ends the work.

#include "explain_progress.h"
#include "record_explanation.h"
#include "scanning_sources.h"
#include "snapshot_timeline.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::explain {

class RejectExplainCancelled : public std::runtime_error {
public:
    RejectExplainCancelled()
        : std::runtime_error("explaining rejects was cancelled")
    {
    }
};

using ExplainCancelled = std::function<bool()>;

// One line of the Rejects overview: the rejects that share a verdict,
// component, rule, interface and service port.
struct RejectGroup {
    RecordVerdict verdict = RecordVerdict::Inconclusive;
    ExplanationBasis basis = ExplanationBasis::Flows;
    QString component;
    QString rule; // "inbound 100 deny", "" when none
    QString interfaceId;
    int protocol = 0;
    int servicePort = 0;
    std::int64_t count = 0;
    std::int64_t replies = 0; // members that are replies: their service port is the source port
    std::int64_t firstRecord = 0; // in time order, for "go to"
    std::vector<std::int64_t> sampleRecords; // the first few ids
    // A scanning source's rejected requests folded into one group: the
    // verdict is their most common one; interface and protocol are set when
    // they share one, component, rule and port are empty.
    std::shared_ptr<const ScanningSource> scan;
};

struct RejectGroups {
    std::vector<RejectGroup> groups; // largest first
    std::int64_t rejects = 0;
};

class RejectExplainer {
public:
    // The timeline may be empty: the records alone then decide.
    explicit RejectExplainer(CaseDb &caseDb, SnapshotTimeline snapshots = {});
    ~RejectExplainer();
    RejectExplainer(const RejectExplainer &) = delete;
    RejectExplainer &operator=(const RejectExplainer &) = delete;

    const SnapshotTimeline &snapshots() const;

    // One record; nullopt when there is no such record or it is not a REJECT.
    std::optional<RecordExplanation> explainRecord(std::int64_t recordId, const ExplainCancelled &cancelled = {});

    // Every REJECT the filter keeps (all of them when the filter is empty),
    // by record id. `withText` false skips the sentences
    // (explanation, suggestion, caveat texts), which grouping does not need.
    // `progress` is told of each block read and chunk explained, from the
    // worker threads.
    void explainRejects(const CaseFilter &filter, const std::function<void(const RecordExplanation &)> &fn,
                        const ExplainCancelled &cancelled = {}, bool withText = true, const ExplainProgressFn &progress = {});

    // The same, grouped.
    RejectGroups groupRejects(const CaseFilter &filter, const ExplainCancelled &cancelled = {},
                              const ExplainProgressFn &progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

// The group's rule column: "inbound 100 deny", "outbound * deny" or "".
QString ruleLabel(const RecordExplanation &explanation);

} // namespace flowscope::explain
