// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_table_model.h"

#include "ioc_row_match.h"

#include "explain/case_enrichment.h"
#include "flow_page_loader.h"

#include "format/field_names.h"
#include "format/field_description.h"

#include "selection/case_filter.h"
#include "selection/record_sort.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"
#include "tasks/work_pools.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace flowscope {

namespace {

constexpr int kCachedPages = 256; // 65,536 rows around what was last seen

// Column titles an analyst reads; the AWS name is in the tooltip.
const char *fieldTitle(Field f)
{
    switch (f) {
    case Field::Version: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Version");
    case Field::AccountId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Account");
    case Field::InterfaceId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Interface");
    case Field::SrcAddr: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Source");
    case Field::DstAddr: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Destination");
    case Field::SrcPort: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Src port");
    case Field::DstPort: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Dst port");
    case Field::Protocol: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Protocol");
    case Field::Packets: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Packets");
    case Field::Bytes: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Bytes");
    case Field::Start: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Start (UTC)");
    case Field::End: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "End (UTC)");
    case Field::Action: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Action");
    case Field::LogStatus: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Log status");
    case Field::VpcId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "VPC");
    case Field::SubnetId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Subnet");
    case Field::InstanceId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Instance");
    case Field::TcpFlags: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "TCP flags");
    case Field::Type: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Type");
    case Field::PktSrcAddr: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Packet source");
    case Field::PktDstAddr: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Packet destination");
    case Field::Region: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Region");
    case Field::AzId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "AZ");
    case Field::SublocationType: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Sublocation type");
    case Field::SublocationId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Sublocation");
    case Field::PktSrcAwsService: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Source service");
    case Field::PktDstAwsService: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Destination service");
    case Field::FlowDirection: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Direction");
    case Field::TrafficPath: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Traffic path");
    case Field::EcsClusterArn: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS cluster ARN");
    case Field::EcsClusterName: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS cluster");
    case Field::EcsContainerInstanceArn: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS container instance ARN");
    case Field::EcsContainerInstanceId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS container instance");
    case Field::EcsContainerId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS container");
    case Field::EcsSecondContainerId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS second container");
    case Field::EcsServiceName: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS service");
    case Field::EcsTaskDefinitionArn: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS task definition");
    case Field::EcsTaskArn: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS task ARN");
    case Field::EcsTaskId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "ECS task");
    case Field::RejectReason: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Reject reason");
    case Field::ResourceId: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Resource");
    case Field::EncryptionStatus: return QT_TRANSLATE_NOOP("flowscope::FlowTableModel", "Encryption");
    case Field::Count: break;
    }
    return "";
}

bool isTime(Field f) { return f == Field::Start || f == Field::End; }
bool isNumber(const FieldValue &v) { return std::holds_alternative<std::int64_t>(v); }

// tcp, udp, icmp, icmpv6 ... as the filter language spells them; the
// number when IANA's table has no common name for it.
QString protocolText(std::int64_t number)
{
    const std::string_view name = number >= 0 && number <= 255 ? protocolName(static_cast<std::uint8_t>(number))
                                                               : std::string_view();
    return name.empty() ? QString::number(number)
                        : QString::fromLatin1(name.data(), qsizetype(name.size())).toLower();
}

bool isReject(const FlowRow &row)
{
    const auto *action = std::get_if<std::string>(&row.value(Field::Action));
    return action && *action == "REJECT";
}

// A text field of the record whatever the columns shown: null when absent.
QVariant textOf(const FlowRow &row, Field field)
{
    const auto *text = std::get_if<std::string>(&row.value(field));
    return text ? QVariant(QString::fromStdString(*text)) : QVariant();
}

QString utcText(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

void FlowTableModel::setIocHighlight(std::shared_ptr<const IocIndicatorSet> indicators)
{
    m_iocHighlight = std::move(indicators);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {IocHitRole});
}

void FlowTableModel::setStarredRecords(const QSet<qint64> &records)
{
    if (records == m_starred)
        return;
    m_starred = records;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {StarredRole});
}

