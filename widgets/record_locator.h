// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Goes to a record in the flow table by its id and start time (an evidence
// record of an explanation): asks the model for the row of that start time,
// then looks among the rows that start then for the id, waiting for their
// pages as they load. The record may be outside the filter: notFound() says so.

#include <QObject>

#include <optional>

namespace flowscope {

class FlowTableModel;
class FlowTableView;

class RecordLocator : public QObject {
    Q_OBJECT
public:
    RecordLocator(FlowTableView *view, FlowTableModel *model, QObject *parent = nullptr);

    void goTo(qint64 recordId, qint64 start);

    // Rows after the first one at the start time looked at before giving up.
    static constexpr int kRowsToSearch = 4096;

Q_SIGNALS:
    void found(qint64 recordId, int row);
    void notFound(qint64 recordId);

private:
    void onRowOfTime(qint64 epoch, int row);
    void search();

    FlowTableView *m_view;
    FlowTableModel *m_model;
    struct Target {
        qint64 id = 0;
        qint64 start = 0;
        int row = -1; // the next row to look at; -1 until the time's row is known
        int firstRow = -1;
    };
    std::optional<Target> m_target;
};

} // namespace flowscope
