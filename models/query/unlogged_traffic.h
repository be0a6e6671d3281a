// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Traffic that VPC Flow Logs never record: the Amazon DNS resolver (the VPC's
// base address plus two, or 169.254.169.253), the instance metadata service
// (169.254.169.254), the Amazon Time Sync Service (169.254.169.123), DHCP
// (ports 67 and 68), Windows licence activation (169.254.169.250 and .251),
// the VPC router's reserved address (base plus one), mirrored traffic (VXLAN,
// udp 4789, to a traffic mirror target) and the traffic between an interface
// endpoint's interface and a Network Load Balancer's. When a filter that
// names such traffic finds nothing, the analyst must hear that the absence
// proves nothing.
//
// A filter names such traffic where it asks for it, not where it excludes it
// (`not` and `!=` do not count): an address compared with ==, in a set or a
// CIDR block of at most 256 addresses holding it; a port compared with == or
// in a set range of at most 16 ports holding it; an interface compared with ==.

#include "filter_ast.h"

#include <string>
#include <vector>

namespace flowscope {

enum class UnloggedTrafficKind : std::uint8_t {
    AmazonDns,
    InstanceMetadata,
    TimeSync,
    Dhcp,
    WindowsActivation,
    VpcRouter,
    MirroredTraffic,
    EndpointToLoadBalancer,
};

// What a configuration snapshot adds: without one, only the fixed addresses
// and ports are known.
struct UnloggedTrafficContext {
    struct Interface {
        std::string id;
        std::vector<IpAddress> addresses;
    };
    std::vector<AddressRange> vpcCidrs;               // base + 1: router, base + 2: DNS
    std::vector<Interface> endpointInterfaces;        // interface VPC endpoints
    std::vector<Interface> loadBalancerInterfaces;    // Network Load Balancers
};

struct UnloggedTraffic {
    UnloggedTrafficKind kind = UnloggedTrafficKind::AmazonDns;
    std::string named; // what the filter named: "10.0.0.2", "udp 67", "eni-…"
    friend bool operator==(const UnloggedTraffic &, const UnloggedTraffic &) = default;
};

// Each kind and name once, kinds in a fixed order.
std::vector<UnloggedTraffic> unloggedTrafficNamedBy(const FilterNode &filter,
                                                    const UnloggedTrafficContext &context = {});

// "the instance metadata service"
std::string unloggedTrafficLabel(UnloggedTrafficKind kind);

// One sentence for a status bar or stderr; empty when the list is.
// "Flow logs never record the instance metadata service (169.254.169.254): no
// records here does not mean it did not happen."
std::string unloggedTrafficNote(const std::vector<UnloggedTraffic> &traffic);

} // namespace flowscope
