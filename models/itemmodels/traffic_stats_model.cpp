// SPDX-License-Identifier: GPL-3.0-or-later
#include "traffic_stats_model.h"

#include "selection/case_filter.h"

#include "store/case_db.h"
#include "tasks/work_pools.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace flowscope {

namespace {

constexpr int kTotalColumns = 7; // flows, packets, bytes, accepts, rejects, first seen, last seen

QString utc(const std::optional<std::int64_t> &epoch)
{
    return epoch ? QDateTime::fromSecsSinceEpoch(*epoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                 : QStringLiteral("-");
}

} // namespace

TrafficStatsModel::TrafficStatsModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &TrafficStatsModel::onFinished);
}

TrafficStatsModel::~TrafficStatsModel() { m_watcher.waitForFinished(); }

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

void TrafficStatsModel::compute(const QString &casePath, const QString &filterText)
{
    const quint64 generation = ++m_generation;
    const Kind kind = m_kind;
    const auto top = static_cast<std::size_t>(std::max(1, m_top));
    // A finished older computation is simply not shown (see onFinished).
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [=]() -> Result {
        Result result;
        result.generation = generation;
        if (casePath.isEmpty())
            return result;
        try {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
            const auto compiled = CaseFilter::compile(*caseDb, filterText.toStdString());
            if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
                result.error = tr("The filter is not valid at position %1: %2")
                                   .arg(invalid->position)
                                   .arg(QString::fromStdString(invalid->message));
                return result;
            }
            const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
            const RecordFilter &accept = filter->predicate();
            const auto &blocks = filter->blocks();
            if (kind == Kind::Conversations || kind == Kind::ServiceConversations) {
                const bool service = kind == Kind::ServiceConversations;
                for (const Conversation &c :
                     topConversations(*caseDb, service ? ConversationKey::AddressesProtocolPort : ConversationKey::Addresses,
                                      top, StatsOrder::Bytes, accept, blocks)) {
                    Row row{{QString::fromStdString(c.a.toString()), QString::fromStdString(c.b.toString())}, c.totals};
                    if (service)
                        row.keys << (c.protocol ? QString::number(*c.protocol) : QStringLiteral("-"))
                                 << (c.port ? QString::number(*c.port) : QStringLiteral("-"));
                    result.rows.push_back(std::move(row));
                }
            } else {
                for (const Endpoint &e : topEndpoints(
                         *caseDb, kind == Kind::InterfaceEndpoints ? EndpointKey::Interface : EndpointKey::Address, top,
                         StatsOrder::Bytes, accept, blocks))
                    result.rows.push_back({{QString::fromStdString(e.key)}, e.totals});
            }
        } catch (const std::exception &error) {
            result.rows.clear();
            result.error = QString::fromLocal8Bit(error.what());
        }
        return result;
    }));
}

void TrafficStatsModel::onFinished()
{
    Result result = m_watcher.result();
    if (result.generation != m_generation)
        return; // a newer request is on its way
    beginResetModel();
    m_rows = std::move(result.rows);
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

void TrafficStatsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> rowsBefore;
    for (const QModelIndex &index : before)
        rowsBefore.push_back(index.row());
    // Sort a permutation so persistent indexes can follow their rows.
    std::vector<int> permutation(m_rows.size());
    for (std::size_t i = 0; i < permutation.size(); ++i)
        permutation[i] = static_cast<int>(i);
    std::stable_sort(permutation.begin(), permutation.end(), [&](int x, int y) {
        const QVariant vx = sortValue(m_rows[static_cast<std::size_t>(x)], column);
        const QVariant vy = sortValue(m_rows[static_cast<std::size_t>(y)], column);
        const auto c = QVariant::compare(vx, vy);
        return order == Qt::AscendingOrder ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
    });
    std::vector<Row> sorted;
    sorted.reserve(m_rows.size());
    std::vector<int> newRowOf(m_rows.size());
    for (std::size_t i = 0; i < permutation.size(); ++i) {
        newRowOf[static_cast<std::size_t>(permutation[i])] = static_cast<int>(i);
        sorted.push_back(std::move(m_rows[static_cast<std::size_t>(permutation[i])]));
    }
    m_rows = std::move(sorted);
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after << index(newRowOf[static_cast<std::size_t>(rowsBefore[static_cast<std::size_t>(i)])], before[i].column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace flowscope
