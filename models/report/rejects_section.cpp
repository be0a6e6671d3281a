// SPDX-License-Identifier: GPL-3.0-or-later
#include "rejects_section.h"

#include "report_canvas.h"

#include "explain/scanning_sources.h"
#include "explain/snapshot_store.h"
#include "explain/verdict_label.h"

#include <QCoreApplication>
#include <QLocale>

#include <map>
#include <tuple>
#include <utility>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RejectsSection", text);
}

// A scan makes a group per port: a rule's largest groups tell its story, the
// rest are summed on one line (the CSV export lists every group).
constexpr std::size_t kGroupsPerRule = 8;

QString portOf(const explain::RejectGroup &group)
{
    const QString protocol = group.protocol == 6 ? QStringLiteral("tcp")
        : group.protocol == 17                   ? QStringLiteral("udp")
        : group.protocol == 1                    ? QStringLiteral("icmp")
                                                 : QString::number(group.protocol);
    return group.servicePort > 0 ? QStringLiteral("%1/%2").arg(protocol).arg(group.servicePort) : protocol;
}

// A scan's rejects under what the scan did, the others under the component
// and rule that denied them (a security group denies without a rule).
QString headingOf(const std::tuple<QString, QString, QString> &key)
{
    const auto &[scan, component, rule] = key;
    if (!scan.isEmpty())
        return tr("Scan: %1, rejected").arg(scan);
    const QString denied = component.isEmpty() ? tr("Component not named by the records or a snapshot") : component;
    return rule.isEmpty() ? denied : tr("%1, rule %2").arg(denied, rule);
}

} // namespace

RejectsSection::RejectsSection(CaseDb &caseDb, const CaseFilter &filter, const std::function<bool()> &cancelled)
{
    explain::SnapshotTimeline snapshots = explain::loadSnapshotTimeline(caseDb);
    m_withSnapshots = !snapshots.isEmpty();
    explain::RejectExplainer explainer(caseDb, std::move(snapshots));
    m_groups = explainer.groupRejects(filter, cancelled);
}

QString RejectsSection::title() const
{
    return tr("Reject explanations");
}

void RejectsSection::render(ReportCanvas &canvas) const
{
    const QLocale locale = QLocale::system();
    canvas.paragraph(tr("%1 REJECT records in %2 groups, explained %3.")
                         .arg(locale.toString(qlonglong(m_groups.rejects)))
                         .arg(m_groups.groups.size())
                         .arg(m_withSnapshots ? tr("against the configuration snapshot in force at each record's time")
                                              : tr("from the flow records alone (the case holds no snapshot)")));
    if (m_groups.groups.empty())
        return;
    // Under each scan, or each component and rule, its groups largest first
    // (the order they come in).
    using Key = std::tuple<QString, QString, QString>; // scan summary, component, rule
    std::map<Key, std::vector<const explain::RejectGroup *>> byRule;
    std::vector<Key> order;
    for (const explain::RejectGroup &group : m_groups.groups) {
        const Key key{group.scan ? group.scan->summary() : QString(), group.component, group.rule};
        if (!byRule.count(key))
            order.push_back(key);
        byRule[key].push_back(&group);
    }
    for (const auto &key : order) {
        canvas.subheading(headingOf(key));
        ReportTable table;
        table.headers = {tr("Verdict"), tr("Interface"), tr("Service"), tr("Records"), tr("Replies"), tr("Basis")};
        table.numericColumns = {3, 4};
        const auto &groups = byRule[key];
        std::int64_t restRecords = 0, restReplies = 0;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const explain::RejectGroup &group = *groups[i];
            if (i >= kGroupsPerRule) {
                restRecords += group.count;
                restReplies += group.replies;
                continue;
            }
            table.rows.push_back({explain::recordVerdictLabel(group.verdict), group.interfaceId, portOf(group),
                                  locale.toString(qlonglong(group.count)), locale.toString(qlonglong(group.replies)),
                                  explain::basisLabel(group.basis)});
        }
        if (groups.size() > kGroupsPerRule)
            table.rows.push_back({QCoreApplication::translate("RejectsSection", "%n more group(s)", nullptr,
                                                              int(groups.size() - kGroupsPerRule)),
                                  QString(), QString(), locale.toString(qlonglong(restRecords)),
                                  locale.toString(qlonglong(restReplies)), QString()});
        canvas.table(table);
    }
}

} // namespace flowscope::report
