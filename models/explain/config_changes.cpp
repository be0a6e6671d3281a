// SPDX-License-Identifier: GPL-3.0-or-later
#include "config_changes.h"

#include "record_explanation.h"
#include "store/case_db.h"
#include "store/cloudtrail_event_rows.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <iterator>
#include <string_view>

namespace flowscope::explain {

namespace {

constexpr std::array<std::string_view, 7> kRuleChanges{
    "CreateNetworkAclEntry",          "ReplaceNetworkAclEntry",        "DeleteNetworkAclEntry",
    "AuthorizeSecurityGroupIngress",  "AuthorizeSecurityGroupEgress",  "RevokeSecurityGroupIngress",
    "RevokeSecurityGroupEgress",
};
constexpr std::string_view kModifyInterface = "ModifyNetworkInterfaceAttribute";

bool changesComponent(const std::string &id)
{
    return id.starts_with("sg-") || id.starts_with("acl-") || id.starts_with("eni-");
}

} // namespace

QString ConfigChange::text() const
{
    return QStringLiteral("changed at %1 UTC by %2: %3")
        .arg(QDateTime::fromSecsSinceEpoch(time, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             principal.isEmpty() ? QStringLiteral("an unknown principal") : principal, eventName);
}

bool isConfigChangeEvent(const std::string &eventName)
{
    return eventName == kModifyInterface
        || std::find(kRuleChanges.begin(), kRuleChanges.end(), eventName) != kRuleChanges.end();
}

ConfigChangeIndex ConfigChangeIndex::load(CaseDb &caseDb)
{
    if (!hasCloudTrailTable(caseDb.handle()))
        return {};
    return fromEvents(readCloudTrailEvents(caseDb.handle()));
}

ConfigChangeIndex ConfigChangeIndex::fromEvents(const std::vector<CloudTrailEventRow> &events)
{
    ConfigChangeIndex index;
    for (const CloudTrailEventRow &event : events)
        index.add(event);
    for (auto &[component, changes] : index.m_byComponent)
        std::stable_sort(changes.begin(), changes.end(),
                         [](const ConfigChange &a, const ConfigChange &b) { return a.time < b.time; });
    return index;
}

void ConfigChangeIndex::add(const CloudTrailEventRow &event)
{
    if (!event.errorCode.empty() || !isConfigChangeEvent(event.eventName))
        return;
    // An interface's attribute call changes its groups only with a group set
    // (else its description, source/dest check...).
    if (event.eventName == kModifyInterface && event.request.find("\"groupSet\"") == std::string::npos
        && event.request.find("\"groups\"") == std::string::npos)
        return;
    for (const std::string &id : event.resources) {
        if (!changesComponent(id))
            continue;
        ConfigChange change;
        change.time = event.time;
        change.eventName = QString::fromStdString(event.eventName);
        change.principal = QString::fromStdString(event.principal);
        change.component = QString::fromStdString(id);
        change.eventId = QString::fromStdString(event.eventId);
        m_byComponent[change.component].push_back(std::move(change));
    }
}

std::optional<ConfigChange> ConfigChangeIndex::latestBefore(const RecordExplanation &explanation, std::int64_t before) const
{
    if (m_byComponent.empty())
        return std::nullopt;
    QStringList named = explanation.deniedGroups();
    named << explanation.component << explanation.interfaceId;
    for (const ExplainedBlock &block : explanation.blocking)
        named << block.component;
    std::optional<ConfigChange> latest;
    for (const QString &component : named) {
        const auto it = component.isEmpty() ? m_byComponent.end() : m_byComponent.find(component);
        if (it == m_byComponent.end())
            continue;
        const auto after = std::upper_bound(it->second.begin(), it->second.end(), before,
                                            [](std::int64_t t, const ConfigChange &c) { return t < c.time; });
        if (after == it->second.begin())
            continue;
        const ConfigChange &candidate = *std::prev(after);
        if (!latest || candidate.time > latest->time)
            latest = candidate;
    }
    return latest;
}

} // namespace flowscope::explain