FlowTableModel::FlowTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_columns(defaultColumns())
    , m_pages(kCachedPages)
    , m_loader(new FlowPageLoader(kPageSize))
{
    m_thread.setObjectName(QStringLiteral("flow-page-loader"));
    m_loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &FlowPageLoader::opened, this, &FlowTableModel::onOpened, Qt::QueuedConnection);
    connect(m_loader, &FlowPageLoader::counted, this, &FlowTableModel::onCounted, Qt::QueuedConnection);
    connect(m_loader, &FlowPageLoader::pageLoaded, this, &FlowTableModel::onPageLoaded, Qt::QueuedConnection);
    connect(
        m_loader, &FlowPageLoader::pageDropped, this,
        [this](quint64 generation, qint64 page) {
            if (generation == m_generation)
                m_requested.remove(page);
        },
        Qt::QueuedConnection);
    connect(
        m_loader, &FlowPageLoader::rowOfTimeFound, this,
        [this](quint64 generation, qint64 epoch, qint64 row) {
            if (generation != m_generation)
                return;
            if (row < 0)
                Q_EMIT rowOfTimeFound(epoch, -1);
            else if (row >= m_records)
                Q_EMIT rowOfTimeFound(epoch, rowCount());
            else
                Q_EMIT rowOfTimeFound(epoch, showRecordRow(row)); // the window moves to it first
        },
        Qt::QueuedConnection);
    connect(&m_sortWatcher, &QFutureWatcher<SortResult>::finished, this, &FlowTableModel::onSorted);
    m_thread.start();
}

FlowTableModel::~FlowTableModel()
{
    m_newest->store(0); // every sort job is stale now
    for (QFuture<SortResult> &job : m_sortJobs)
        job.waitForFinished();
    m_thread.quit();
    m_thread.wait();
}

QList<Field> FlowTableModel::defaultColumns()
{
    return {Field::Start, Field::Action, Field::InterfaceId, Field::SrcAddr, Field::SrcPort, Field::DstAddr,
            Field::DstPort, Field::Protocol, Field::Packets, Field::Bytes, Field::LogStatus, Field::FlowDirection,
            Field::TcpFlags, Field::End};
}

QList<Field> FlowTableModel::earlierDefaultColumns()
{
    return {Field::Start, Field::InterfaceId, Field::SrcAddr, Field::SrcPort, Field::DstAddr, Field::DstPort,
            Field::Protocol, Field::Packets, Field::Bytes, Field::Action, Field::LogStatus, Field::FlowDirection,
            Field::TcpFlags, Field::End};
}

std::optional<FlowRow> FlowTableModel::recordAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const qint64 record = m_windowStart + row;
    const auto *cached = m_pages.object(record / kPageSize);
    if (!cached || !*cached || static_cast<std::size_t>(record % kPageSize) >= (*cached)->rows.size())
        return std::nullopt;
    return (*cached)->rows[static_cast<std::size_t>(record % kPageSize)];
}

void FlowTableModel::findRowOfTime(qint64 epoch)
{
    if (m_sortField)
        setLatestFirst(false); // a time is found in time order; the loader opens it first
    m_loader->requestRowOfTime(m_generation, epoch);
}

void FlowTableModel::setCase(const QString &casePath)
{
    const bool otherCase = casePath != m_casePath;
    m_casePath = casePath;
    if (otherCase)
        resetRows(); // rows of another case are never kept for a sort
    reload();
}

