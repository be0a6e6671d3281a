// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Links a case's CloudTrail events to what its flow logs show: an interface
// leads to the instance the events attach it to (RunInstances,
// AttachNetworkInterface, CreateNetworkInterface with an attachment), the
// instance to who launched it and from which address, and both to the
// security groups those calls gave them, whose later changes then count as
// theirs too; the case's configuration snapshots add each interface's
// instance, groups and network ACL (snapshot_links.h). Events name ids only; an event naming an id the case's flow
// logs never show is kept and listed, linked to no interface of the case.

#include "snapshot_links.h"
#include "store/cloudtrail_event_rows.h"

#include <string>
#include <vector>

namespace flowscope {
class CaseDb;
}

namespace flowscope::cloudtrail {

struct TrailQuery {
    enum class Kind { All, Interface, Instance, SecurityGroup };
    Kind kind = Kind::All;
    std::string id; // eni-, i- or sg- id; empty for All
};

struct TrailEvent {
    CloudTrailEventRow row;
    // The case's interfaces (ENIs its flow logs show) the event touches,
    // directly, through their instance, or through their security groups or
    // network ACL.
    std::vector<std::string> caseInterfaces;
};

struct InstanceLaunch {
    std::string instance;
    std::vector<std::string> interfaces; // the launch's interfaces
    std::int64_t time = 0;
    std::string principal, sourceIp, userAgent, eventId;
};

struct Trail {
    std::vector<std::string> instances;      // of the interface asked about (or the instance itself)
    std::vector<std::string> interfaces;     // of the instance asked about (or the interface itself)
    std::vector<std::string> securityGroups; // the events or the snapshots gave them
    std::vector<InstanceLaunch> launches;    // of those instances
    std::vector<TrailEvent> events;          // linked to the query, in time order
};

Trail traceCloudTrail(CaseDb &caseDb, const TrailQuery &query);

// The ENIs the case's flow logs show, sorted.
std::vector<std::string> caseInterfaceIds(CaseDb &caseDb);

} // namespace flowscope::cloudtrail
