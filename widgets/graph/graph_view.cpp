// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_view.h"

#include "export/csv_export_controller.h"

#include "graph/graph_export.h"
#include "graph/graph_format.h"
#include "graph_canvas.h"
#include "graph_scene.h"
#include "pivot/filter_compose.h"
#include "pivot_filter_menu.h"
#include "reject_row_delegate.h"
#include "tasks/work_pools.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QBoxLayout>
#include <QResizeEvent>
#include <QToolBar>
#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace flowscope {

namespace {

constexpr int kGoneNodes = 30; // at most this many gone nodes drawn
constexpr double kPngScale = 2.0; // sharper than the screen, for reports

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit())
        return true;
    if (error)
        *error = GraphView::tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
}

bool isOutsideGroup(const graph::GraphNode &node)
{
    return (node.kind == graph::NodeKind::Outside || node.kind == graph::NodeKind::AwsService
            || node.kind == graph::NodeKind::Ioc)
        && node.group.isEmpty();
}

} // namespace

GraphView::GraphView(QWidget *parent)
    : QWidget(parent)
    , m_loader(new GraphLoader(this))
    , m_scene(new GraphScene(this))
    , m_view(new GraphCanvas(this))
    , m_level(new QComboBox(this))
    , m_top(new QSpinBox(this))
    , m_metric(new QComboBox(this))
    , m_gone(new QCheckBox(tr("Gone"), this))
    , m_search(new QLineEdit(this))
    , m_export(new QToolButton(this))
    , m_banner(new QLabel(this))
    , m_details(new QLabel(this))
    , m_options(new QToolBar(this))
    , m_tools(new QToolBar(this))
    , m_bars(new QBoxLayout(QBoxLayout::LeftToRight))
{
    m_view->setObjectName(QStringLiteral("graphCanvas"));
    m_view->setScene(m_scene);
    m_level->setObjectName(QStringLiteral("graphLevel"));
    m_level->addItem(tr("ENI"), int(graph::GraphLevel::Eni));
    m_level->addItem(tr("Subnet"), int(graph::GraphLevel::Subnet));
    m_level->addItem(tr("VPC"), int(graph::GraphLevel::Vpc));
    m_level->addItem(tr("Account"), int(graph::GraphLevel::Account));
    m_level->setToolTip(tr("What a node of the case is: an interface, or its subnet, VPC or account"));
    m_top->setObjectName(QStringLiteral("graphTopNodes"));
    m_top->setRange(5, 1000);
    m_top->setValue(150);
    m_top->setPrefix(tr("Top "));
    m_top->setToolTip(tr("The heaviest nodes drawn; the others are folded into one \"+N more\" node"));
    m_top->setKeyboardTracking(false);
    m_metric->setObjectName(QStringLiteral("graphMetric"));
    m_metric->addItem(tr("By bytes"), int(graph::GraphMetric::Bytes));
    m_metric->addItem(tr("By flows"), int(graph::GraphMetric::Flows));
    m_metric->setToolTip(tr("What ranks the nodes and sets the edges' widths"));
    m_gone->setObjectName(QStringLiteral("graphShowGone"));
    m_gone->setToolTip(tr("With a time range in the filter: also draw the nodes seen before it but not in it"));
    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setPlaceholderText(tr("Find node…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    auto *fit = new QToolButton(this);
    fit->setObjectName(QStringLiteral("graphFit"));
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show the whole graph (0); the wheel zooms, dragging the background pans"));
    m_export->setObjectName(QStringLiteral("graphExport"));
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    for (const char *name : {"PNG", "SVG", "DOT"}) {
        const QString format = QString::fromLatin1(name);
        connect(exportMenu->addAction(tr("%1…").arg(format)), &QAction::triggered, this, [this, format] { exportDialog(format); });
    }
    m_export->setMenu(exportMenu);
    m_banner->setObjectName(QStringLiteral("graphBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("graphDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->hide();

    // Two toolbars, side by side when the dock is wide enough and one above
    // the other when not (resizeEvent); each hides what still does not fit
    // behind its » button.
    m_options->setObjectName(QStringLiteral("graphOptionsBar"));
    m_tools->setObjectName(QStringLiteral("graphToolsBar"));
    for (QToolBar *bar : {m_options, m_tools}) {
        bar->setMovable(false);
        bar->setFloatable(false);
        bar->setIconSize(QSize(16, 16));
        bar->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    }
    m_options->addWidget(m_level);
    m_options->addWidget(m_top);
    m_options->addWidget(m_metric);
    m_options->addWidget(m_gone);
    m_search->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_search->setMinimumWidth(90);
    m_tools->addWidget(m_search);
    m_tools->addWidget(fit);
    m_tools->addWidget(m_export);
    m_bars->setContentsMargins(0, 0, 0, 0);
    m_bars->setSpacing(0);
    m_bars->addWidget(m_options, 1);
    m_bars->addWidget(m_tools, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(m_bars);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);

    m_colours = colours();
    connect(m_loader, &GraphLoader::finished, this, &GraphView::onFinished);
    const auto changed = [this] {
        m_stale = true;
        refreshIfStale();
    };
    connect(m_level, &QComboBox::currentIndexChanged, this, [this, changed] {
        m_fitPending = true; // another kind of node: the old places mean nothing
        m_freshLayout = true;
        changed();
    });
    connect(m_top, &QSpinBox::valueChanged, this, changed);
    connect(m_metric, &QComboBox::currentIndexChanged, this, changed);
    connect(m_gone, &QCheckBox::toggled, this, changed);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { findNode(m_search->text()); });
    connect(m_search, &QLineEdit::textEdited, this, [this](const QString &text) { findNode(text); });
    connect(fit, &QToolButton::clicked, this, &GraphView::fitToView);
    connect(m_view, &GraphCanvas::showsPartChanged, this, &GraphView::showBanner);
    // A 0 pressed while the graph is computed is meant for that graph, which
    // would otherwise be fitted by the first-layout rule as it arrives.
    connect(m_view, &GraphCanvas::wholeFitRequested, this, [this] { m_wholeFitPending = m_loader->isBusy(); });

    const auto apply = [this](const QString &term) { Q_EMIT filterRequested(filterFor(term), true); };
    // A click browses: the filter waits in the bar, and the keyboard stays
    // here for zooming (0, +, -) and Enter.
    const auto select = [this](const QString &term) {
        m_selectedFilter = filterFor(term);
        Q_EMIT filterSelected(m_selectedFilter);
    };
    connect(m_scene, &GraphScene::nodeClicked, this, [this, select](const graph::GraphNode &node) {
        select(node.filter);
        showDetails(nodeDetails(node));
    });
    connect(m_scene, &GraphScene::edgeClicked, this, [this, select](const graph::GraphEdge &edge) {
        select(edge.filter);
        showDetails(edgeDetails(edge));
    });
    connect(m_view, &GraphCanvas::applyRequested, this, [this] {
        if (!m_selectedFilter.isEmpty() && !m_scene->selectedItems().isEmpty()) // not a redrawn graph's
            Q_EMIT filterRequested(m_selectedFilter, true);
    });
    connect(m_scene, &GraphScene::nodeActivated, this, [apply](const graph::GraphNode &node) { apply(node.filter); });
    connect(m_scene, &GraphScene::edgeActivated, this, [apply](const graph::GraphEdge &edge) { apply(edge.filter); });
    connect(m_scene, &GraphScene::nodeMoved, this, [this](const QString &id, QPointF position) { m_pinned[id] = position; });
    connect(m_scene, &GraphScene::menuRequested, this, [this](QGraphicsItem *item, QPoint screenPos) {
        QMenu *menu = createItemMenu(item);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(screenPos);
    });
    showBanner();
}

QGraphicsView *GraphView::graphicsView() const { return m_view; }

void GraphView::setCase(const QString &casePath)
{
    if (casePath != m_case) { // another case: nothing of the last one's layout holds
        m_expanded.clear();
        m_pinned.clear();
        m_result.reset();
        m_scene->showGraph({}, {}, m_colours);
        m_fitPending = true;
    }
    m_case = casePath;
    m_stale = true;
    if (m_case.isEmpty()) {
        m_loader->cancel();
        m_error.clear();
        showBanner();
        return;
    }
    refreshIfStale();
}

void GraphView::setFilter(const QString &filterText)
{
    // Another filter draws other nodes, maybe none where the analyst looked:
    // it comes into view as a first graph does (nodes that stay keep their places).
    if (filterText.trimmed() != m_filter)
        m_fitPending = true;
    m_filter = filterText.trimmed();
    m_stale = true;
    refreshIfStale();
}

void GraphView::setLayoutCommand(const QString &program, int timeoutMs, const QString &containmentProgram)
{
    m_program = program;
    m_timeoutMs = timeoutMs;
    m_containmentProgram = containmentProgram;
}

void GraphView::layOutAgain()
{
    m_freshLayout = true;
    m_fitPending = true;
    m_stale = true;
    refreshIfStale();
}

void GraphView::setLevel(graph::GraphLevel level) { m_level->setCurrentIndex(m_level->findData(int(level))); }
void GraphView::setTopNodes(int nodes) { m_top->setValue(nodes); }
void GraphView::setMetric(graph::GraphMetric metric) { m_metric->setCurrentIndex(m_metric->findData(int(metric))); }

bool GraphView::isComputing() const { return m_loader->isBusy(); }

bool GraphView::isOnScreen() const { return isVisible() && !visibleRegion().isEmpty(); }

void GraphView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshIfStale();
}

void GraphView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_colours = colours();
        redraw();
    }
}

