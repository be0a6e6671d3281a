// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The enrichment of every configuration snapshot of a case, by as-of time,
// and the one to use: at a record's time, the one in force then (the newest
// taken at or before it, else the oldest), as the explainer chooses; over a
// span of time (a filter's, or the case's records'), where one snapshot must
// answer for all of it, the one in force over the longest part of the span.

#include "interface_enrichment.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace flowscope {
struct FlowRow;
}

namespace flowscope::explain {

// The snapshot chosen for a span, and how its time stands to the span.
struct SpanSnapshotChoice {
    std::shared_ptr<const InterfaceEnrichment> enrichment;
    qint64 from = 0, until = 0; // the span, epoch seconds
    int snapshots = 0;          // snapshots in the case
    // Another snapshot is in force over part of the span too.
    bool othersInForce = false;
};

class EnrichmentTimeline {
public:
    // Keeps the order by as-of whatever the order of adding.
    void add(std::shared_ptr<const InterfaceEnrichment> enrichment);
    bool isEmpty() const { return m_enrichments.empty(); }
    const std::vector<std::shared_ptr<const InterfaceEnrichment>> &enrichments() const { return m_enrichments; }
    // The snapshot taken last (completion offers its values).
    std::shared_ptr<const InterfaceEnrichment> newest() const;
    // Null when the case holds no snapshot.
    std::shared_ptr<const InterfaceEnrichment> inForceAt(qint64 epochSeconds) const;
    // Over [from, until]: the snapshot in force for the longest part of it
    // (ties: the later); nothing when the case holds no snapshot.
    std::optional<SpanSnapshotChoice> inForceOver(qint64 from, qint64 until) const;
    // In force at the record's start (the newest when it has none).
    std::shared_ptr<const InterfaceEnrichment> forRecord(const FlowRow &row) const;

private:
    std::vector<std::shared_ptr<const InterfaceEnrichment>> m_enrichments; // oldest first
};

// "security-group, instance-name, subnet-name and vpc-name are answered by the
// configuration snapshot as of 2026-03-02 09:00:00 UTC, taken 3 hours before
// the records' first; another snapshot is in force over part of them" — for
// the status bar and the CLI's stderr.
QString spanSnapshotNote(const SpanSnapshotChoice &choice);

// "3 hours", "2 days", "5 minutes": how far apart two times are.
QString timeApartText(qint64 seconds);

} // namespace flowscope::explain