void FlowTableModel::reload()
{
    if (m_sortField && !m_casePath.isEmpty() && m_records > 0) {
        // A sort takes seconds on a big case: the rows shown stay (their
        // pages no longer asked for) until the sorted rows arrive.
        ++m_generation;
        m_newest->store(m_generation); // a running sort is stale from here on
        m_keepingRows = true;
        m_requested.clear();
        startSort();
        return;
    }
    m_keepingRows = false;
    beginResetModel();
    ++m_generation;
    m_newest->store(m_generation); // a running sort is stale from here on
    m_records = 0;
    m_windowStart = 0;
    m_totalRecords = 0;
    m_counting = false;
    m_deferredRecords = 0;
    m_pages.clear();
    m_requested.clear();
    endResetModel();
    Q_EMIT recordRowsChanged(0, 0);
    if (m_sortField && !m_casePath.isEmpty()) {
        startSort();
        return;
    }
    setSortStatus(QString());
    m_loader->requestOpen(m_generation, m_casePath, m_filter, m_descending);
}

void FlowTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size())
        return;
    const Field field = m_columns.at(column);
    if (field == Field::Start) {
        setLatestFirst(order == Qt::DescendingOrder);
        return;
    }
    if (m_sortField == field && m_descending == (order == Qt::DescendingOrder))
        return;
    m_sortField = field;
    m_descending = order == Qt::DescendingOrder;
    reload();
}

void FlowTableModel::setLatestFirst(bool latestFirst)
{
    if (latestFirst == m_descending && !m_sortField)
        return;
    m_sortField.reset();
    m_descending = latestFirst;
    reload();
}

void FlowTableModel::setSortStatus(const QString &status)
{
    if (status == m_sortStatus)
        return;
    m_sortStatus = status;
    Q_EMIT sortStatusChanged(status);
}

void FlowTableModel::startSort()
{
    const QString name = QString::fromLatin1(fieldInfo(*m_sortField).name.data(), qsizetype(fieldInfo(*m_sortField).name.size()));
    setSortStatus(tr("Sorting by %1…").arg(name));
    m_sortedMatches = -1;
    const quint64 generation = m_generation;
    m_loader->supersede(generation); // an older filter's scan stops
    const std::shared_ptr<std::atomic<quint64>> newest = m_newest;
    const std::string casePath = m_casePath.toStdString();
    const std::string filterText = m_filter.toStdString();
    const RecordSortSpec spec{*m_sortField, m_descending};
    const RecordSortLimits limits = m_sortLimits;
    QFuture<SortResult> job = QtConcurrent::run(analysisPool(), [=]() -> SortResult {
        SortResult result;
        result.generation = generation;
        try {
            auto caseDb = openForBackgroundReads(casePath);
            const auto stale = [&] { return newest->load() != generation; };
            const QueryInterrupt interrupt(*caseDb, stale); // inside the filter's index look-ups too
            const auto compiled = explain::compileWithSnapshot(*caseDb, filterText);
            if (std::holds_alternative<FilterError>(compiled)) {
                result.invalidFilter = true;
                return result;
            }
            result.sorted = std::make_shared<const SortedRecords>(
                sortRecords(*caseDb, *std::get<std::shared_ptr<const CaseFilter>>(compiled), spec, limits,
                            stale));
        } catch (const RecordSortCancelled &) {
            result.cancelled = true;
        } catch (const std::exception &error) {
            if (newest->load() != generation)
                result.cancelled = true; // an interrupted statement: a newer request is on its way
            else
                result.error = QString::fromLocal8Bit(error.what());
        }
        return result;
    });
    m_sortJobs.removeIf([](const QFuture<SortResult> &running) { return running.isFinished(); });
    m_sortJobs.append(job);
    m_sortWatcher.setFuture(job);
}

