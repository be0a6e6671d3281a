// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Computes the graph of the current filter off the GUI thread, on the
// analysis pool, then lays it out with Graphviz in a separate process: one
// computation at a time, only the newest waiting request kept, and a running
// one that a newer request has made stale is cancelled (its layout process
// killed) and its result dropped. A layout that fails, hangs or crashes
// still delivers the graph, on a circle, with the reason.

#include "graph/flow_graph.h"
#include "graph/graph_baseline.h"
#include "graph/graph_layout.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointF>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace flowscope {

struct GraphRequest {
    QString casePath;
    QString filter; // display filter text; empty selects every record
    graph::GraphLevel level = graph::GraphLevel::Eni;
    graph::GraphMetric metric = graph::GraphMetric::Bytes;
    std::size_t topNodes = 150;
    std::set<QString> expanded; // outside groups shown as their addresses
    // With a time range in the filter: mark what the case never showed
    // before it ("new"), and add up to this many nodes it showed before but
    // not in it ("gone"; 0: none).
    std::size_t goneNodes = 0;
    std::map<QString, QPointF> seeds; // previous positions: nodes keep their places
    QString layoutProgram = QStringLiteral("sfdp");
    QString containmentProgram = QStringLiteral("fdp"); // small graphs with subnets; empty: never
    int layoutTimeoutMs = 10000;
    double labelCharWidth = graph::kDefaultCharWidth; // as the view draws labels: sizes the boxes laid out
};

struct GraphResult {
    GraphRequest request;
    graph::FlowGraph graph;
    graph::LayoutResult layout; // positions of the graph's and the gone nodes
    std::optional<graph::GraphBaseline> baseline; // when the filter has a time range
    qint64 baselineFrom = 0;                        // its start, epoch seconds
    QString error;          // set instead of a graph when the request failed
    bool cancelled = false; // stopped early by a newer request or a cancel: never delivered
};

class GraphLoader : public QObject {
    Q_OBJECT
public:
    explicit GraphLoader(QObject *parent = nullptr);
    ~GraphLoader() override;

    void request(GraphRequest request);
    // Drops what is waiting and cancels what runs.
    void cancel();
    bool isBusy() const { return m_watcher.isRunning() || m_pending.has_value(); }
    int started() const { return m_started; }
    int stoppedEarly() const { return m_stoppedEarly; }
    // Called on the worker as each computation starts (tests hold one there).
    void setStartHook(std::function<void()> hook) { m_startHook = std::move(hook); }

Q_SIGNALS:
    void finished(const flowscope::GraphResult &result);

private:
    void start(GraphRequest request);
    void onFinished();

    std::shared_ptr<std::atomic<quint64>> m_generation;
    quint64 m_runningGeneration = 0;
    std::optional<GraphRequest> m_pending;
    QFutureWatcher<GraphResult> m_watcher;
    int m_started = 0;
    int m_stoppedEarly = 0;
    std::function<void()> m_startHook;
};

} // namespace flowscope
