// SPDX-License-Identifier: GPL-3.0-or-later
#include "findings_model.h"

#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "detect/evidence_filter.h"
#include "detect/finding_store.h"
#include "explain/case_enrichment.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/work_pools.h"

#include <QDateTime>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <compare>
#include <map>
#include <tuple>

namespace flowscope {

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_generation(std::make_shared<std::atomic<quint64>>(0))
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &FindingsModel::onFinished);
}

FindingsModel::~FindingsModel()
{
    ++*m_generation; // the running scan stops at its next poll
    m_pending = false;
    m_watcher.waitForFinished();
}

void FindingsModel::load(const QString &casePath)
{
    request({casePath, {}, {}, {}, false});
}

void FindingsModel::run(const QString &casePath, const QString &filter, const QStringList &only,
                        const std::vector<std::pair<QString, QString>> &settings)
{
    request({casePath, filter, only, settings, true});
}

void FindingsModel::cancel()
{
    ++*m_generation;
    m_pending = false;
}

void FindingsModel::request(Request next)
{
    // A reload of the case whose detectors run (or wait to run) must not stop them.
    const bool runRunning = m_watcher.isRunning() && m_running.detect && m_runningGeneration == m_generation->load();
    const Request &run = m_pending ? m_next : m_running;
    if (!next.detect && (m_pending ? m_next.detect : runRunning) && run.casePath == next.casePath) {
        m_reloadAfterRun = true;
        return;
    }
    m_reloadAfterRun = false;
    m_next = std::move(next);
    ++*m_generation;
    if (m_watcher.isRunning()) {
        m_pending = true; // starts when the stale run has stopped: never two at once
        return;
    }
    start();
}

void FindingsModel::start()
{
    m_pending = false;
    const quint64 generation = m_generation->load();
    m_runningGeneration = generation;
    m_running = m_next;
    const Request request = m_next;
    const auto stale = [latest = m_generation, generation] { return latest->load() != generation; };
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [this, request, stale]() -> Result {
        Result result;
        if (request.casePath.isEmpty())
            return result;
        try {
            if (!request.detect) {
                auto caseDb = openForBackgroundReads(request.casePath.toStdString());
                result.findings = loadFindings(*caseDb);
                result.runs = loadRuns(*caseDb);
                return result;
            }
            std::vector<std::string> only;
            for (const QString &name : request.only)
                only.push_back(name.toStdString());
            std::vector<std::pair<std::string, std::string>> settings;
            for (const auto &[name, value] : request.settings)
                settings.emplace_back(name.toStdString(), value.toStdString());
            DetectorSelection selection = selectDetectors(only, settings);
            if (!selection.error.empty()) {
                result.error = QString::fromStdString(selection.error);
                return result;
            }
            auto caseDb = CaseDb::open(request.casePath.toStdString(), CaseDb::Mode::ReadWrite);
            const auto compiled = explain::compileWithSnapshot(*caseDb, request.filter.toStdString());
            if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
                result.error = tr("The filter is not valid at position %1: %2")
                                   .arg(invalid->position)
                                   .arg(QString::fromStdString(invalid->message));
                return result;
            }
            DetectionRequest detection;
            detection.filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
            std::vector<std::string> types;
            for (const auto &detector : selection.detectors) {
                detection.detectors.push_back(detector.get());
                types.emplace_back(detector->type());
            }
            detection.runsLast = selection.runsLast;
            detection.cancelled = [this, stale](const DetectionProgress &p) {
                Q_EMIT progress(p.recordsRead, p.recordsTotal);
                return stale();
            };
            DetectionResult detected = runDetections(*caseDb, detection);
            if (stale()) {
                result.cancelled = true;
                return result;
            }
            StoredRun run;
            run.runAt = QDateTime::currentSecsSinceEpoch();
            run.filter = request.filter.toStdString();
            run.parameters = describeParameters(selection.detectors);
            run.recordsRead = detected.recordsRead;
            storeFindings(*caseDb, types, run, detected.findings);
            result.findings = loadFindings(*caseDb); // the other detectors' stored findings too
            result.runs = loadRuns(*caseDb);
        } catch (const DetectionCancelled &) {
            result = Result();
            result.cancelled = true;
        } catch (const std::exception &error) {
            result = Result();
            result.error = QString::fromLocal8Bit(error.what());
        }
        return result;
    }));
}

void FindingsModel::onFinished()
{
    Result result = m_watcher.result();
    if (m_runningGeneration != m_generation->load()) {
        if (m_pending) {
            start(); // a load waiting for it reloads when that one ends
            return;
        }
        Q_EMIT cancelled();
        reloadIfAsked();
        return;
    }
    if (result.cancelled) {
        Q_EMIT cancelled();
    } else if (!result.error.isEmpty()) {
        Q_EMIT errorOccurred(result.error);
    } else {
        beginResetModel();
        m_rows = std::move(result.findings);
        m_runs = std::move(result.runs);
        sortRows(); // the case stores them by start
        endResetModel();
        Q_EMIT finished();
    }
    reloadIfAsked();
}

// The load that waited for a run, once nothing runs: edits made meanwhile show.
void FindingsModel::reloadIfAsked()
{
    if (!std::exchange(m_reloadAfterRun, false))
        return;
    load(m_running.casePath);
}

