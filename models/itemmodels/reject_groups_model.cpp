// SPDX-License-Identifier: GPL-3.0-or-later
#include "reject_groups_model.h"

#include "case_snapshots.h"
#include "explain_progress_reporter.h"
#include "explain/case_enrichment.h"
#include "explain/verdict_label.h"

#include "pivot/filter_compose.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/case_job.h"
#include "tasks/work_pools.h"

#include <QLocale>

#include <algorithm>

namespace flowscope {

namespace {

QString protocolText(int protocol)
{
    return protocol == 0 ? QStringLiteral("-") : explain::protocolName(protocol);
}

bool hasPorts(int protocol) { return protocol == explain::kTcp || protocol == explain::kUdp; }

} // namespace

RejectGroupsModel::RejectGroupsModel(std::shared_ptr<CaseSnapshots> snapshots, QObject *parent)
    : QAbstractTableModel(parent)
    , m_caseSnapshots(std::move(snapshots))
    , m_job(analysisPool(), [this](Result result) { show(std::move(result)); })
{
}

RejectGroupsModel::~RejectGroupsModel() = default;

void RejectGroupsModel::compute(const QString &casePath, const QString &filter)
{
    m_cancelled = false;
    m_case = casePath;
    m_filter = filter;
    m_job.request([this, casePath, filter, snapshots = m_caseSnapshots](const auto &stale) {
        Result result;
        result.filter = filter;
        const explain::ExplainProgressFn progress = progressReporter(this, stale);
        const QString error = runOnCase(casePath, stale, [&](CaseDb &caseDb) {
            const auto compiled = explain::compileWithSnapshot(caseDb, filter.toStdString());
            if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
                result.error = tr("The filter is not valid at position %1: %2")
                                   .arg(invalid->position)
                                   .arg(QString::fromStdString(invalid->message));
                return;
            }
            // Only rejects count: saying so lets the index of blocks with rejects narrow the scan.
            const auto rejects = explain::compileWithSnapshot(
                caseDb, combineFilter(filter, QStringLiteral("action == reject"), FilterCombine::And).toStdString());
            const auto timeline = snapshots->timeline(casePath, caseDb);
            result.snapshots = static_cast<int>(timeline->snapshots().size());
            explain::RejectExplainer explainer(caseDb, *timeline);
            result.groups = explainer.groupRejects(*std::get<std::shared_ptr<const CaseFilter>>(rejects), stale, progress);
        });
        if (!error.isEmpty()) {
            result = Result{{}, 0, filter, error};
        }
        return result;
    });
}

void RejectGroupsModel::cancel()
{
    if (!isComputing())
        return;
    m_job.cancel();
    m_cancelled = true;
    Q_EMIT cancelled();
}

void RejectGroupsModel::show(Result result)
{
    beginResetModel();
    m_groups = std::move(result.groups.groups);
    m_rowsFilter = result.filter;
    m_rejects = result.groups.rejects;
    m_snapshots = result.snapshots;
    applySort();
    endResetModel();
    if (!result.error.isEmpty())
        Q_EMIT errorOccurred(result.error);
    Q_EMIT computed();
}

namespace {

// Which port field holds a group's service port: dstport for requests,
// srcport for replies, either for a group holding both.
QString portFieldOf(const explain::RejectGroup &group)
{
    if (group.replies == 0)
        return QStringLiteral("dstport");
    if (group.replies == group.count)
        return QStringLiteral("srcport");
    return QStringLiteral("port");
}

// The requests and replies of `other` a group's port term selects.
qint64 sharingPortSide(const explain::RejectGroup &group, const explain::RejectGroup &other)
{
    const QString field = portFieldOf(group);
    if (field == u"dstport")
        return other.count - other.replies;
    if (field == u"srcport")
        return other.replies;
    return other.count;
}

// The terms of a plain conjunction ("a and b and c"); empty when the filter
// is anything else, so that nothing is wrongly left out.
QStringList conjunctTerms(const QString &filter)
{
    if (filter.contains(QLatin1Char('(')) || filter.contains(QStringLiteral(" or ")) || filter.contains(QStringLiteral("||")))
        return {};
    QStringList terms = filter.split(QStringLiteral(" and "), Qt::SkipEmptyParts);
    for (QString &term : terms)
        term = term.trimmed();
    return terms;
}

} // namespace

QString RejectGroupsModel::filterForRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const explain::RejectGroup &group = m_groups[std::size_t(row)];
    QStringList terms{QStringLiteral("action == reject")};
    if (group.scan) { // the source's requests, to its one host when it knocked on one
        terms << QStringLiteral("srcaddr == %1").arg(QString::fromStdString(group.scan->source.toString()));
        if (group.scan->onlyHost)
            terms << QStringLiteral("dstaddr == %1").arg(QString::fromStdString(group.scan->onlyHost->toString()));
    } else if (!group.interfaceId.isEmpty())
        terms << filterTermFor(Field::InterfaceId, group.interfaceId);
    if (group.protocol > 0)
        terms << filterTermFor(Field::Protocol, QVariant::fromValue<qint64>(group.protocol));
    if (hasPorts(group.protocol) && group.servicePort > 0)
        terms << QStringLiteral("%1 == %2").arg(portFieldOf(group)).arg(group.servicePort);
    const QStringList present = conjunctTerms(m_rowsFilter);
    QString filter = m_rowsFilter;
    for (const QString &term : terms) {
        if (!present.contains(term))
            filter = combineFilter(filter, term, FilterCombine::And);
    }
    return filter;
}