void GraphView::refreshIfStale()
{
    // A graph scans the filter's records twice: only worth it when looked at.
    if (!m_stale || !isOnScreen() || m_case.isEmpty())
        return;
    m_stale = false;
    request();
}

void GraphView::request()
{
    GraphRequest r;
    r.casePath = m_case;
    r.filter = m_filter;
    r.level = graph::GraphLevel(m_level->currentData().toInt());
    r.metric = graph::GraphMetric(m_metric->currentData().toInt());
    r.topNodes = std::size_t(m_top->value());
    r.expanded = m_expanded;
    r.goneNodes = m_gone->isChecked() ? kGoneNodes : 0;
    if (!std::exchange(m_freshLayout, false))
        r.seeds = m_scene->positions(); // nodes that stay keep their places
    r.layoutProgram = m_program;
    r.containmentProgram = m_containmentProgram;
    r.layoutTimeoutMs = m_timeoutMs;
    r.labelCharWidth = graphLabelCharWidth(); // the layout keeps apart the boxes drawn here
    m_error.clear();
    m_loader->request(std::move(r));
    showBanner();
}

void GraphView::onFinished(const GraphResult &result)
{
    m_error = result.error;
    if (result.error.isEmpty()) {
        m_result = result;
        redraw();
    }
    showBanner();
    Q_EMIT computed();
}