namespace {

std::weak_ordering compareAddresses(const std::optional<IpAddress> &a, const std::optional<IpAddress> &b)
{
    if (a.has_value() != b.has_value())
        return a.has_value() ? std::weak_ordering::less : std::weak_ordering::greater; // the empty ones last
    if (!a)
        return std::weak_ordering::equivalent;
    return std::tie(a->family, a->bytes) <=> std::tie(b->family, b->bytes);
}

template <typename T>
std::weak_ordering compareOptional(const std::optional<T> &a, const std::optional<T> &b)
{
    if (a.has_value() != b.has_value())
        return a.has_value() ? std::weak_ordering::less : std::weak_ordering::greater;
    if (!a)
        return std::weak_ordering::equivalent;
    return *a < *b ? std::weak_ordering::less : *b < *a ? std::weak_ordering::greater : std::weak_ordering::equivalent;
}

// How two findings compare in a column, ascending.
std::weak_ordering compareIn(int column, const Finding &a, const Finding &b)
{
    switch (column) {
    case FindingsModel::SeverityColumn: return a.severity <=> b.severity;
    case FindingsModel::TypeColumn: return a.type <=> b.type;
    case FindingsModel::StartColumn: return a.start <=> b.start;
    case FindingsModel::SourceColumn: return compareAddresses(a.src, b.src);
    case FindingsModel::DestinationColumn:
        if (const auto byAddress = compareAddresses(a.dst, b.dst); byAddress != 0 || a.dst)
            return byAddress;
        return compareOptional(a.interfaceId, b.interfaceId);
    case FindingsModel::PortColumn: return compareOptional(a.dstPort, b.dstPort);
    case FindingsModel::RecordsColumn: return a.records <=> b.records;
    case FindingsModel::BytesColumn: return a.bytes <=> b.bytes;
    case FindingsModel::PeriodColumn: return compareOptional(a.periodSeconds, b.periodSeconds);
    case FindingsModel::TitleColumn: return a.title <=> b.title;
    }
    return std::weak_ordering::equivalent;
}

} // namespace

void FindingsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::string> ids; // what each persistent index pointed at
    for (const QModelIndex &index : before)
        ids.push_back(m_rows[std::size_t(index.row())].id);
    m_sortColumn = column;
    m_sortOrder = order;
    sortRows();
    std::map<std::string, int> rowOf;
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        rowOf.emplace(m_rows[row].id, int(row));
    QModelIndexList after;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto found = rowOf.find(ids[i]);
        after.append(found == rowOf.end() ? QModelIndex() : index(found->second, before[int(i)].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void FindingsModel::sortRows()
{
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(), [column, descending](const Finding &a, const Finding &b) {
        if (const auto byColumn = compareIn(column, a, b); byColumn != 0)
            return descending ? byColumn > 0 : byColumn < 0;
        // Alike in the column: the earliest, then the most severe, then by name, whichever way it goes.
        if (const auto byStart = a.start <=> b.start; byStart != 0)
            return byStart < 0;
        if (const auto bySeverity = a.severity <=> b.severity; bySeverity != 0)
            return bySeverity > 0;
        return a.id < b.id;
    });
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Finding &f = m_rows[static_cast<std::size_t>(index.row())];
    if (role == EvidenceFilterRole)
        return QString::fromStdString(f.evidenceFilter);
    if (role == FindingIdRole)
        return QString::fromStdString(f.id);
    if (role == Qt::ToolTipRole) {
        QString tip = QString::fromStdString(f.title + "\n" + f.evidenceFilter);
        if (!f.note.empty())
            tip += QLatin1Char('\n') + tr("Note: %1").arg(QString::fromStdString(f.note));
        if (f.stale)
            tip += QLatin1Char('\n') + tr("The last run of its detector no longer found it; kept for the analyst's edits.");
        return tip;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == RecordsColumn || index.column() == BytesColumn || index.column() == PeriodColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case SeverityColumn:
        return f.stale ? tr("%1 (stale)").arg(QString::fromUtf8(severityName(f.severity)))
                       : QString::fromUtf8(severityName(f.severity));
    case TypeColumn:
        return QString::fromStdString(f.type);
    case StartColumn:
        // As the flow table writes times (the header says UTC).
        return QDateTime::fromSecsSinceEpoch(f.start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case SourceColumn:
        return f.src ? QString::fromStdString(f.src->toString()) : QString();
    case DestinationColumn:
        return f.dst ? QString::fromStdString(f.dst->toString())
                     : (f.interfaceId ? QString::fromStdString(*f.interfaceId) : QString());
    case PortColumn:
        return f.dstPort ? QString::number(*f.dstPort) : QString();
    case RecordsColumn:
        return locale.toString(static_cast<qulonglong>(f.records));
    case BytesColumn:
        return locale.toString(static_cast<qulonglong>(f.bytes));
    case PeriodColumn:
        return f.periodSeconds ? QString::number(*f.periodSeconds) : QString();
    case TitleColumn: {
        QString title = QString::fromStdString(f.title);
        for (const std::string &tag : f.tags)
            title += QStringLiteral(" #") + QString::fromStdString(tag);
        return title;
    }
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case TypeColumn: return tr("Detector");
    case StartColumn: return tr("Start (UTC)");
    case SourceColumn: return tr("Source");
    case DestinationColumn: return tr("Destination");
    case PortColumn: return tr("Port");
    case RecordsColumn: return tr("Records");
    case BytesColumn: return tr("Bytes");
    case PeriodColumn: return tr("Period (s)");
    case TitleColumn: return tr("Finding");
    }
    return {};
}

} // namespace flowscope
