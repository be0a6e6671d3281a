// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records behind an explanation (the request and the reply, on this
// interface and on the other end's) as a table: what each stands for, the
// interface that logged it, its action, start and flow, as the flow table
// shows records (the store's record ids stay internal); a start on the
// explained record's day shows its time only (the line above the table gives
// the date, the cell's tooltip the whole), so that a narrow panel shows it
// whole beside the role and the action. RecordIdRole and
// StartRole let a view go to the record in the flow table, FilterRole is a
// filter that shows it.

#include "explain/record_explanation.h"
#include "record_identity.h"

#include <QAbstractTableModel>

#include <memory>

namespace flowscope {

class EvidenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // What a narrow panel must show first: the role and what the record did, then when.
    enum Column { RoleColumn, ActionColumn, StartColumn, InterfaceColumn, FlowColumn, ColumnCount };
    enum Role {
        RecordIdRole = Qt::UserRole + 1, // qint64
        StartRole,                       // qint64 epoch seconds
        AcceptedRole,                    // bool
        FilterRole,                      // QString: shows the record
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Empty for none. `explained` is the record explained, as the table
    // shows it: the evidence shares its conversation.
    void setExplanation(std::shared_ptr<const explain::RecordExplanation> explanation, const RecordIdentity &explained = {});
    // The evidence record `row` as the table would show it.
    RecordIdentity identity(int row) const;
    // The row of the evidence record `recordId`; -1 when it is none.
    int rowOf(qint64 recordId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Request", "Reply at the peer" ...
    static QString roleText(explain::EvidenceRole role);

private:
    std::shared_ptr<const explain::RecordExplanation> m_explanation;
    RecordIdentity m_explained;
    bool m_timesOnly = false; // every start on the explained record's day
};

} // namespace flowscope
