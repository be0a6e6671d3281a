// SPDX-License-Identifier: GPL-3.0-or-later
#include "unanswered_requests_model.h"

#include "case_snapshots.h"
#include "explain_progress_reporter.h"

#include "explain/case_enrichment.h"
#include "explain/reject_explainer.h"
#include "pivot/filter_compose.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/case_job.h"
#include "tasks/work_pools.h"

#include <QDateTime>
#include <QTimeZone>

namespace flowscope {

namespace {

bool hasPorts(int protocol) { return protocol == explain::kTcp || protocol == explain::kUdp; }

QString endpoint(const QString &address, int port, int protocol)
{
    if (!hasPorts(protocol))
        return address;
    return address.contains(u':') ? QStringLiteral("[%1]:%2").arg(address).arg(port) : QStringLiteral("%1:%2").arg(address).arg(port);
}

} // namespace

UnansweredRequestsModel::UnansweredRequestsModel(std::shared_ptr<CaseSnapshots> snapshots, QObject *parent)
    : QAbstractTableModel(parent)
    , m_caseSnapshots(std::move(snapshots))
    , m_job(analysisPool(), [this](Result result) { show(std::move(result)); })
{
}

UnansweredRequestsModel::~UnansweredRequestsModel() = default;

QString UnansweredRequestsModel::verdictText(explain::RouteVerdict verdict)
{
    switch (verdict) {
    case explain::RouteVerdict::NoRoute: return tr("No route");
    case explain::RouteVerdict::RouteAllows: return tr("Route allows");
    case explain::RouteVerdict::Unknown: return tr("Unknown");
    }
    return {};
}

void UnansweredRequestsModel::compute(const QString &casePath, const QString &filter)
{
    m_cancelled = false;
    m_case = casePath;
    m_filter = filter;
    m_job.request([this, casePath, filter, snapshots = m_caseSnapshots](const auto &stale) {
        Result result;
        const explain::ExplainProgressFn progress = progressReporter(this, stale);
        const QString error = runOnCase(casePath, stale, [&](CaseDb &caseDb) {
            const auto compiled = explain::compileWithSnapshot(caseDb, filter.toStdString());
            if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
                result.error = tr("The filter is not valid at position %1: %2")
                                   .arg(invalid->position)
                                   .arg(QString::fromStdString(invalid->message));
                return;
            }
            const auto timeline = snapshots->timeline(casePath, caseDb);
            result.snapshots = static_cast<int>(timeline->snapshots().size());
            explain::UnansweredRequestFinder finder(caseDb, *timeline);
            finder.find(
                *std::get<std::shared_ptr<const CaseFilter>>(compiled),
                [&](const explain::UnansweredRequest &request) { result.requests.push_back(request); }, stale, progress);
        });
        if (!error.isEmpty())
            result = Result{{}, 0, error};
        return result;
    });
}

void UnansweredRequestsModel::cancel()
{
    if (!isComputing())
        return;
    m_job.cancel();
    m_cancelled = true;
    Q_EMIT cancelled();
}

void UnansweredRequestsModel::show(Result result)
{
    beginResetModel();
    m_requests = std::move(result.requests);
    m_snapshots = result.snapshots;
    endResetModel();
    if (!result.error.isEmpty())
        Q_EMIT errorOccurred(result.error);
    Q_EMIT computed();
}

QString UnansweredRequestsModel::filterForRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const explain::UnansweredRequest &request = m_requests[std::size_t(row)];
    QString filter = filterTermFor(Field::Protocol, QVariant::fromValue<qint64>(request.protocol));
    for (const QString &address : {request.source, request.destination})
        filter = combineFilter(filter, QStringLiteral("addr == %1").arg(address), FilterCombine::And);
    if (hasPorts(request.protocol))
        for (const int port : {request.sourcePort, request.servicePort})
            filter = combineFilter(filter, QStringLiteral("port == %1").arg(port), FilterCombine::And);
    return filter;
}

int UnansweredRequestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_requests.size());
}

int UnansweredRequestsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant UnansweredRequestsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const explain::UnansweredRequest &request = m_requests[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VerdictColumn: return verdictText(request.verdict);
        case RouteColumn: return request.route.isEmpty() ? QStringLiteral("-") : request.route;
        case InterfaceColumn: return request.interfaceId.isEmpty() ? QStringLiteral("-") : request.interfaceId;
        case ProtocolColumn: return request.protocol == 0 ? QStringLiteral("-") : explain::protocolName(request.protocol);
        case SourceColumn: return endpoint(request.source, request.sourcePort, request.protocol);
        case DestinationColumn: return endpoint(request.destination, request.servicePort, request.protocol);
        case StartColumn: // UTC, as every table of the window writes times
            return request.start > 0
                ? QDateTime::fromSecsSinceEpoch(request.start, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                : QStringLiteral("-");
        }
        return {};
    case Qt::ToolTipRole: {
        QString text = request.explanation;
        if (!request.code.isEmpty()) // Reachability Analyzer's name for it
            text += u'\n' + tr("Code: %1").arg(request.code);
        if (!request.suggestion.isEmpty())
            text += u'\n' + tr("Suggestion: %1").arg(request.suggestion);
        return text + u'\n' + tr("Double-click to show its records: %1").arg(filterForRow(index.row()));
    }
    case VerdictRole: return explain::routeVerdictName(request.verdict);
    case RecordIdRole: return QVariant::fromValue<qint64>(request.recordId);
    default: return {};
    }
}

QVariant UnansweredRequestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VerdictColumn: return tr("Verdict");
    case RouteColumn: return tr("Route");
    case InterfaceColumn: return tr("Interface");
    case ProtocolColumn: return tr("Protocol");
    case SourceColumn: return tr("Source");
    case DestinationColumn: return tr("Destination");
    case StartColumn: return tr("Start");
    }
    return {};
}

} // namespace flowscope
