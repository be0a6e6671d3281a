// SPDX-License-Identifier: GPL-3.0-or-later
#include "explanation_rules_model.h"

#include "explain/path_evaluator.h"

#include <algorithm>

namespace flowscope {

namespace {

using namespace explain;

QString layerTitle(LayerKind kind)
{
    switch (kind) {
    case LayerKind::SourceSecurityGroups: return ExplanationRulesModel::tr("Source security groups, outbound");
    case LayerKind::SourceNetworkAcl: return ExplanationRulesModel::tr("Source network ACL, outbound");
    case LayerKind::DestinationNetworkAcl: return ExplanationRulesModel::tr("Destination network ACL, inbound");
    case LayerKind::DestinationSecurityGroups: return ExplanationRulesModel::tr("Destination security groups, inbound");
    }
    return {};
}

// What the layer as a whole did to the packet (its rules each say their own action).
QString outcomeText(const LayerResult &layer)
{
    if (!layer.evaluated)
        return layer.skipped.isEmpty() ? ExplanationRulesModel::tr("not evaluated")
                                       : ExplanationRulesModel::tr("not evaluated: %1").arg(layer.skipped);
    switch (layer.outcome) {
    case Outcome::Allow:
        return layer.statefulReply ? ExplanationRulesModel::tr("allowed it (the reply of an allowed request)")
                                   : ExplanationRulesModel::tr("allowed it");
    case Outcome::Deny: return ExplanationRulesModel::tr("DENIED it");
    case Outcome::Inconclusive:
        return layer.reason.isEmpty() ? ExplanationRulesModel::tr("inconclusive")
                                      : ExplanationRulesModel::tr("inconclusive: %1").arg(layer.reason);
    }
    return {};
}

QString portsText(int protocol, const PortRange &ports)
{
    if (protocol != kTcp && protocol != kUdp && protocol != kIcmp && protocol != kIcmpv6)
        return ExplanationRulesModel::tr("all");
    if (ports.isAny())
        return ExplanationRulesModel::tr("all");
    if (protocol == kIcmp || protocol == kIcmpv6)
        return ports.to < 0 ? ExplanationRulesModel::tr("type %1").arg(ports.from)
                            : ExplanationRulesModel::tr("type %1 code %2").arg(ports.from).arg(ports.to);
    return ports.from == ports.to ? QString::number(ports.from) : QStringLiteral("%1-%2").arg(ports.from).arg(ports.to);
}

QString naclPorts(const NaclEntry &entry)
{
    if (entry.protocol == kIcmp || entry.protocol == kIcmpv6) {
        if (entry.icmpType < 0)
            return ExplanationRulesModel::tr("all");
        return entry.icmpCode < 0 ? ExplanationRulesModel::tr("type %1").arg(entry.icmpType)
                                  : ExplanationRulesModel::tr("type %1 code %2").arg(entry.icmpType).arg(entry.icmpCode);
    }
    return portsText(entry.protocol, entry.ports);
}

// "tcp 22", "all traffic", "icmp type 8": what a rule covers, for its line.
QString coverText(const QString &protocol, const QString &ports)
{
    if (protocol == u"all")
        return ExplanationRulesModel::tr("all traffic");
    if (ports.isEmpty() || ports == ExplanationRulesModel::tr("all"))
        return protocol;
    return ExplanationRulesModel::tr("%1 %2", "protocol ports").arg(protocol, ports);
}

// "from 10.0.0.0/8" inbound, "to 0.0.0.0/0" outbound.
QString peerClause(bool egress, const QString &peer)
{
    return egress ? ExplanationRulesModel::tr("to %1").arg(peer) : ExplanationRulesModel::tr("from %1").arg(peer);
}

} // namespace

void ExplanationRulesModel::setExplanation(std::shared_ptr<const explain::RecordExplanation> explanation)
{
    beginResetModel();
    m_layers.clear();
    if (explanation && explanation->path && explanation->config) {
        const PathExplanation &path = *explanation->path;
        for (std::size_t i = 0; i < path.layers.size(); ++i) {
            const LayerResult &result = path.layers[i];
            Layer layer;
            const bool blocking = std::any_of(path.blocking.begin(), path.blocking.end(),
                                              [&](const BlockingLayer &b) { return b.layer == int(i); });
            QString component;
            if (result.isSecurityGroup() && result.eni)
                component = result.eni->id;
            else if (result.acl)
                component = result.acl->name.isEmpty() ? result.acl->id : tr("%1 (%2)").arg(result.acl->id, result.acl->name);
            // One sentence in the first column, which the view spans across the row: the rule columns stay
            // narrow. What the layer did comes first, so a narrow panel never cuts it off.
            const QString title = component.isEmpty() ? layerTitle(result.kind) : tr("%1 %2").arg(layerTitle(result.kind), component);
            layer.line.cells = {tr("%1: %2").arg(outcomeText(result), title), outcomeText(result), QString(), QString(),
                                component, QString()};
            layer.line.line = layer.line.cells[RuleColumn];
            layer.line.blocking = blocking;
            // A group denies without a rule: the layer itself is what decided.
            layer.line.deciding = blocking && result.isSecurityGroup();
            // The whole sentence in the tooltip: a narrow view cuts the row short.
            layer.line.tooltip = layer.line.cells[RuleColumn];
            if (result.atLoggingInterface)
                layer.line.cells[NoteColumn] = tr("at the interface that logged the record");
            if (result.evaluated && !result.isSecurityGroup() && result.acl) {
                for (const NaclEntry &entry : result.acl->entries) {
                    if (entry.egress != result.egress())
                        continue;
                    Line line;
                    line.cells = {entry.numberText(), entry.allow ? tr("allow") : tr("deny"), protocolName(entry.protocol),
                                  naclPorts(entry), entry.cidr.toString(), QString()};
                    line.deciding = &entry == result.aclRule;
                    if (line.deciding)
                        line.cells[NoteColumn] = entry.allow ? tr("first match: allows") : tr("first match: denies");
                    // "100 allow tcp 22 from 10.0.0.0/8 — first match"
                    line.line = tr("%1 %2 %3 %4", "rule number, action, what, peer")
                                    .arg(line.cells[RuleColumn], line.cells[ActionColumn],
                                         coverText(line.cells[ProtocolColumn], line.cells[PortsColumn]),
                                         peerClause(entry.egress, line.cells[PeerColumn]));
                    if (line.deciding)
                        line.line += tr(" — first match");
                    layer.rules.push_back(std::move(line));
                }
            } else if (result.evaluated && result.isSecurityGroup() && result.eni) {
                for (const QString &groupId : result.eni->groupIds) {
                    const SecurityGroup *group = findById(explanation->config->securityGroups, groupId);
                    if (!group) {
                        Line missing;
                        missing.cells = {groupId, QString(), QString(), QString(), QString(), tr("not in the snapshot")};
                        missing.group = true;
                        missing.line = tr("%1: not in the snapshot").arg(groupId);
                        layer.rules.push_back(std::move(missing));
                        continue;
                    }
                    const QString groupText = group->name.isEmpty() ? group->id : tr("%1 (%2)").arg(group->id, group->name);
                    // The group on a line of its own, whole: its rules under it need not repeat it.
                    Line heading;
                    heading.cells = {groupText, QString(), QString(), QString(), QString(), QString()};
                    heading.group = true;
                    heading.line = groupText;
                    heading.tooltip = groupText;
                    layer.rules.push_back(std::move(heading));
                    const std::size_t headingAt = layer.rules.size() - 1;
                    bool any = false;
                    for (const SgRule &rule : group->rules) {
                        if (rule.egress != result.egress())
                            continue;
                        any = true;
                        Line line;
                        // Group rules only ever allow; the rule id goes to the tooltip to keep the column narrow.
                        line.cells = {group->id, tr("allow"), protocolName(rule.protocol), portsText(rule.protocol, rule.ports),
                                      rule.peerText(), QString()};
                        QStringList about{groupText};
                        if (!rule.ruleId.isEmpty())
                            about << rule.ruleId;
                        if (!rule.description.isEmpty())
                            about << rule.description;
                        line.tooltip = about.join(QStringLiteral(", "));
                        line.deciding = &rule == result.groups.rule;
                        line.inGroup = true;
                        // "allow tcp 3389 from 10.0.0.0/16"
                        line.line = tr("%1 %2 %3", "action, what, peer")
                                        .arg(line.cells[ActionColumn], coverText(line.cells[ProtocolColumn], line.cells[PortsColumn]),
                                             peerClause(rule.egress, line.cells[PeerColumn]));
                        if (line.deciding) {
                            line.cells[NoteColumn] = tr("admits the flow");
                            line.line += tr(" — admits the flow");
                        }
                        for (const SgNearMiss &miss : result.groups.nearMisses)
                            if (miss.rule == &rule) {
                                line.nearMiss = true;
                                line.cells[NoteColumn] = tr("near miss");
                                line.tooltip = tr("near miss: %1").arg(miss.what) + u'\n' + line.tooltip;
                                line.line += tr(" — near miss: %1").arg(miss.what);
                            }
                        layer.rules.push_back(std::move(line));
                    }
                    if (!any) {
                        Line &empty = layer.rules[headingAt];
                        empty.cells[NoteColumn] = result.egress() ? tr("no outbound rules") : tr("no inbound rules");
                        empty.line = tr("%1: %2").arg(groupText, empty.cells[NoteColumn]);
                    }
                }
            }
            m_layers.push_back(std::move(layer));
        }
    }
    endResetModel();
}

QModelIndex ExplanationRulesModel::decidingRule() const
{
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        if (!m_layers[l].line.blocking)
            continue;
        for (std::size_t r = 0; r < m_layers[l].rules.size(); ++r)
            if (m_layers[l].rules[r].deciding)
                return index(int(r), 0, index(int(l), 0));
        return index(int(l), 0); // a group denies without a rule: the layer itself
    }
    return {};
}

