// SPDX-License-Identifier: GPL-3.0-or-later
#include "traffic_stats_model.h"

#include "explain/case_enrichment.h"
#include "selection/case_filter.h"

#include "store/case_db.h"
#include "tasks/case_job.h"
#include "tasks/work_pools.h"

#include <QDateTime>

#include <algorithm>
#include <array>

namespace flowscope {

namespace {

constexpr int kTotalColumns = 7;
// What each totals column ranks by, in the order the columns come.
constexpr std::array<StatsOrder, kTotalColumns> kColumnOrders{StatsOrder::Flows,    StatsOrder::Packets,
                                                              StatsOrder::Bytes,    StatsOrder::Accepts,
                                                              StatsOrder::Rejects,  StatsOrder::FirstSeen,
                                                              StatsOrder::LastSeen};

QString utc(const std::optional<std::int64_t> &epoch)
{
    return epoch ? QDateTime::fromSecsSinceEpoch(*epoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                 : QStringLiteral("-");
}

} // namespace

TrafficStatsModel::TrafficStatsModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_job(analysisPool(), [this](Result result) { show(std::move(result)); })
{
}

TrafficStatsModel::~TrafficStatsModel() = default;

int TrafficStatsModel::keyColumns() const
{
    switch (m_kind) {
    case Kind::Conversations: return 2;
    case Kind::ServiceConversations: return 4;
    case Kind::AddressEndpoints:
    case Kind::InterfaceEndpoints: return 1;
    }
    return 1;
}

int TrafficStatsModel::sortColumn() const
{
    const auto at = std::find(kColumnOrders.begin(), kColumnOrders.end(), m_order);
    return keyColumns() + static_cast<int>(at - kColumnOrders.begin());
}

Qt::SortOrder TrafficStatsModel::sortOrder() const
{
    return m_direction == SortDirection::Ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
}

std::optional<StatsOrder> TrafficStatsModel::orderOfColumn(int column) const
{
    const int total = column - keyColumns();
    if (total < 0 || total >= kTotalColumns)
        return std::nullopt;
    return kColumnOrders[static_cast<std::size_t>(total)];
}

void TrafficStatsModel::setScanCheckpoint(std::function<void(quint64, quint64)> checkpoint)
{
    m_checkpoint =
        checkpoint ? std::make_shared<const std::function<void(quint64, quint64)>>(std::move(checkpoint)) : nullptr;
}

void TrafficStatsModel::setConnectionHook(std::function<void(CaseDb &)> hook)
{
    m_connectionHook = hook ? std::make_shared<const std::function<void(CaseDb &)>>(std::move(hook)) : nullptr;
}

void TrafficStatsModel::compute(const QString &casePath, const QString &filterText)
{
    m_case = casePath;
    m_filter = filterText;
    m_requested = true;
    request();
}

void TrafficStatsModel::sort(int column, Qt::SortOrder order)
{
    const std::optional<StatsOrder> byColumn = orderOfColumn(column);
    const SortDirection direction = order == Qt::AscendingOrder ? SortDirection::Ascending : SortDirection::Descending;
    if (!byColumn || (*byColumn == m_order && direction == m_direction))
        return;
    m_order = *byColumn;
    m_direction = direction;
    if (m_requested)
        request();
}

void TrafficStatsModel::request()
{
    const Kind kind = m_kind;
    StatsQuery query;
    query.top = static_cast<std::size_t>(std::max(1, m_top));
    query.order = m_order;
    query.direction = m_direction;
    const quint64 scan = ++m_scans;
    m_job.request([=, casePath = m_case, filterText = m_filter, checkpoint = m_checkpoint,
                   hook = m_connectionHook](const auto &stale) mutable {
        query.cancelled = [&stale, checkpoint, scan](std::uint64_t read) {
            if (checkpoint)
                (*checkpoint)(scan, read);
            return stale();
        };
        Result result;
        const QString error = runOnCase(casePath, stale, [&](CaseDb &caseDb) {
            if (hook)
                (*hook)(caseDb);
            const auto compiled = explain::compileWithSnapshot(caseDb, filterText.toStdString());
            if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
                result.error = tr("The filter is not valid at position %1: %2")
                                   .arg(invalid->position)
                                   .arg(QString::fromStdString(invalid->message));
                return;
            }
            const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
            query.accept = filter->predicate();
            query.acceptColumns = filter->columnsRead();
            query.blocks = filter->blocks();
            if (kind == Kind::Conversations || kind == Kind::ServiceConversations) {
                const bool service = kind == Kind::ServiceConversations;
                const auto stats = conversationStats(
                    caseDb, service ? ConversationKey::AddressesProtocolPort : ConversationKey::Addresses, query);
                for (const Conversation &c : stats.rows) {
                    Row row{{QString::fromStdString(c.a.toString()), QString::fromStdString(c.b.toString())}, c.totals};
                    if (service)
                        row.keys << (c.protocol ? QString::number(*c.protocol) : QStringLiteral("-"))
                                 << (c.port ? QString::number(*c.port) : QStringLiteral("-"));
                    result.rows.push_back(std::move(row));
                }
                result.total = stats.total;
            } else {
                const auto stats = endpointStats(
                    caseDb, kind == Kind::InterfaceEndpoints ? EndpointKey::Interface : EndpointKey::Address, query);
                for (const Endpoint &e : stats.rows)
                    result.rows.push_back({{QString::fromStdString(e.key)}, e.totals});
                result.total = stats.total;
            }
        });
        if (!error.isEmpty())
            result = Result{{}, 0, error};
        return result;
    });
}

void TrafficStatsModel::show(Result result)
{
    beginResetModel();
    m_rows = std::move(result.rows);
    m_total = result.total;
    endResetModel();
    if (!result.error.isEmpty())
        Q_EMIT errorOccurred(result.error);
    Q_EMIT computed();
}

int TrafficStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TrafficStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : keyColumns() + kTotalColumns;
}

