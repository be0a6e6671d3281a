// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_section.h"

#include "label_placement.h"
#include "report_canvas.h"

#include "graph/flow_graph_builder.h"
#include "graph/graph_layout.h"
#include "graph/graph_layout_input.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLineF>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GraphSection", text);
}

constexpr std::size_t kTableEdges = 40;
constexpr double kNodeRadius = 6;

QColor colorOf(graph::NodeKind kind)
{
    switch (kind) {
    case graph::NodeKind::Eni:
    case graph::NodeKind::Subnet:
    case graph::NodeKind::Vpc:
    case graph::NodeKind::Account:
        return QColor(0x3b, 0x6e, 0xb5);
    case graph::NodeKind::Outside:
        return QColor(0xd0, 0x8a, 0x2e);
    case graph::NodeKind::AwsService:
        return QColor(0x7a, 0x4f, 0xa8);
    case graph::NodeKind::Ioc:
        return QColor(0xe2, 0x4d, 0x42);
    case graph::NodeKind::More:
        return QColor(0x99, 0x99, 0x99);
    }
    return Qt::gray;
}

QString elided(const QString &text, int length)
{
    return text.size() <= length ? text : text.left(length - 1) + QChar(0x2026);
}

} // namespace

GraphSection::GraphSection(CaseDb &caseDb, const CaseFilter &filter, const GraphSectionOptions &options,
                           const std::function<bool()> &cancelled)
{
    graph::GraphOptions graphOptions;
    graphOptions.topNodes = options.topNodes;
    graphOptions.snapshot = graph::newestSnapshot(caseDb);
    graphOptions.cancelled = cancelled;
    m_graph = graph::buildFlowGraph(caseDb, filter, graphOptions);
    if (m_graph.nodes.empty())
        return;
    graph::LayoutRequest request = graph::layoutRequestOf(m_graph);
    request.program = options.layoutProgram;
    request.containmentProgram = options.containmentProgram;
    graph::LayoutResult layout = graph::layoutGraph(request);
    if (layout.fallback) {
        m_layoutError = layout.error.isEmpty() ? tr("the layout failed") : layout.error;
        return;
    }
    for (auto &[id, point] : layout.positions)
        if (!graph::isLayoutAnchor(id))
            m_positions.emplace(id, point);
}

QString GraphSection::title() const
{
    return tr("Network interfaces graph");
}

void GraphSection::render(ReportCanvas &canvas) const
{
    if (m_graph.nodes.empty()) {
        canvas.paragraph(tr("The filter keeps no traffic between interfaces."), false, true);
        return;
    }
    canvas.paragraph(tr("The %1 heaviest nodes by bytes (interfaces, outside /24 or /48 groups and AWS services) and "
                        "the traffic between them; %2 more nodes are folded into \"more\".")
                         .arg(m_graph.nodes.size())
                         .arg(m_graph.nodesLeftOut));
    if (m_positions.empty()) {
        canvas.paragraph(tr("The graph could not be laid out (%1): the heaviest edges are listed instead.").arg(m_layoutError),
                         false, true);
    } else {
        drawGraph(canvas);
    }
    edgeTable(canvas);
}

