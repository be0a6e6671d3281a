// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The detail pane: every field of the selected record with what it means
// (protocol name, TCP flags by name, times in UTC and local time, the egress
// path), and where the record came from (file and line).

#include <QTreeWidget>

#include <optional>

namespace flowscope {

struct FlowRow;

class RecordDetailView : public QTreeWidget {
    Q_OBJECT
public:
    explicit RecordDetailView(QWidget *parent = nullptr);
    // Shows the record, or a hint when none is selected (or not loaded yet).
    void showRecord(const std::optional<FlowRow> &row);
};

} // namespace flowscope