QVariant TrafficStatsModel::sortValue(const Row &row, int column) const
{
    if (column < keyColumns())
        return row.keys.value(column);
    const TrafficTotals &t = row.totals;
    switch (column - keyColumns()) {
    case 0: return QVariant::fromValue<qulonglong>(t.flows);
    case 1: return QVariant::fromValue<qulonglong>(t.packets);
    case 2: return QVariant::fromValue<qulonglong>(t.bytes);
    case 3: return QVariant::fromValue<qulonglong>(t.accepts);
    case 4: return QVariant::fromValue<qulonglong>(t.rejects);
    case 5: return QVariant::fromValue<qlonglong>(t.firstSeen.value_or(0));
    case 6: return QVariant::fromValue<qlonglong>(t.lastSeen.value_or(0));
    default: return {};
    }
}

QVariant TrafficStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const int total = index.column() - keyColumns();
    if (role == SortValueRole)
        return sortValue(row, index.column());
    if (role == Qt::TextAlignmentRole && total >= 0 && total < 5)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (total == 5)
        return utc(row.totals.firstSeen);
    if (total == 6)
        return utc(row.totals.lastSeen);
    return sortValue(row, index.column()).toString();
}

QVariant TrafficStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole) {
        // A first click on a header: the most rejects (or flows, bytes...)
        // first, the earliest times first.
        const std::optional<StatsOrder> order = orderOfColumn(section);
        if (!order)
            return {};
        return defaultDirection(*order) == SortDirection::Descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return {};
    QStringList keys;
    switch (m_kind) {
    case Kind::Conversations: keys = {tr("Address A"), tr("Address B")}; break;
    case Kind::ServiceConversations: keys = {tr("Address A"), tr("Address B"), tr("Protocol"), tr("Port")}; break;
    case Kind::AddressEndpoints: keys = {tr("Address")}; break;
    case Kind::InterfaceEndpoints: keys = {tr("Interface")}; break;
    }
    const QStringList totals{tr("Flows"), tr("Packets"), tr("Bytes"), tr("Accepts"), tr("Rejects"),
                             tr("First seen (UTC)"), tr("Last seen (UTC)")};
    return section < keys.size() ? keys.at(section) : totals.at(section - keys.size());
}

} // namespace flowscope