void FlowTableModel::onSorted()
{
    const SortResult result = m_sortWatcher.result();
    if (result.generation != m_generation || result.cancelled)
        return; // a newer filter or sort is on its way
    dropKeptRows();
    if (result.invalidFilter) {
        // The loader says what is wrong, as for a filter in time order.
        setSortStatus(QString());
        m_loader->requestOpen(m_generation, m_casePath, m_filter, false);
        return;
    }
    if (!result.error.isEmpty()) {
        setSortStatus(QString());
        Q_EMIT errorOccurred(result.error);
        Q_EMIT countsChanged(0, m_totalRecords, false);
        return;
    }
    const QLocale locale;
    const QString name = QString::fromLatin1(fieldInfo(*m_sortField).name.data(), qsizetype(fieldInfo(*m_sortField).name.size()));
    const auto rows = static_cast<qint64>(result.sorted->ids.size());
    // The direction in words: a second click turns the order, and "top"
    // would say the largest of an ascending sort.
    const QString order = m_descending ? tr("Sorted by %1, descending").arg(name) : tr("Sorted by %1, ascending").arg(name);
    setSortStatus(result.sorted->isTop()
                      ? tr("%1: the first %2 of %3 records")
                            .arg(order, locale.toString(rows), locale.toString(result.sorted->matches))
                      : order);
    // The status bar's count stays the filter's, not the rows a top-N keeps.
    m_sortedMatches = static_cast<qint64>(result.sorted->matches);
    m_loader->requestOpenOrdered(m_generation, m_casePath, result.sorted);
}

void FlowTableModel::setFilter(const QString &expression)
{
    m_filter = expression.trimmed();
    reload();
}

void FlowTableModel::setColumns(const QList<Field> &columns)
{
    beginResetModel();
    m_columns = columns;
    endResetModel();
}

void FlowTableModel::dropKeptRows()
{
    if (std::exchange(m_keepingRows, false))
        resetRows();
}

void FlowTableModel::resetRows()
{
    m_keepingRows = false;
    beginResetModel();
    m_records = 0;
    m_windowStart = 0;
    m_counting = false;
    m_deferredRecords = 0;
    m_pages.clear();
    m_requested.clear();
    endResetModel();
    Q_EMIT recordRowsChanged(0, 0);
}

int FlowTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::clamp<qint64>(m_records - m_windowStart, 0, m_windowRows));
}

void FlowTableModel::setWindowStart(qint64 recordRow)
{
    // Whole pages, the last window rounded up so that it holds the last record.
    const qint64 last = (std::max<qint64>(0, m_records - m_windowRows) + kPageSize - 1) / kPageSize * kPageSize;
    const qint64 start = std::clamp<qint64>(recordRow, 0, last) / kPageSize * kPageSize;
    if (start == m_windowStart)
        return;
    beginResetModel();
    m_windowStart = start;
    endResetModel();
    Q_EMIT recordRowsChanged(m_windowStart, m_records);
}

int FlowTableModel::showRecordRow(qint64 recordRow)
{
    if (recordRow < 0 || recordRow >= m_records)
        return -1;
    // A quarter of the window either side, so that scrolling on moves it seldom.
    const qint64 margin = m_windowRows / 4;
    if (recordRow < m_windowStart + (m_windowStart > 0 ? margin : 0)
        || recordRow >= m_windowStart + m_windowRows - (m_windowStart + m_windowRows < m_records ? margin : 0))
        setWindowStart(recordRow - m_windowRows / 2);
    return static_cast<int>(recordRow - m_windowStart);
}

int FlowTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size() + m_snapshotColumns.size());
}

void FlowTableModel::setSnapshotColumns(const QList<SnapshotColumn> &columns)
{
    beginResetModel();
    m_snapshotColumns = columns;
    endResetModel();
}

void FlowTableModel::setEnrichment(std::shared_ptr<const explain::InterfaceEnrichment> enrichment)
{
    auto one = std::make_shared<explain::EnrichmentTimeline>();
    if (enrichment)
        one->add(std::move(enrichment));
    setEnrichments(std::move(one));
}

