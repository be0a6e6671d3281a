// SPDX-License-Identifier: GPL-3.0-or-later
#include "route_evaluator.h"

#include <QCoreApplication>

namespace flowscope::explain {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("flowscope::explain::RouteEvaluator", text); }

const RouteTable *tableOf(const ConfigSnapshot &snapshot, const QString &subnetId, const QString &vpcId, bool &viaMain)
{
    for (const auto &[id, table] : snapshot.routeTables)
        if (table.subnetIds.contains(subnetId)) {
            viaMain = false;
            return &table;
        }
    for (const auto &[id, table] : snapshot.routeTables)
        if (table.isMain && table.vpcId == vpcId) {
            viaMain = true;
            return &table;
        }
    return nullptr;
}

QString targetText(const RouteDecision &d)
{
    const QString target = d.route->target;
    switch (d.kind) {
    case RouteTargetKind::Local: return tr("the VPC itself (local)");
    case RouteTargetKind::InternetGateway: return tr("internet gateway %1").arg(target);
    case RouteTargetKind::NatGateway: return tr("NAT gateway %1").arg(target);
    case RouteTargetKind::TransitGateway: return tr("transit gateway %1").arg(target);
    case RouteTargetKind::Peering: return tr("peering connection %1").arg(target);
    case RouteTargetKind::Endpoint: return tr("VPC endpoint %1").arg(target);
    case RouteTargetKind::EgressOnlyInternetGateway: return tr("egress-only internet gateway %1").arg(target);
    case RouteTargetKind::VirtualPrivateGateway: return tr("virtual private gateway %1").arg(target);
    case RouteTargetKind::NetworkInterface: return tr("network interface %1").arg(target);
    case RouteTargetKind::Instance: return tr("instance %1").arg(target);
    default: return target;
    }
}

void explain(RouteDecision &d, const QString &destination)
{
    const QString table = d.table ? d.table->id + (d.viaMainTable ? tr(" (the VPC's main table)") : QString()) : QString();
    switch (d.outcome) {
    case RouteOutcome::NoRoute:
        d.explanation = tr("route table %1 has no route to %2").arg(table, destination);
        break;
    case RouteOutcome::Blackhole:
        d.explanation = tr("route table %1 sends %2 by %3 to %4, which no longer exists (blackhole)")
                            .arg(table, destination, d.route->destination, d.route->target);
        break;
    case RouteOutcome::Routed:
        d.explanation = tr("route table %1 sends %2 by %3 to %4").arg(table, destination, d.route->destination, targetText(d));
        if (d.kind == RouteTargetKind::InternetGateway && d.sourceHasPublicAddress == false)
            d.explanation += tr("; the source has no public address, so the internet gateway cannot carry its traffic");
        break;
    case RouteOutcome::Inconclusive:
        d.explanation = d.reason;
        break;
    }
}

} // namespace

QString routeTargetKindName(RouteTargetKind kind)
{
    switch (kind) {
    case RouteTargetKind::Local: return QStringLiteral("local");
    case RouteTargetKind::InternetGateway: return QStringLiteral("internet-gateway");
    case RouteTargetKind::NatGateway: return QStringLiteral("nat-gateway");
    case RouteTargetKind::TransitGateway: return QStringLiteral("transit-gateway");
    case RouteTargetKind::Peering: return QStringLiteral("peering");
    case RouteTargetKind::Endpoint: return QStringLiteral("endpoint");
    case RouteTargetKind::EgressOnlyInternetGateway: return QStringLiteral("egress-only-internet-gateway");
    case RouteTargetKind::VirtualPrivateGateway: return QStringLiteral("virtual-private-gateway");
    case RouteTargetKind::NetworkInterface: return QStringLiteral("network-interface");
    case RouteTargetKind::Instance: return QStringLiteral("instance");
    case RouteTargetKind::LocalGateway: return QStringLiteral("local-gateway");
    case RouteTargetKind::CarrierGateway: return QStringLiteral("carrier-gateway");
    case RouteTargetKind::Other: return QStringLiteral("other");
    case RouteTargetKind::Blackhole: return QStringLiteral("blackhole");
    case RouteTargetKind::NoRoute: return QStringLiteral("no-route");
    }
    return QStringLiteral("other");
}

