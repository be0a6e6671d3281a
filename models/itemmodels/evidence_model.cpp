// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidence_model.h"

#include <QDateTime>

#include <algorithm>

namespace flowscope {

void EvidenceModel::setExplanation(std::shared_ptr<const explain::RecordExplanation> explanation, const RecordIdentity &explained)
{
    beginResetModel();
    m_explanation = std::move(explanation);
    m_explained = explained;
    // Evidence lies within the aggregation windows around the record: nearly always the same day.
    const auto day = [](qint64 start) { return start >= 0 ? start / 86400 : (start - 86399) / 86400; };
    m_timesOnly = m_explanation && m_explained.isKnown()
        && std::all_of(m_explanation->evidence.begin(), m_explanation->evidence.end(),
                       [&](const explain::EvidenceRecord &record) { return day(record.start) == day(m_explained.start); });
    endResetModel();
}

RecordIdentity EvidenceModel::identity(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const explain::EvidenceRecord &record = m_explanation->evidence.at(static_cast<std::size_t>(row));
    const auto requestSide = [](explain::EvidenceRole role) {
        return role == explain::EvidenceRole::Request || role == explain::EvidenceRole::PeerRequest;
    };
    // Pairing found it as this conversation's 5-tuple, turned round on the other side of it.
    const bool reversed = requestSide(record.role) != (m_explanation->role == explain::FlowRole::Request);
    if (!m_explained.isKnown()) {
        RecordIdentity bare;
        bare.id = record.id;
        bare.interfaceId = record.interfaceId;
        bare.start = record.start;
        return bare;
    }
    return m_explained.counterpart(record.id, record.interfaceId, record.start, reversed);
}

int EvidenceModel::rowOf(qint64 recordId) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (m_explanation->evidence.at(static_cast<std::size_t>(row)).id == recordId)
            return row;
    return -1;
}

int EvidenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_explanation ? 0 : static_cast<int>(m_explanation->evidence.size());
}

int EvidenceModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString EvidenceModel::roleText(explain::EvidenceRole role)
{
    switch (role) {
    case explain::EvidenceRole::Request: return tr("Request");
    case explain::EvidenceRole::Reply: return tr("Reply");
    case explain::EvidenceRole::PeerRequest: return tr("Request at the other end");
    case explain::EvidenceRole::PeerReply: return tr("Reply at the other end");
    }
    return {};
}

QVariant EvidenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const explain::EvidenceRecord &record = m_explanation->evidence.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RoleColumn: return roleText(record.role);
        case InterfaceColumn:
            return record.peerInterface ? tr("%1 (other end)").arg(record.interfaceId)
                                        : tr("%1 (this interface)").arg(record.interfaceId);
        case ActionColumn: return record.accepted ? QStringLiteral("ACCEPT") : QStringLiteral("REJECT");
        case StartColumn:
            return QDateTime::fromSecsSinceEpoch(record.start, Qt::UTC)
                .toString(m_timesOnly ? QStringLiteral("HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case FlowColumn: return identity(index.row()).flowText();
        }
        return {};
    case Qt::ToolTipRole: {
        const QString filter = identity(index.row()).filter();
        const QString click = filter.isEmpty() || !m_explained.isKnown()
            ? tr("Click to go to it in the flow table")
            : tr("Click to go to it in the flow table. This filter shows it: %1").arg(filter);
        if (index.column() != StartColumn)
            return click;
        const QString start = QDateTime::fromSecsSinceEpoch(record.start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return tr("Started %1 UTC.").arg(start) + QLatin1Char(' ') + click;
    }
    case FilterRole: return m_explained.isKnown() ? identity(index.row()).filter() : QString();
    case RecordIdRole: return QVariant::fromValue<qint64>(record.id);
    case StartRole: return QVariant::fromValue<qint64>(record.start);
    case AcceptedRole: return record.accepted;
    default: return {};
    }
}

QVariant EvidenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleColumn: return tr("Record");
    case InterfaceColumn: return tr("Interface");
    case ActionColumn: return tr("Action");
    case StartColumn: return tr("Start (UTC)");
    case FlowColumn: return tr("Flow");
    }
    return {};
}

} // namespace flowscope
