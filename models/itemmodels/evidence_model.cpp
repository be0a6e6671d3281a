// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidence_model.h"

#include <QDateTime>

namespace flowscope {

void EvidenceModel::setExplanation(std::shared_ptr<const explain::RecordExplanation> explanation)
{
    beginResetModel();
    m_explanation = std::move(explanation);
    endResetModel();
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
            return QDateTime::fromSecsSinceEpoch(record.start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case RecordColumn: return QString::number(record.id);
        }
        return {};
    case Qt::ToolTipRole: return tr("Click to go to record %1 in the flow table").arg(record.id);
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
    case RecordColumn: return tr("Id");
    }
    return {};
}

} // namespace flowscope
