// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who talked to whom under the current filter, as a graph beside the
// timeline and the table: the case's interfaces (or their subnets, VPCs or
// accounts) and outside peers, the heaviest top N of them, laid out by
// Graphviz in a separate process and drawn here. A banner says what was
// left out, a layout that failed, and what the time range's baseline found.
//
// A click on a node or an edge prepares the current filter narrowed to it
// in the filter bar (the line under the graph says so, with the item's
// names and totals), a double-click applies it, and the context menu offers
// the table's Apply / Prepare as Filter choices, expanding an outside group
// into its addresses and collapsing it again, and unpinning. Dragging a
// node pins it; the next layout starts from the present positions, so
// nodes keep their places when the filter narrows.

#include "graph/flow_graph.h"
#include "graph_items.h"
#include "itemmodels/graph_loader.h"

#include <QWidget>

#include <map>
#include <optional>
#include <set>

class QCheckBox;
class QComboBox;
class QGraphicsItem;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QMenu;
class QSpinBox;
class QToolBar;
class QToolButton;
class QBoxLayout;

namespace flowscope {

class GraphCanvas;
class GraphScene;

class GraphView : public QWidget {
    Q_OBJECT
public:
    explicit GraphView(QWidget *parent = nullptr);

    // The case to draw (none when empty) and the applied display filter.
    // Each marks the graph stale; it is computed while on screen.
    void setCase(const QString &casePath);
    void setFilter(const QString &filterText);
    QString filter() const { return m_filter; }
    // The Graphviz commands and how long each may take (tests use stand-ins):
    // `program` for every graph, `containmentProgram` first for a small one
    // with subnets (empty: never).
    void setLayoutCommand(const QString &program, int timeoutMs, const QString &containmentProgram = {});
    // Lays the graph out afresh, forgetting the present positions (pins stay).
    void layOutAgain();
    // Where Export starts: the last export's folder, else the case's, else home.
    QString exportFolder() const;

    void setLevel(graph::GraphLevel level);
    void setTopNodes(int nodes);
    void setMetric(graph::GraphMetric metric);
    bool isComputing() const;
    bool isOnScreen() const;
    // Computes the graph when stale and on screen; the window calls it when the dock comes in front.
    void refreshIfStale();

    GraphScene *scene() const { return m_scene; }
    QGraphicsView *graphicsView() const;
    QString bannerText() const;
    // The filter a click on the node or edge prepares (the current filter and it).
    QString filterFor(const QString &term) const;
    // The context menu of a node or edge (or the background for null), owned by the caller.
    QMenu *createItemMenu(QGraphicsItem *item);

    // Writes what is shown: PNG (rendered here), DOT (positioned, for
    // `neato -n2`). False and `error` when the file cannot be written.
    bool savePng(const QString &path, QString *error);
    bool saveDot(const QString &path, QString *error);
    // SVG by Graphviz off the GUI thread; exported() says when it is written.
    void saveSvg(const QString &path);
    // Centres on the first node whose label or id holds `text`, selected; false when none does.
    bool findNode(const QString &text);
    // The whole graph in view, however small (Fit, 0): labels too small to read are left out.
    void fitToView();
    // What a click on a node or an edge shows under the graph (empty when
    // hidden): its names, totals, and that its filter waits in the filter bar.
    QString detailsText() const;

Q_SIGNALS:
    void filterRequested(const QString &expression, bool apply);
    // A click chose a node or an edge: its filter is to be shown in the bar
    // while the keyboard stays on the graph (Enter there applies it).
    void filterSelected(const QString &expression);
    // A graph was drawn (or its computation failed).
    void computed();
    void exported(const QString &path, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void request();
    void onFinished(const GraphResult &result);
    void redraw();
    void showBanner();
    void exportDialog(const QString &format);
    GraphColours colours() const;
    void toggleExpanded(const QString &group, bool expand);
    QString nodeDetails(const graph::GraphNode &node) const;
    QString edgeDetails(const graph::GraphEdge &edge) const;
    void showDetails(const QString &text);
    void arrangeToolbars();

    GraphLoader *m_loader;
    GraphScene *m_scene;
    GraphCanvas *m_view;
    QString m_selectedFilter; // the clicked item's, for Enter
    QComboBox *m_level;
    QSpinBox *m_top;
    QComboBox *m_metric;
    QCheckBox *m_gone;
    QLineEdit *m_search;
    QToolButton *m_export;
    QLabel *m_banner;
    QLabel *m_details;
    QToolBar *m_options; // level, top N, metric, gone
    QToolBar *m_tools;   // find, fit, export
    QBoxLayout *m_bars;
    QString m_case;
    QString m_filter;
    QString m_program = QStringLiteral("sfdp");
    QString m_containmentProgram = QStringLiteral("fdp"); // small graphs with subnets
    bool m_freshLayout = false; // the next layout ignores the present positions
    int m_timeoutMs = 10000;
    bool m_stale = true;
    std::optional<GraphResult> m_result;
    QString m_error;
    std::set<QString> m_expanded;
    std::map<QString, QPointF> m_pinned;
    GraphColours m_colours;
    bool m_fitPending = true; // the first graph of a case is fitted into view
    bool m_wholeFitPending = false; // Fit (0) asked for while a graph was computed: it fits that one whole
};

} // namespace flowscope