void FlowTableModel::setEnrichments(std::shared_ptr<const explain::EnrichmentTimeline> enrichments)
{
    m_enrichments = std::move(enrichments);
    if (!m_snapshotColumns.isEmpty() && rowCount() > 0)
        Q_EMIT dataChanged(index(0, int(m_columns.size())), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

void FlowTableModel::requestPage(qint64 page) const
{
    if (m_requested.contains(page))
        return;
    m_requested.insert(page);
    m_loader->requestPage(m_generation, page);
}

QVariant FlowTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 record = m_windowStart + index.row();
    const qint64 page = record / kPageSize;
    const auto *cached = m_pages.object(page);
    if (!cached || !*cached || static_cast<std::size_t>(record % kPageSize) >= (*cached)->rows.size()) {
        if (!cached && !m_keepingRows) // kept rows: the loader serves the sort to come, not them
            requestPage(page);
        if (role == LoadingRole)
            return true;
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("loading…");
        return {};
    }
    const FlowRow &row = (*cached)->rows[static_cast<std::size_t>(record % kPageSize)];
    if (role == StarredRole)
        return m_starred.contains(row.id);
    if (index.column() >= m_columns.size()) {
        if (role == Qt::DisplayRole)
            return snapshotColumnText(m_enrichments ? m_enrichments->forRecord(row).get() : nullptr, m_snapshotColumns.at(index.column() - m_columns.size()), row);
        if (role == LoadingRole)
            return false;
        if (role == RecordIdRole)
            return QVariant::fromValue<qint64>(row.id);
        if (role == RejectedRole)
            return isReject(row);
        if (role == ActionRole)
            return textOf(row, Field::Action);
        if (role == LogStatusRole)
            return textOf(row, Field::LogStatus);
        return {};
    }
    const Field field = m_columns.at(index.column());
    const FieldValue &value = row.value(field);
    switch (role) {
    case Qt::DisplayRole:
        // Bytes with units and packets grouped as the locale groups them; the
        // exact value is the tooltip's, and EditRole's for copies.
        if (field == Field::Bytes && isNumber(value))
            return QLocale().formattedDataSize(std::get<std::int64_t>(value), 1, QLocale::DataSizeSIFormat);
        if (field == Field::Packets && isNumber(value))
            return QLocale().toString(std::get<std::int64_t>(value));
        [[fallthrough]];
    case Qt::EditRole:
        if (std::holds_alternative<std::monostate>(value))
            return QStringLiteral("-");
        if (isTime(field))
            return utcText(std::get<std::int64_t>(value));
        if (field == Field::Protocol && isNumber(value))
            return protocolText(std::get<std::int64_t>(value));
        if (const auto *number = std::get_if<std::int64_t>(&value))
            return QString::number(*number);
        return QString::fromStdString(std::get<std::string>(value));
    case Qt::ToolTipRole:
        if (field == Field::Bytes && isNumber(value))
            return tr("%1 bytes").arg(QLocale().toString(std::get<std::int64_t>(value)));
        if (isTime(field) && isNumber(value))
            return tr("%1 local time").arg(QDateTime::fromSecsSinceEpoch(std::get<std::int64_t>(value))
                                               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")));
        if (field == Field::Protocol && isNumber(value))
            return tr("IANA protocol number %1").arg(std::get<std::int64_t>(value));
        return {};
    case Qt::TextAlignmentRole:
        if (isNumber(value) && !isTime(field) && field != Field::Protocol)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case LoadingRole:
        return false;
    case RejectedRole:
        return isReject(row);
    case IocHitRole:
        return m_iocHighlight && rowMatchesIndicators(row, *m_iocHighlight);
    case ActionRole:
        return textOf(row, Field::Action);
    case LogStatusRole:
        return textOf(row, Field::LogStatus);
    case RecordIdRole:
        return QVariant::fromValue<qint64>(row.id);
    case RawValueRole:
        if (const auto *number = std::get_if<std::int64_t>(&value))
            return QVariant::fromValue<qint64>(*number);
        if (const auto *text = std::get_if<std::string>(&value))
            return QString::fromStdString(*text);
        return {};
    case FileRole:
        return QString::fromStdString(row.file);
    case LineRole:
        return QVariant::fromValue<qint64>(static_cast<qint64>(row.line));
    default:
        return {};
    }
}

QVariant FlowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return m_windowStart + section + 1; // the record row's number, whatever the window
        return {};
    }
    if (section >= m_columns.size() && section < columnCount()) {
        const SnapshotColumn column = m_snapshotColumns.at(section - m_columns.size());
        if (role == Qt::DisplayRole)
            return snapshotColumnTitle(column);
        if (role == Qt::ToolTipRole)
            return tr("%1: from the case's newest configuration snapshot").arg(snapshotColumnKey(column));
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    const Field field = m_columns.at(section);
    if (role == Qt::DisplayRole)
        return QCoreApplication::translate("flowscope::FlowTableModel", fieldTitle(field));
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1: %2").arg(QString::fromLatin1(fieldInfo(field).name.data(),
                                                                qsizetype(fieldInfo(field).name.size())),
                                            fieldDescription(field));
    return {};
}

