// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The hits of a retro-hunt, one row per indicator, for a table whose
// double-click filters to the indicator's records.

#include "incident/ioc_hunt.h"

#include <QAbstractTableModel>

#include <vector>

namespace flowscope {

class IocHitsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { List, Indicator, Records, Accepted, Rejected, FirstSeen, LastSeen, Interfaces, Label, ColumnCount };

    explicit IocHitsModel(QObject *parent = nullptr);

    void setHits(std::vector<incident::IocHit> hits);
    // The filter that shows the row's records; empty for no row.
    QString filterAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<incident::IocHit> m_hits;
};

} // namespace flowscope