qint64 RejectGroupsModel::othersSharingFilter(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    const explain::RejectGroup &group = m_groups[std::size_t(row)];
    if (group.scan)
        return 0; // its filter names the source: a reply from it is the only other reject it can show
    const bool ports = hasPorts(group.protocol) && group.servicePort > 0;
    qint64 others = 0;
    for (std::size_t i = 0; i < m_groups.size(); ++i) {
        const explain::RejectGroup &other = m_groups[i];
        if (int(i) == row || (!group.interfaceId.isEmpty() && other.interfaceId != group.interfaceId)
            || (group.protocol > 0 && other.protocol != group.protocol) || (ports && other.servicePort != group.servicePort))
            continue;
        others += ports ? sharingPortSide(group, other) : other.count;
    }
    return others;
}

qint64 RejectGroupsModel::rejectsDecidedBySnapshot() const
{
    qint64 decided = 0;
    for (const explain::RejectGroup &group : m_groups)
        decided += group.basis == explain::ExplanationBasis::Config ? group.count : 0;
    return decided;
}

int RejectGroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_groups.size());
}

int RejectGroupsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RejectGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const explain::RejectGroup &group = m_groups[std::size_t(index.row())];
    const bool ports = hasPorts(group.protocol) && group.servicePort > 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VerdictColumn: return explain::recordVerdictLabel(group.verdict);
        case ComponentColumn: return group.component.isEmpty() ? QStringLiteral("-") : group.component;
        case DetailColumn: return group.scan ? tr("Scan: %1").arg(group.scan->summary()) : QStringLiteral("-");
        case RuleColumn: return group.rule.isEmpty() ? QStringLiteral("-") : group.rule;
        case InterfaceColumn: return group.interfaceId.isEmpty() ? QStringLiteral("-") : group.interfaceId;
        case ProtocolColumn: return protocolText(group.protocol);
        case PortColumn: return ports ? QString::number(group.servicePort) : QStringLiteral("-");
        case CountColumn: return QLocale().toString(qint64(group.count));
        }
        return {};
    case SortValueRole:
        switch (index.column()) {
        case VerdictColumn: return explain::recordVerdictLabel(group.verdict);
        case ComponentColumn: return group.component;
        case RuleColumn: return group.rule;
        case InterfaceColumn: return group.interfaceId;
        case ProtocolColumn: return group.protocol;
        case PortColumn: return group.servicePort;
        case DetailColumn: return group.scan ? group.scan->summary() : QString();
        case CountColumn: return QVariant::fromValue<qint64>(group.count);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn || index.column() == PortColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == VerdictColumn)
            return group.basis == explain::ExplanationBasis::Config
                ? tr("Decided by the configuration snapshot in force at each record's time")
                : tr("Decided from the flow records alone");
        if (index.column() == ComponentColumn || index.column() == RuleColumn || index.column() == DetailColumn) // a narrow column elides it
            return index.data().toString() + u'\n' + tr("Double-click to show these rejects: %1").arg(filterForRow(index.row()));
        return tr("Double-click to show these rejects: %1").arg(filterForRow(index.row()));
    case VerdictRole: return explain::recordVerdictName(group.verdict);
    case FirstRecordRole: return QVariant::fromValue<qint64>(group.firstRecord);
    default: return {};
    }
}

QVariant RejectGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VerdictColumn: return tr("Verdict");
    case ComponentColumn: return tr("Component");
    case RuleColumn: return tr("Rule");
    case InterfaceColumn: return tr("Interface");
    case ProtocolColumn: return tr("Protocol");
    case PortColumn: return tr("Port");
    case DetailColumn: return tr("Detail");
    case CountColumn: return tr("Rejects");
    }
    return {};
}

void RejectGroupsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::int64_t> keys; // the first record stands for its group
    for (const QModelIndex &index : before)
        keys.push_back(m_groups[std::size_t(index.row())].firstRecord);
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    QModelIndexList after;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto at = std::find_if(m_groups.begin(), m_groups.end(),
                                     [&](const explain::RejectGroup &g) { return g.firstRecord == keys[i]; });
        after << (at == m_groups.end() ? QModelIndex() : index(int(at - m_groups.begin()), before[qsizetype(i)].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void RejectGroupsModel::applySort()
{
    // Ties: the larger group first, then the earlier first record, so the order is stable.
    const auto key = [this](const explain::RejectGroup &g) -> QVariant {
        switch (m_sortColumn) {
        case VerdictColumn: return explain::recordVerdictLabel(g.verdict);
        case ComponentColumn: return g.component;
        case RuleColumn: return g.rule;
        case InterfaceColumn: return g.interfaceId;
        case ProtocolColumn: return g.protocol;
        case PortColumn: return g.servicePort;
        case DetailColumn: return g.scan ? g.scan->summary() : QString();
        default: return QVariant::fromValue<qint64>(g.count);
        }
    };
    std::stable_sort(m_groups.begin(), m_groups.end(), [&](const explain::RejectGroup &a, const explain::RejectGroup &b) {
        const QVariant ka = key(a);
        const QVariant kb = key(b);
        const auto order = QVariant::compare(ka, kb);
        if (order != QPartialOrdering::Equivalent)
            return m_sortOrder == Qt::AscendingOrder ? order == QPartialOrdering::Less : order == QPartialOrdering::Greater;
        if (a.count != b.count)
            return a.count > b.count;
        return a.firstRecord < b.firstRecord;
    });
}

} // namespace flowscope