void GraphView::redraw()
{
    if (!m_result)
        return;
    m_scene->showGraph(*m_result, m_pinned, m_colours);
    m_details->hide(); // it spoke of an item of the last graph
    // Each new layout is shown whole, unless the analyst has zoomed or
    // panned since the last fit; a new case, filter or level fits in any case.
    // Nodes come heaviest first: a graph too large to read whole opens around the first.
    const auto &nodes = m_result->graph.nodes;
    if (const GraphNodeItem *heaviest = nodes.empty() ? nullptr : m_scene->nodeItem(nodes.front().id))
        m_view->setFocusPoint(heaviest->sceneBoundingRect().center());
    const bool wholeAsked = std::exchange(m_wholeFitPending, false);
    if (std::exchange(m_fitPending, false) || wholeAsked)
        m_view->fit(wholeAsked ? GraphCanvas::Fit::Whole : GraphCanvas::Fit::Readable);
    else
        m_view->fitUnlessMoved();
}

QString GraphView::bannerText() const { return m_banner->text(); }

void GraphView::showBanner()
{
    QStringList lines;
    const QLocale locale;
    if (m_case.isEmpty())
        lines << tr("No case open");
    else if (m_loader->isBusy())
        lines << tr("Computing the graph…");
    if (!m_error.isEmpty())
        lines << tr("The graph could not be computed: %1").arg(m_error);
    if (m_result && !m_loader->isBusy() && m_error.isEmpty()) {
        const graph::FlowGraph &g = m_result->graph;
        if (g.nodes.empty())
            lines << tr("No traffic under this filter");
        if (g.nodesLeftOut > 0) {
            // The addresses of expanded groups are drawn whatever their weight, besides the top N.
            const auto members = std::size_t(std::count_if(g.nodes.begin(), g.nodes.end(), [](const graph::GraphNode &n) { return !n.group.isEmpty(); }));
            const QString heaviest = locale.toString(qulonglong(g.nodes.size() - 1 - members));
            const QString folded = locale.toString(qulonglong(g.nodesLeftOut));
            const QString flows = locale.toString(qulonglong(g.trafficLeftOut.flows));
            const QString bytes = locale.formattedDataSize(qint64(g.trafficLeftOut.bytes), 1, QLocale::DataSizeSIFormat);
            if (members == 0)
                lines << tr("Only the %1 heaviest nodes are drawn: %2 more (%3 flows, %4) are folded into \"+%2 more\"")
                             .arg(heaviest, folded, flows, bytes);
            else
                lines << tr("Only the %1 heaviest nodes and the %Ln address(es) of expanded groups are drawn: %2 more "
                            "(%3 flows, %4) are folded into \"+%2 more\"", nullptr, int(members))
                             .arg(heaviest, folded, flows, bytes);
        }
        if (m_view->showsPart())
            lines << tr("Zoomed in for the labels to read, around the heaviest node: Fit (0) shows the whole graph");
        if (!m_result->layout.note.isEmpty())
            lines << tr("The subnets could not be laid out as boxes, so sfdp placed the nodes: %1").arg(m_result->layout.note);
        if (m_result->layout.fallback)
            lines << tr("The Graphviz layout failed, so the nodes are on a circle: %1").arg(m_result->layout.error);
        if (const auto &b = m_result->baseline) {
            QString line = tr("Since %1: %2 new nodes, %3 new edges (in blue, new nodes with a thick outline)")
                               .arg(QDateTime::fromSecsSinceEpoch(m_result->baselineFrom, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                               .arg(b->newNodes.size())
                               .arg(b->newEdges.size());
            if (m_result->request.goneNodes > 0)
                line += tr("; %1 gone nodes drawn dashed").arg(b->goneNodes.size())
                    + (b->goneNodesLeftOut ? tr(" (%1 more not drawn)").arg(b->goneNodesLeftOut) : QString());
            lines << line;
        }
    }
    m_banner->setText(lines.join(QLatin1Char('\n')));
    m_banner->setVisible(!lines.isEmpty());
}

QString GraphView::filterFor(const QString &term) const { return combineFilter(m_filter, term, FilterCombine::And); }

QMenu *GraphView::createItemMenu(QGraphicsItem *item)
{
    auto *menu = new QMenu(this);
    QString term;
    if (auto *node = qgraphicsitem_cast<GraphNodeItem *>(item))
        term = node->node().filter;
    else if (auto *edge = qgraphicsitem_cast<GraphEdgeItem *>(item))
        term = edge->edge().filter;
    PivotFilterMenu::addTo(menu, term, [this] { return m_filter; },
                           [this](const QString &expression, bool apply) { Q_EMIT filterRequested(expression, apply); });
    if (auto *node = qgraphicsitem_cast<GraphNodeItem *>(item)) {
        const graph::GraphNode &n = node->node();
        menu->addSeparator();
        if (isOutsideGroup(n)) {
            QAction *expand = menu->addAction(tr("Expand %1 into Its Addresses").arg(n.label));
            expand->setObjectName(QStringLiteral("expandGroup"));
            connect(expand, &QAction::triggered, this, [this, id = n.id] { toggleExpanded(id, true); });
        } else if (!n.group.isEmpty()) {
            QAction *collapse = menu->addAction(tr("Collapse into %1").arg(n.group));
            collapse->setObjectName(QStringLiteral("collapseGroup"));
            connect(collapse, &QAction::triggered, this, [this, group = n.group] { toggleExpanded(group, false); });
        }
        if (node->isPinned()) {
            QAction *unpin = menu->addAction(tr("Unpin"));
            connect(unpin, &QAction::triggered, this, [this, node, id = n.id] {
                m_pinned.erase(id);
                node->setPinned(false);
            });
        }
    }
    menu->addSeparator();
    QAction *unpinAll = menu->addAction(tr("Unpin All Nodes"));
    unpinAll->setEnabled(!m_pinned.empty());
    connect(unpinAll, &QAction::triggered, this, [this] {
        m_pinned.clear();
        for (GraphNodeItem *node : m_scene->nodeItems())
            node->setPinned(false);
    });
    QAction *again = menu->addAction(tr("Lay Out Again"));
    again->setObjectName(QStringLiteral("layOutAgain"));
    again->setToolTip(tr("Forget the present positions: nodes otherwise keep their places when the filter changes"));
    connect(again, &QAction::triggered, this, &GraphView::layOutAgain);
    QAction *fit = menu->addAction(tr("Fit to View"));
    connect(fit, &QAction::triggered, this, &GraphView::fitToView);
    return menu;
}

void GraphView::toggleExpanded(const QString &group, bool expand)
{
    if (expand)
        m_expanded.insert(group);
    else
        m_expanded.erase(group);
    m_stale = true;
    refreshIfStale();
}

QString GraphView::detailsText() const { return m_details->isVisible() ? m_details->text() : QString(); }

namespace {

QString kindText(graph::NodeKind kind)
{
    using graph::NodeKind;
    switch (kind) {
    case NodeKind::Eni: return GraphView::tr("interface");
    case NodeKind::Subnet: return GraphView::tr("subnet");
    case NodeKind::Vpc: return GraphView::tr("VPC");
    case NodeKind::Account: return GraphView::tr("account");
    case NodeKind::Outside: return GraphView::tr("outside addresses");
    case NodeKind::AwsService: return GraphView::tr("AWS service");
    case NodeKind::Ioc: return GraphView::tr("IOC list");
    case NodeKind::More: return GraphView::tr("nodes left out");
    }
    return {};
}

QString trafficText(const graph::Traffic &t)
{
    const QLocale locale;
    // Powers of 1000, as the Statistics and the findings' titles write them.
    return GraphView::tr("%1 flows · %2 · %3 packets · %4 accepted · %5 rejected")
        .arg(locale.toString(qulonglong(t.flows)), locale.formattedDataSize(qint64(t.bytes), 1, QLocale::DataSizeSIFormat),
             locale.toString(qulonglong(t.packets)), locale.toString(qulonglong(t.accept)),
             locale.toString(qulonglong(t.reject)));
}

QString appliesHint()
{
    return GraphView::tr("Its filter is in the filter bar, not applied yet: Enter or Apply applies it, and a "
                         "double-click on the graph applies it at once.");
}

} // namespace

QString GraphView::nodeDetails(const graph::GraphNode &node) const
{
    const auto clusterLabel = [this](const QString &id) {
        if (!m_result)
            return id;
        const auto named = m_result->graph.clusterLabels.find(id);
        return named == m_result->graph.clusterLabels.end() ? id : named->second;
    };
    QString where = kindText(node.kind);
    if (node.kind == graph::NodeKind::More)
        where = tr("%1 nodes left out by the top N").arg(QLocale().toString(qulonglong(m_result ? m_result->graph.nodesLeftOut : 0)));
    else if (!node.group.isEmpty())
        where = tr("an address of %1").arg(node.group);
    if (!node.subnet.isEmpty())
        where += tr(" in %1").arg(clusterLabel(node.subnet));
    if (!node.vpc.isEmpty())
        where += (node.subnet.isEmpty() ? tr(" in %1") : tr(", %1")).arg(clusterLabel(node.vpc));
    QStringList lines;
    lines << graph::nodeTitle(node) + QStringLiteral(" — ") + where;
    lines << trafficText(node.traffic);
    if (m_result && m_result->baseline && m_result->baseline->newNodes.count(node.id))
        lines << tr("New: not seen before the time range");
    lines << appliesHint();
    return lines.join(QLatin1Char('\n'));
}

QString GraphView::edgeDetails(const graph::GraphEdge &edge) const
{
    const auto labelOf = [this](const QString &id) {
        const GraphNodeItem *item = m_scene->nodeItem(id);
        return item ? item->node().label : id;
    };
    QStringList lines;
    lines << (edge.directed ? tr("%1 → %2 (the first one initiates)") : tr("%1 — %2 (initiator unknown)"))
                 .arg(labelOf(edge.source), labelOf(edge.target));
    lines << trafficText(edge.traffic);
    lines << appliesHint();
    return lines.join(QLatin1Char('\n'));
}

void GraphView::showDetails(const QString &text)
{
    m_details->setText(text);
    m_details->setToolTip(text);
    m_details->show();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeToolbars();
}

void GraphView::arrangeToolbars()
{
    // Side by side when both fit whole, else one above the other.
    const int wanted = m_options->sizeHint().width() + m_tools->sizeHint().width();
    const int room = contentsRect().width() - layout()->contentsMargins().left() - layout()->contentsMargins().right();
    m_bars->setDirection(wanted <= room ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

bool GraphView::findNode(const QString &text)
{
    GraphNodeItem *node = m_scene->findNode(text);
    if (!node)
        return false;
    m_scene->clearSelection();
    node->setSelected(true);
    m_view->centerOn(node); // not the analyst's zoom: the next layout is still fitted
    return true;
}

void GraphView::fitToView()
{
    m_view->fit(GraphCanvas::Fit::Whole);
    m_wholeFitPending = m_loader->isBusy();
}

GraphColours GraphView::colours() const
{
    const QPalette &p = palette();
    const bool dark = p.color(QPalette::Base).lightness() < 128;
    GraphColours c;
    c.text = p.color(QPalette::Text);
    c.nodeFill = p.color(QPalette::Base);
    c.outsideFill = p.color(QPalette::AlternateBase);
    c.serviceFill = dark ? QColor(92, 80, 40) : QColor(255, 243, 205);
    c.iocFill = dark ? QColor(110, 40, 40) : QColor(255, 215, 210);
    c.border = p.color(QPalette::Mid);
    c.edge = p.color(QPalette::Text);
    c.edge.setAlpha(80); // many edges cross: each one light
    c.reject = RejectRowDelegate::rejectColour(p);
    c.fresh = dark ? QColor(93, 173, 226) : QColor(31, 97, 141);
    c.cluster = dark ? QColor(130, 150, 170) : QColor(90, 110, 140);
    return c;
}

bool GraphView::savePng(const QString &path, QString *error)
{
    const QRectF bounds = m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    QImage image((bounds.size() * kPngScale).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_scene->render(&painter, QRectF(QPointF(), image.size()), bounds);
    painter.end();
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG")) {
            if (error)
                *error = tr("Could not render the graph as PNG");
            return false;
        }
    }
    return writeFile(path, png, error);
}

bool GraphView::saveDot(const QString &path, QString *error)
{
    if (!m_result) {
        if (error)
            *error = tr("No graph to export");
        return false;
    }
    return writeFile(path, QByteArray::fromStdString(graph::positionedGraphDot(m_result->graph, m_result->request.metric, m_scene->positions())),
                     error);
}

void GraphView::saveSvg(const QString &path)
{
    if (!m_result) {
        Q_EMIT exported(path, tr("No graph to export"));
        return;
    }
    const std::string dot = graph::positionedGraphDot(m_result->graph, m_result->request.metric, m_scene->positions());
    auto *watcher = new QFutureWatcher<graph::SvgOutput>(this);
    connect(watcher, &QFutureWatcher<graph::SvgOutput>::finished, this, [this, watcher, path] {
        const graph::SvgOutput output = watcher->result();
        watcher->deleteLater();
        QString error = output.error.isEmpty() ? QString() : tr("Graphviz could not draw the SVG: %1").arg(output.error);
        if (error.isEmpty())
            writeFile(path, output.svg, &error);
        Q_EMIT exported(path, error);
    });
    watcher->setFuture(QtConcurrent::run(analysisPool(), [dot] { return graph::renderSvg(dot); }));
}

QString GraphView::exportFolder() const
{
    return CsvExportController::lastFolder(m_case); // one folder for every export
}

void GraphView::exportDialog(const QString &format)
{
    const QString suffix = format.toLower();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Graph as %1").arg(format),
                                                      QDir(exportFolder()).filePath(QStringLiteral("graph.") + suffix),
                                                      tr("%1 files (*.%2)").arg(format, suffix));
    if (path.isEmpty())
        return;
    CsvExportController::rememberFolder(path);
    QString error;
    if (suffix == QStringLiteral("svg")) {
        saveSvg(path);
        return;
    }
    const bool ok = suffix == QStringLiteral("png") ? savePng(path, &error) : saveDot(path, &error);
    Q_EMIT exported(path, ok ? QString() : error);
}

} // namespace flowscope
