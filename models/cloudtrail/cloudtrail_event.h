// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One CloudTrail event as Flowscope keeps it: the EC2 calls that change
// what the flow logs show (instances and their interfaces, security groups,
// network ACLs, routes, flow logs), with who made them, from where, and the
// resource ids they name, nested ones included (RunInstances names its
// interfaces under responseElements.instancesSet.items[].networkInterfaceSet).

#include "store/cloudtrail_event_rows.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <string_view>

namespace flowscope::cloudtrail {

// Whether an event of that source and name touches network things.
bool isNetworkEvent(std::string_view eventSource, std::string_view eventName);

// The severity an event starts with on the incident timeline (as
// incident::Severity stores it): changes that open or widen access are
// medium, launches and interface changes low, the rest info.
int initialSeverity(std::string_view eventName);

enum class EventVerdict { Network, Skipped, Bad };

struct ParsedEvent {
    EventVerdict verdict = EventVerdict::Bad;
    CloudTrailEventRow row; // Network: filled but for file, sha256 and item
    std::string error;      // Bad: why
};

ParsedEvent parseCloudTrailEvent(const QJsonValue &value);

// Resource ids anywhere under a JSON value: eni-, i-, sg- and acl- ids.
void collectResourceIds(const QJsonValue &value, std::vector<std::string> &ids);
// (ENI, instance) pairs: every networkInterfaceId under an object that has
// an instanceId, with that instance.
void collectAttachments(const QJsonValue &value, std::vector<std::pair<std::string, std::string>> &pairs);

} // namespace flowscope::cloudtrail
