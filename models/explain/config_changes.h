// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case's CloudTrail events that change what a reject's explanation
// names: network ACL entries created, replaced or deleted, security group
// rules authorized or revoked, and an interface's groups replaced
// (ModifyNetworkInterfaceAttribute with a group set). A reject is shown
// beside the latest such change, made before the reject's end, to a group,
// ACL or interface its explanation names: "changed at T by PRINCIPAL:
// EVENT". Failed calls (an error code) changed nothing and are left out.

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
struct CloudTrailEventRow;
} // namespace flowscope

namespace flowscope::explain {

struct RecordExplanation;

struct ConfigChange {
    std::int64_t time = 0; // epoch seconds
    QString eventName;     // "ReplaceNetworkAclEntry"
    QString principal;     // the caller's ARN
    QString component;     // the sg-, acl- or eni- id changed that the explanation names
    QString eventId;       // CloudTrail's eventID
    // "changed at 2026-03-10 02:10:00 UTC by PRINCIPAL: EVENT"
    QString text() const;
};

// Whether CloudTrail's eventName changes a group, an ACL or an interface's groups.
bool isConfigChangeEvent(const std::string &eventName);

class ConfigChangeIndex {
public:
    ConfigChangeIndex() = default;
    // The case's changing events (none without CloudTrail). Throws
    // StoreError when the case cannot be read.
    static ConfigChangeIndex load(CaseDb &caseDb);
    // From events already read (tests, a case's stored rows).
    static ConfigChangeIndex fromEvents(const std::vector<CloudTrailEventRow> &events);

    bool empty() const { return m_byComponent.empty(); }
    // The latest change to a component `explanation` names (its blocking
    // components, denied groups and interface) at or before `before`.
    std::optional<ConfigChange> latestBefore(const RecordExplanation &explanation, std::int64_t before) const;

private:
    void add(const CloudTrailEventRow &event);

    // By component id, in time order.
    std::map<QString, std::vector<ConfigChange>> m_byComponent;
};

} // namespace flowscope::explain