void FlowTableModel::onOpened(quint64 generation, qint64 shown, qint64 total, bool counting, const QString &error)
{
    if (generation != m_generation)
        return;
    m_totalRecords = total;
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(error);
        Q_EMIT countsChanged(0, total, false);
        return;
    }
    m_counting = counting;
    growSoonTo(shown);
    Q_EMIT caseLoaded(total);
    Q_EMIT countsChanged(m_sortField && m_sortedMatches >= 0 ? m_sortedMatches : shown, total, counting);
}

void FlowTableModel::onCounted(quint64 generation, qint64 shown)
{
    if (generation != m_generation)
        return;
    m_counting = false;
    growSoonTo(shown); // the first page stays: the same matches in the same order
    Q_EMIT countsChanged(shown, m_totalRecords, false);
}

// Millions of rows cost the view's header a moment to lay out: the first
// rows go first, painted before the view takes that moment.
void FlowTableModel::growSoonTo(qint64 records)
{
    if (records <= m_rowsAtOnce) {
        growTo(records);
        return;
    }
    growTo(kFirstRows);
    m_deferredRecords = records;
    if (m_pages.contains(0))
        growDeferredSoon();
}

void FlowTableModel::growDeferredSoon()
{
    QTimer::singleShot(kFirstPaintMs, this, [this, generation = m_generation] {
        if (generation != m_generation || m_deferredRecords <= m_records)
            return;
        growTo(std::exchange(m_deferredRecords, 0));
    });
}

void FlowTableModel::growTo(qint64 records)
{
    if (records <= m_records)
        return;
    if (std::clamp<qint64>(records - m_windowStart, 0, m_windowRows) == rowCount()) {
        m_records = records; // the window is full: only the scroll bar over all records grows
        Q_EMIT recordRowsChanged(m_windowStart, m_records);
        return;
    }
    // A reset rather than an insert: a view's header inserts millions of
    // sections one by one (almost a second for ten million rows, all on the
    // GUI thread), but lays them out anew in milliseconds. The rows already
    // shown stay the same rows, and so do the cached pages.
    m_growing = true;
    beginResetModel();
    m_records = records;
    endResetModel();
    m_growing = false;
    Q_EMIT recordRowsChanged(m_windowStart, m_records);
}

void FlowTableModel::onPageLoaded(quint64 generation, std::shared_ptr<const FlowPage> page)
{
    if (generation != m_generation)
        return; // a page of a case or state that is gone
    const qint64 number = page->number;
    m_requested.remove(number);
    // The page's rows as the window shows them (none when outside it).
    const qint64 firstRecord = std::max(number * kPageSize, m_windowStart);
    const qint64 lastRecord = std::min((number + 1) * kPageSize, m_windowStart + rowCount()) - 1;
    const int first = static_cast<int>(firstRecord - m_windowStart);
    const int last = static_cast<int>(lastRecord - m_windowStart);
    m_pages.insert(number, new std::shared_ptr<const FlowPage>(std::move(page)));
    if (number == 0 && m_deferredRecords > m_records)
        growDeferredSoon();
    if (last >= first) {
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
        Q_EMIT pageLoaded(first, last);
    }
    if (m_requested.isEmpty())
        Q_EMIT idle();
}

} // namespace flowscope