void GraphSection::drawGraph(ReportCanvas &canvas) const
{
    QRectF bounds;
    for (const auto &[id, point] : m_positions)
        bounds = bounds.isNull() ? QRectF(point, QSizeF(0.01, 0.01)) : bounds.united(QRectF(point, QSizeF(0.01, 0.01)));
    // As tall as the layout's shape asks, within bounds, so a wide layout leaves no blank band.
    const double wanted = (canvas.body().width() - 120) * bounds.height() / std::max(1.0, bounds.width()) + 28;
    const QRectF room = canvas.reserve(std::clamp(wanted, canvas.body().height() * 0.3,
                                                  std::min(canvas.body().width() * 0.9, canvas.body().height() * 0.62)));
    const QRectF area = room.adjusted(60, 14, -60, -14);
    const double scale = std::min(area.width() / std::max(1.0, bounds.width()), area.height() / std::max(1.0, bounds.height()));
    const QPointF offset = area.center() - QPointF(bounds.center().x() * scale, bounds.center().y() * scale);
    auto place = [&](const QString &id) -> std::optional<QPointF> {
        const auto found = m_positions.find(id);
        if (found == m_positions.end())
            return std::nullopt;
        return found->second * scale + offset;
    };

    QPainter &painter = canvas.painter();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    std::uint64_t heaviest = 1;
    for (const graph::GraphEdge &edge : m_graph.edges)
        heaviest = std::max<std::uint64_t>(heaviest, edge.traffic.bytes);
    for (const graph::GraphEdge &edge : m_graph.edges) {
        const auto from = place(edge.source), to = place(edge.target);
        // A line of no length (a node's traffic with itself) is no line: PDF readers choke on its empty path.
        if (!from || !to || QLineF(*from, *to).length() < 0.01)
            continue;
        const double width = 0.4 + 3.0 * std::log1p(double(edge.traffic.bytes)) / std::log1p(double(heaviest));
        const QColor color = edge.traffic.reject > 0 && edge.traffic.accept == 0 ? QColor(0xc2, 0x3b, 0x3b, 170)
                                                                                 : QColor(0x70, 0x78, 0x88, 150);
        painter.setPen(QPen(color, width));
        painter.drawLine(*from, *to);
    }
    // Every node carries its number (its rank by bytes); its name goes beside
    // it where there is room, heaviest first, and the key below names the rest.
    const QFont labelFont = canvas.font(6);
    const QFontMetricsF metrics(labelFont, painter.device());
    std::vector<LabelRequest> requests;
    std::vector<const graph::GraphNode *> drawn;
    for (const graph::GraphNode &node : m_graph.nodes) {
        if (const auto at = place(node.id)) {
            drawn.push_back(&node);
            requests.push_back({*at, metrics.size(Qt::TextSingleLine, elided(node.label, 30)) + QSizeF(1, 0)});
        }
    }
    const std::vector<std::optional<QRectF>> labels = placeLabels(requests, kNodeRadius, room);
    const QFont numberFont = canvas.font(kNodeRadius * 0.9, true);
    QStringList unlabelled;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const QPointF at = requests[i].node;
        const QString number = QString::number(i + 1);
        painter.setPen(QPen(Qt::white, 0.8));
        painter.setBrush(colorOf(drawn[i]->kind));
        painter.drawEllipse(at, kNodeRadius, kNodeRadius);
        painter.setFont(numberFont);
        painter.drawText(QRectF(at.x() - kNodeRadius, at.y() - kNodeRadius, 2 * kNodeRadius, 2 * kNodeRadius),
                         Qt::AlignCenter, number);
        if (labels[i]) {
            // Lines pass under a label without striking its text through.
            painter.fillRect(*labels[i], QColor(255, 255, 255, 190));
            painter.setPen(Qt::black);
            painter.setFont(labelFont);
            painter.drawText(*labels[i], Qt::AlignLeft | Qt::AlignVCenter, elided(drawn[i]->label, 30));
        } else {
            unlabelled << number + QLatin1Char(' ') + drawn[i]->label;
        }
    }
    painter.restore();
    canvas.paragraph(tr("Blue: the case's interfaces; orange: outside addresses; purple: AWS services; grey: the rest. "
                        "Red lines carry only REJECTs; line width grows with the bytes. Nodes are numbered by bytes."),
                     true);
    if (!unlabelled.isEmpty())
        canvas.paragraph(tr("Named here for want of room on the drawing: %1.").arg(unlabelled.join(QStringLiteral("; "))), true);
}

void GraphSection::edgeTable(ReportCanvas &canvas) const
{
    std::map<QString, QString> labels;
    for (const graph::GraphNode &node : m_graph.nodes)
        labels[node.id] = node.label;
    ReportTable table;
    table.headers = {tr("From"), tr("To"), tr("Bytes"), tr("Flows"), tr("ACCEPT"), tr("REJECT")};
    table.numericColumns = {2, 3, 4, 5};
    const QLocale locale = QLocale::system();
    for (std::size_t i = 0; i < m_graph.edges.size() && i < kTableEdges; ++i) {
        const graph::GraphEdge &edge = m_graph.edges[i];
        table.rows.push_back({labels.count(edge.source) ? labels[edge.source] : edge.source,
                              labels.count(edge.target) ? labels[edge.target] : edge.target,
                              locale.toString(qulonglong(edge.traffic.bytes)), locale.toString(qulonglong(edge.traffic.flows)),
                              locale.toString(qulonglong(edge.traffic.accept)), locale.toString(qulonglong(edge.traffic.reject))});
    }
    canvas.subheading(tr("Heaviest edges"));
    canvas.table(table);
}

} // namespace flowscope::report