QModelIndex ExplanationRulesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    // Layers have internal id 0; a rule the number of its layer plus one.
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : quintptr(0));
}

QModelIndex ExplanationRulesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ExplanationRulesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_layers.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return static_cast<int>(m_layers.at(std::size_t(parent.row())).rules.size());
}

int ExplanationRulesModel::columnCount(const QModelIndex &) const { return ColumnCount; }

const ExplanationRulesModel::Line *ExplanationRulesModel::lineAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == 0)
        return &m_layers.at(std::size_t(index.row())).line;
    return &m_layers.at(std::size_t(index.internalId() - 1)).rules.at(std::size_t(index.row()));
}

QVariant ExplanationRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Line *line = lineAt(index);
    switch (role) {
    case Qt::DisplayRole: return line->cells.value(index.column());
    case Qt::ToolTipRole: {
        // The note too: a narrow view may hide its column.
        QStringList tip;
        if (!line->cells.value(NoteColumn).isEmpty() && !line->tooltip.startsWith(line->cells.value(NoteColumn)))
            tip << line->cells.value(NoteColumn);
        if (!line->tooltip.isEmpty())
            tip << line->tooltip;
        return tip.isEmpty() ? QVariant() : QVariant(tip.join(u'\n'));
    }
    case DecidingRole: return line->deciding;
    case NearMissRole: return line->nearMiss;
    case BlockingRole: return line->blocking;
    case LineRole: return line->line.isEmpty() ? line->cells.value(RuleColumn) : line->line;
    case GroupRole: return line->group;
    case InGroupRole: return line->inGroup;
    default: return {};
    }
}

QVariant ExplanationRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RuleColumn: return tr("Rule");
    case ActionColumn: return tr("Rule action");
    case ProtocolColumn: return tr("Protocol");
    case PortsColumn: return tr("Ports");
    case PeerColumn: return tr("Peer");
    case NoteColumn: return tr("Note");
    }
    return {};
}

} // namespace flowscope
