// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A laid-out graph as SVG, drawn by Graphviz (`neato -n2 -Tsvg`: the
// positions given, nothing laid out again) in a separate process, as the
// layout is: a crash or a hang costs only the child.

#include <QByteArray>
#include <QString>

#include <string>

namespace flowscope::graph {

struct SvgOutput {
    QByteArray svg;
    QString error; // set instead when Graphviz failed
};

// `positionedDot` from positionedGraphDot(). Blocks up to `timeoutMs`: call it off the GUI thread.
SvgOutput renderSvg(const std::string &positionedDot, const QString &program = QStringLiteral("neato"),
                    int timeoutMs = 20000);

} // namespace flowscope::graph
