// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records behind an explanation (the request and the reply, on this
// interface and on the other end's) as a table: what each stands for, the
// interface that logged it, its action and start. RecordIdRole and StartRole
// let a view go to the record in the flow table.

#include "explain/record_explanation.h"

#include <QAbstractTableModel>

#include <memory>

namespace flowscope {

class EvidenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RoleColumn, InterfaceColumn, ActionColumn, StartColumn, RecordColumn, ColumnCount };
    enum Role {
        RecordIdRole = Qt::UserRole + 1, // qint64
        StartRole,                       // qint64 epoch seconds
        AcceptedRole,                    // bool
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Empty for none.
    void setExplanation(std::shared_ptr<const explain::RecordExplanation> explanation);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Request", "Reply at the peer" ...
    static QString roleText(explain::EvidenceRole role);

private:
    std::shared_ptr<const explain::RecordExplanation> m_explanation;
};

} // namespace flowscope
