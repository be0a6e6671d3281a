// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_graph.h"

namespace flowscope::graph {

std::optional<GraphLevel> graphLevelFromName(const QString &name)
{
    if (name == QLatin1String("eni"))
        return GraphLevel::Eni;
    if (name == QLatin1String("subnet"))
        return GraphLevel::Subnet;
    if (name == QLatin1String("vpc"))
        return GraphLevel::Vpc;
    if (name == QLatin1String("account"))
        return GraphLevel::Account;
    return std::nullopt;
}

QString graphLevelName(GraphLevel level)
{
    switch (level) {
    case GraphLevel::Eni:
        return QStringLiteral("eni");
    case GraphLevel::Subnet:
        return QStringLiteral("subnet");
    case GraphLevel::Vpc:
        return QStringLiteral("vpc");
    case GraphLevel::Account:
        return QStringLiteral("account");
    }
    return {};
}

std::optional<GraphMetric> graphMetricFromName(const QString &name)
{
    if (name == QLatin1String("bytes"))
        return GraphMetric::Bytes;
    if (name == QLatin1String("flows"))
        return GraphMetric::Flows;
    return std::nullopt;
}

QString nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Eni:
        return QStringLiteral("eni");
    case NodeKind::Subnet:
        return QStringLiteral("subnet");
    case NodeKind::Vpc:
        return QStringLiteral("vpc");
    case NodeKind::Account:
        return QStringLiteral("account");
    case NodeKind::Outside:
        return QStringLiteral("outside");
    case NodeKind::AwsService:
        return QStringLiteral("aws-service");
    case NodeKind::Ioc:
        return QStringLiteral("ioc");
    case NodeKind::More:
        return QStringLiteral("more");
    }
    return {};
}

QString nodeTitle(const GraphNode &node)
{
    if (node.label.isEmpty())
        return node.id;
    if (node.label.startsWith(node.id))
        return node.label;
    return node.label + QStringLiteral(" [") + node.id + QLatin1Char(']');
}

} // namespace flowscope::graph
