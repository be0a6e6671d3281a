// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_hits_model.h"

#include <QDateTime>
#include <QLocale>

namespace flowscope {

namespace {

QString utc(std::int64_t seconds)
{
    return seconds ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QStringLiteral("-");
}

} // namespace

IocHitsModel::IocHitsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void IocHitsModel::setHits(std::vector<incident::IocHit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

QString IocHitsModel::filterAt(int row) const
{
    return row >= 0 && row < rowCount() ? QString::fromStdString(m_hits[static_cast<std::size_t>(row)].filter) : QString();
}

int IocHitsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int IocHitsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant IocHitsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const incident::IocHit &hit = m_hits[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == Records || index.column() == Accepted || index.column() == Rejected;
        return QVariant::fromValue(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == Interfaces) {
        QStringList enis;
        for (const std::string &eni : hit.interfaces)
            enis << QString::fromStdString(eni);
        return enis.join(QLatin1Char('\n'));
    }
    if (role == Qt::ToolTipRole)
        return tr("Double-click to show its records: %1").arg(QString::fromStdString(hit.filter));
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case List: return QStringLiteral("@") + QString::fromStdString(hit.list);
    case Indicator: return QString::fromStdString(hit.indicator);
    case Records: return locale.toString(static_cast<qlonglong>(hit.records));
    case Accepted: return locale.toString(static_cast<qlonglong>(hit.accepted));
    case Rejected: return locale.toString(static_cast<qlonglong>(hit.rejected));
    case FirstSeen: return utc(hit.firstSeen);
    case LastSeen: return utc(hit.lastSeen);
    case Interfaces: {
        QString text = hit.interfaces.empty() ? QString() : QString::fromStdString(hit.interfaces.front());
        if (hit.interfaces.size() > 1)
            text += tr(" +%1").arg(hit.interfaces.size() - 1);
        return text;
    }
    case Label: return QString::fromStdString(hit.label);
    }
    return {};
}

QVariant IocHitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case List: return tr("List");
    case Indicator: return tr("Indicator");
    case Records: return tr("Records");
    case Accepted: return tr("Accepted");
    case Rejected: return tr("Rejected");
    case FirstSeen: return tr("First seen (UTC)");
    case LastSeen: return tr("Last seen (UTC)");
    case Interfaces: return tr("ENIs");
    case Label: return tr("Label");
    }
    return {};
}

} // namespace flowscope
