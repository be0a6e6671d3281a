// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who talked to whom among the case's interfaces: the heaviest nodes of the
// flow graph drawn where Graphviz (graph_layout) puts them; when the layout
// program cannot run, a table of the heaviest edges instead, and the report
// says why.

#include "report_section.h"

#include "graph/flow_graph.h"

#include <QPointF>

#include <functional>
#include <map>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::report {

struct GraphSectionOptions {
    std::size_t topNodes = 30;
    QString layoutProgram = QStringLiteral("sfdp");
    QString containmentProgram = QStringLiteral("fdp"); // small graphs with subnets; empty: never
};

class GraphSection : public ReportSection {
public:
    // `cancelled` stops the read between blocks (it then throws).
    GraphSection(CaseDb &caseDb, const CaseFilter &filter, const GraphSectionOptions &options = {},
                 const std::function<bool()> &cancelled = {});
    QString title() const override;
    void render(ReportCanvas &canvas) const override;

private:
    void drawGraph(ReportCanvas &canvas) const;
    void edgeTable(ReportCanvas &canvas) const;

    graph::FlowGraph m_graph;
    std::map<QString, QPointF> m_positions; // empty when the layout failed
    QString m_layoutError;
};

} // namespace flowscope::report
