// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flow to explain, as a flow-log record describes it, and the packet the
// rules see (pkt-* addresses when logged: srcaddr/dstaddr show the primary
// address when the packet used a secondary or foreign one).

#include "ip_address.h"

#include <QString>

#include <optional>

namespace flowscope::explain {

enum class FlowDirection { Ingress, Egress }; // relative to the interface that logged it
enum class FlowRole { Request, Reply };

struct ExplainFlow {
    QString srcAddr;
    QString dstAddr;
    QString pktSrcAddr; // empty when not logged
    QString pktDstAddr;
    int srcPort = 0;
    int dstPort = 0;
    int protocol = 6;
    std::optional<int> icmpType; // never in flow logs; known only from elsewhere
    std::optional<int> icmpCode;
    QString interfaceId;
    FlowDirection direction = FlowDirection::Ingress;
    FlowRole role = FlowRole::Request;
    bool rejectedByBlockPublicAccess = false; // reject-reason = BPA
    bool withText = true; // false: the verdict and the blocking layers only, no sentences (grouping needs none)
};

struct Packet {
    IpAddress src;
    IpAddress dst;
    int protocol = 6;
    int srcPort = 0;
    int dstPort = 0;
    std::optional<int> icmpType;
    std::optional<int> icmpCode;

    Packet reversed() const { return {dst, src, protocol, dstPort, srcPort, icmpType, icmpCode}; }
    bool isIcmp() const { return protocol == 1 || protocol == 58; }
};

// Three-valued match: a rule on ICMP type when the type is not logged, or a
// reference the snapshot cannot resolve, neither matches nor fails to.
enum class Match { No, Yes, Unknown };

} // namespace flowscope::explain