RouteTargetKind routeTargetKindOf(const QString &target)
{
    if (target == u"local")
        return RouteTargetKind::Local;
    const std::pair<const char *, RouteTargetKind> prefixes[] = {
        {"igw-", RouteTargetKind::InternetGateway},  {"nat-", RouteTargetKind::NatGateway},
        {"tgw-", RouteTargetKind::TransitGateway},   {"pcx-", RouteTargetKind::Peering},
        {"vpce-", RouteTargetKind::Endpoint},        {"eigw-", RouteTargetKind::EgressOnlyInternetGateway},
        {"vgw-", RouteTargetKind::VirtualPrivateGateway}, {"eni-", RouteTargetKind::NetworkInterface},
        {"i-", RouteTargetKind::Instance},           {"lgw-", RouteTargetKind::LocalGateway},
        {"cagw-", RouteTargetKind::CarrierGateway},
    };
    for (const auto &[prefix, kind] : prefixes)
        if (target.startsWith(QLatin1String(prefix)))
            return kind;
    return RouteTargetKind::Other;
}

RouteDecision evaluateRoute(const ConfigSnapshot &snapshot, const NetworkInterface &source, const IpAddress &destination)
{
    RouteDecision decision = evaluateRoute(snapshot, source.subnetId, source.vpcId, destination);
    if (decision.outcome == RouteOutcome::Routed && decision.kind == RouteTargetKind::InternetGateway) {
        // IPv6 addresses of a VPC are global; IPv4 needs a public or Elastic IP.
        decision.sourceHasPublicAddress = destination.v6 ? !source.ipv6.empty() : !source.publicIps.isEmpty();
        if (!*decision.sourceHasPublicAddress)
            decision.code = QStringLiteral("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
        explain(decision, destination.toString());
    }
    return decision;
}

RouteDecision evaluateRoute(const ConfigSnapshot &snapshot, const QString &subnetId, const QString &vpcId,
                            const IpAddress &destination)
{
    RouteDecision d;
    const Subnet *subnet = findById(snapshot.subnets, subnetId);
    const QString vpc = subnet && !subnet->vpcId.isEmpty() ? subnet->vpcId : vpcId;
    d.table = tableOf(snapshot, subnetId, vpc, d.viaMainTable);
    if (!d.table) {
        d.reason = tr("the snapshot holds no route table of subnet %1 (none associated, no main table of %2)").arg(subnetId, vpc);
        explain(d, destination.toString());
        return d;
    }
    int bestPrefix = -1;
    bool bestIsList = false;
    QStringList unresolved;
    const auto consider = [&](const Route &route, const IpCidr &cidr, bool isList) {
        if (!cidr.contains(destination))
            return;
        // Longer prefix wins; on a tie the CIDR route is preferred to the prefix list's.
        if (cidr.prefix > bestPrefix || (cidr.prefix == bestPrefix && bestIsList && !isList)) {
            bestPrefix = cidr.prefix;
            bestIsList = isList;
            d.route = &route;
            d.matched = cidr.toString();
        }
    };
    for (const Route &route : d.table->routes) {
        if (route.destination.startsWith(u"pl-")) {
            const PrefixList *list = findById(snapshot.prefixLists, route.destination);
            if (!list || !list->cidrs) {
                unresolved << route.destination;
                continue;
            }
            for (const IpCidr &cidr : *list->cidrs)
                consider(route, cidr, true);
        } else if (const auto cidr = IpCidr::parse(route.destination)) {
            consider(route, *cidr, false);
        }
    }
    const int hostPrefix = destination.v6 ? 128 : 32;
    if (!unresolved.isEmpty() && bestPrefix < hostPrefix) {
        d.reason = tr("route table %1 routes to prefix list %2, whose entries the snapshot lacks: "
                      "it may match %3 more closely")
                       .arg(d.table->id, unresolved.join(QStringLiteral(", ")), destination.toString());
        d.outcome = RouteOutcome::Inconclusive;
        d.kind = d.route ? routeTargetKindOf(d.route->target) : RouteTargetKind::NoRoute;
    } else if (!d.route) {
        d.outcome = RouteOutcome::NoRoute;
        d.kind = RouteTargetKind::NoRoute;
        d.code = QStringLiteral("NO_ROUTE_TO_DESTINATION");
    } else if (d.route->state == u"blackhole") {
        d.outcome = RouteOutcome::Blackhole;
        d.kind = RouteTargetKind::Blackhole;
        d.code = QStringLiteral("BAD_STATE_ROUTE"); // the route's target is gone
    } else {
        d.outcome = RouteOutcome::Routed;
        d.kind = routeTargetKindOf(d.route->target);
    }
    explain(d, destination.toString());
    return d;
}

} // namespace flowscope::explain
