// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The detail pane: every field of the selected record with what it means
// (protocol name, TCP flags by name, times in UTC and local time, the egress
// path), where the record came from (file and line), and what the case's
// configuration snapshot in force at the record's time says about its
// interface and addresses.

#include "store/flow_reader.h"

#include <QTreeWidget>

#include <memory>
#include <optional>

namespace flowscope {

namespace explain {
class EnrichmentTimeline;
class InterfaceEnrichment;
}

class RecordDetailView : public QTreeWidget {
    Q_OBJECT
public:
    explicit RecordDetailView(QWidget *parent = nullptr);
    // Shows the record, or a hint when none is selected (or not loaded yet).
    void showRecord(const std::optional<FlowRow> &row);
    // The snapshot's index (null: none); the record shown is shown again.
    void setEnrichment(std::shared_ptr<const explain::InterfaceEnrichment> enrichment);
    // Every snapshot of the case: each record is shown with the one in force at its time.
    void setEnrichments(std::shared_ptr<const explain::EnrichmentTimeline> enrichments);

private:
    std::optional<FlowRow> m_row;
    std::shared_ptr<const explain::EnrichmentTimeline> m_enrichments;
};

} // namespace flowscope
