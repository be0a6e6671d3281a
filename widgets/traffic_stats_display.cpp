// SPDX-License-Identifier: GPL-3.0-or-later
#include "traffic_stats_display.h"

#include "format/field_names.h"

#include <QLocale>

namespace flowscope {

namespace {

constexpr int kTotalColumns = 7; // flows, packets, bytes, accepts, rejects, first seen, last seen
constexpr int kBytes = 2;        // among the totals
constexpr int kProtocolColumn = 2; // of service conversations

} // namespace

TrafficStatsDisplayModel::TrafficStatsDisplayModel(TrafficStatsModel *source, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_stats(source)
{
    setSourceModel(source);
}

QVariant TrafficStatsDisplayModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QIdentityProxyModel::data(index, role);
    const QVariant exact = QIdentityProxyModel::data(index, TrafficStatsModel::SortValueRole);
    const int total = index.column() - (columnCount() - kTotalColumns);
    const QLocale locale;
    if (total == kBytes) {
        const qulonglong bytes = exact.toULongLong();
        if (role == Qt::ToolTipRole)
            return tr("%1 bytes").arg(locale.toString(bytes));
        return locale.formattedDataSize(qint64(bytes), 1, QLocale::DataSizeSIFormat);
    }
    if (total >= 0 && total < 5 && role == Qt::DisplayRole)
        return locale.toString(exact.toULongLong());
    if (m_stats->kind() == TrafficStatsModel::Kind::ServiceConversations && index.column() == kProtocolColumn) {
        bool ok = false;
        const int number = exact.toString().toInt(&ok);
        if (ok && number >= 0 && number <= 255) {
            const std::string_view name = protocolName(static_cast<std::uint8_t>(number));
            if (role == Qt::ToolTipRole)
                return tr("IANA protocol %1").arg(number);
            if (!name.empty())
                return QString::fromLatin1(name.data(), qsizetype(name.size()));
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace flowscope
