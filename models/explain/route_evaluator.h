// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a subnet's route table does with a destination: the table (the
// subnet's explicit association, else its VPC's main table), the longest
// prefix match over CIDR routes and the routes to prefix lists whose entries
// the snapshot holds (a CIDR route wins a tie), and the kind of target. For
// requests that were never answered: flow logs do not record routing, so this
// is said only from a snapshot. The result points into the snapshot.

#include "config_snapshot.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace flowscope::explain {

enum class RouteTargetKind {
    Local,
    InternetGateway,
    NatGateway,
    TransitGateway,
    Peering,
    Endpoint,
    EgressOnlyInternetGateway,
    VirtualPrivateGateway,
    NetworkInterface, // an appliance or NAT instance
    Instance,
    LocalGateway,
    CarrierGateway,
    Other,
    Blackhole, // a route whose target is gone
    NoRoute,
};
QString routeTargetKindName(RouteTargetKind kind); // "internet-gateway", "no-route", ...
RouteTargetKind routeTargetKindOf(const QString &target);

enum class RouteOutcome {
    Routed,
    Blackhole,
    NoRoute,      // Reachability Analyzer's NO_ROUTE_TO_DESTINATION
    Inconclusive, // no table, or a route to a prefix list whose entries are unknown might match more closely
};

struct RouteDecision {
    RouteOutcome outcome = RouteOutcome::Inconclusive;
    RouteTargetKind kind = RouteTargetKind::NoRoute;
    const RouteTable *table = nullptr;
    bool viaMainTable = false; // the subnet has no table of its own
    const Route *route = nullptr;
    QString matched;                         // the CIDR that matched (a prefix list's entry for a list route)
    // Reachability Analyzer's explanation code: NO_ROUTE_TO_DESTINATION (no route matches),
    // BAD_STATE_ROUTE (a blackhole), IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS (an internet
    // gateway for a source without a public address); empty when the route carries the traffic.
    QString code;
    std::optional<bool> sourceHasPublicAddress; // for an internet gateway route from a known interface
    QString reason;                          // why inconclusive
    QString explanation;                     // one sentence
};

// From the subnet of an interface, which tells whether it has a public address.
RouteDecision evaluateRoute(const ConfigSnapshot &snapshot, const NetworkInterface &source, const IpAddress &destination);
// From a subnet (its VPC from the snapshot, else vpcId).
RouteDecision evaluateRoute(const ConfigSnapshot &snapshot, const QString &subnetId, const QString &vpcId,
                            const IpAddress &destination);

} // namespace flowscope::explain
