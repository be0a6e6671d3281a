// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Incident Timeline dock: findings, starred and tagged records and notes
// in time order (IncidentTimelineModel). Severity is chosen from a list,
// tags and a note's text typed, in place (F2 or a click on the selected
// cell), and written to the case at once. Double-click or Enter on an entry
// shows its record in the table, or a finding's evidence through its filter.

#include <QWidget>

class QLabel;
class QTableView;

namespace flowscope {

class IncidentTimelineModel;

class IncidentTimelineView : public QWidget {
    Q_OBJECT
public:
    explicit IncidentTimelineView(IncidentTimelineModel *model, QWidget *parent = nullptr);

    IncidentTimelineModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    // An entry about a record was activated: go to it (its start, for the table's index).
    void recordRequested(qint64 record, qint64 start);
    // A finding was activated: apply the filter that shows its evidence
    // (`finding` its name, `text` its line's text).
    void filterRequested(const QString &expression, const QString &finding, const QString &text);

private:
    void activate(const QModelIndex &index);
    void updateHint();

    IncidentTimelineModel *m_model;
    QTableView *m_table;
    QLabel *m_hint;
};

} // namespace flowscope
