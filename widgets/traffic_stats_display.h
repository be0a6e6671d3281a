// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How statistics read: counts with digit grouping, byte totals in kB / MB / GB
// (powers of 1000, as the filter language's units) with the exact count as a
// tooltip, protocol numbers by name. Sorting still goes to the statistics
// model, on its exact values.

#include "itemmodels/traffic_stats_model.h"

#include <QIdentityProxyModel>

namespace flowscope {

class TrafficStatsDisplayModel : public QIdentityProxyModel {
    Q_OBJECT
public:
    explicit TrafficStatsDisplayModel(TrafficStatsModel *source, QObject *parent = nullptr);

    TrafficStatsModel *statsModel() const { return m_stats; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    TrafficStatsModel *m_stats;
};

} // namespace flowscope
