// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_loader.h"

#include "explain/case_enrichment.h"
#include "graph/flow_graph_builder.h"
#include "graph/graph_layout_input.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"
#include "tasks/work_pools.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace flowscope {

namespace {

GraphResult resultFor(const GraphRequest &request)
{
    GraphResult result;
    result.request = request;
    return result;
}

std::shared_ptr<const CaseFilter> compiledOrThrow(CaseDb &caseDb, const QString &expression, QString &error)
{
    auto compiled = explain::compileWithSnapshot(caseDb, expression.toStdString());
    if (const auto *invalid = std::get_if<FilterError>(&compiled)) {
        error = GraphLoader::tr("The filter is not valid at position %1: %2")
                    .arg(invalid->position)
                    .arg(QString::fromStdString(invalid->message));
        return nullptr;
    }
    return std::get<std::shared_ptr<const CaseFilter>>(compiled);
}

GraphResult compute(const GraphRequest &request, const std::function<bool()> &cancelled)
{
    GraphResult result = resultFor(request);
    auto caseDb = openForBackgroundReads(request.casePath.toStdString());
    const QueryInterrupt interrupt(*caseDb, cancelled);
    const auto filter = compiledOrThrow(*caseDb, request.filter, result.error);
    if (!filter)
        return result;
    graph::GraphOptions options;
    options.level = request.level;
    options.metric = request.metric;
    options.topNodes = request.topNodes;
    options.expanded = request.expanded;
    options.snapshot = graph::newestSnapshot(*caseDb);
    options.cancelled = cancelled;
    result.graph = graph::buildFlowGraph(*caseDb, *filter, options);
    // The view writes the count as the locale does ("+192,334 more"); the command line keeps digits.
    for (graph::GraphNode &node : result.graph.nodes)
        if (node.kind == graph::NodeKind::More)
            node.label = QObject::tr("+%1 more").arg(QLocale().toString(qulonglong(result.graph.nodesLeftOut)));

    // Before the range, every record of the case, nothing folded away.
    const TimeWindow window = filter->timeWindow();
    if (window.from) {
        QString ignored;
        const auto before = compiledOrThrow(*caseDb, QStringLiteral("time < %1").arg(*window.from), ignored);
        graph::GraphOptions all = options;
        all.topNodes = std::numeric_limits<std::size_t>::max();
        result.baseline = graph::compareWithBefore(result.graph, graph::buildFlowGraph(*caseDb, *before, all),
                                                   request.metric, request.goneNodes);
        result.baselineFrom = *window.from;
    }

    graph::LayoutRequest layout = result.baseline
        ? graph::layoutRequestOf(result.graph, result.baseline->goneNodes, result.baseline->goneEdges, request.labelCharWidth)
        : graph::layoutRequestOf(result.graph, {}, {}, request.labelCharWidth);
    layout.seeds = request.seeds;
    layout.program = request.layoutProgram;
    layout.containmentProgram = request.containmentProgram;
    layout.timeoutMs = request.layoutTimeoutMs;
    result.layout = graph::layoutGraph(layout, cancelled);
    if (cancelled())
        throw graph::GraphCancelled();
    std::erase_if(result.layout.positions, [](const auto &entry) { return graph::isLayoutAnchor(entry.first); });
    return result;
}

} // namespace

GraphLoader::GraphLoader(QObject *parent)
    : QObject(parent)
    , m_generation(std::make_shared<std::atomic<quint64>>(0))
{
    connect(&m_watcher, &QFutureWatcher<GraphResult>::finished, this, &GraphLoader::onFinished);
}

GraphLoader::~GraphLoader()
{
    cancel();
    m_watcher.waitForFinished();
}

void GraphLoader::request(GraphRequest request)
{
    ++*m_generation;
    if (m_watcher.isRunning()) {
        m_pending = std::move(request); // starts when the stale one has stopped
        return;
    }
    start(std::move(request));
}

void GraphLoader::cancel()
{
    ++*m_generation;
    m_pending.reset();
}

void GraphLoader::start(GraphRequest request)
{
    const quint64 generation = m_generation->load();
    m_runningGeneration = generation;
    ++m_started;
    auto latest = m_generation;
    const std::function<bool()> cancelled = [latest, generation] { return latest->load() != generation; };
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [request = std::move(request), cancelled, hook = m_startHook]() -> GraphResult {
        if (hook)
            hook();
        if (request.casePath.isEmpty())
            return resultFor(request);
        try {
            if (cancelled())
                throw graph::GraphCancelled();
            return compute(request, cancelled);
        } catch (const graph::GraphCancelled &) {
        } catch (const std::exception &error) {
            if (!cancelled()) { // an interrupted statement of a stale request is no error
                GraphResult failed = resultFor(request);
                failed.error = QString::fromLocal8Bit(error.what());
                return failed;
            }
        }
        GraphResult stopped = resultFor(request);
        stopped.cancelled = true;
        return stopped;
    }));
}

void GraphLoader::onFinished()
{
    const GraphResult result = m_watcher.result();
    if (result.cancelled)
        ++m_stoppedEarly;
    if (m_runningGeneration == m_generation->load() && !result.cancelled) {
        Q_EMIT finished(result);
        return;
    }
    if (m_pending) {
        GraphRequest next = std::move(*m_pending);
        m_pending.reset();
        start(std::move(next));
    }
}

} // namespace flowscope
