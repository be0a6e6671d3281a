// SPDX-License-Identifier: GPL-3.0-or-later
#include "unlogged_traffic.h"

#include "filter_values.h"

#include <algorithm>
#include <type_traits>

namespace flowscope {
namespace {

constexpr std::uint64_t kMaxNamedPorts = 16;
constexpr std::uint32_t kMaxNamedAddresses = 256;

bool contains(const AddressRange &range, const IpAddress &address)
{
    return range.lo.family == address.family && !addressLess(address, range.lo) && !addressLess(range.hi, address);
}

// At most kMaxNamedAddresses: a host, or a block no wider than a /24 (/120).
bool isNarrow(const AddressRange &range)
{
    if (range.lo.isV4())
        return range.hi.v4() - range.lo.v4() < kMaxNamedAddresses;
    return std::equal(range.lo.bytes.begin(), range.lo.bytes.begin() + 15, range.hi.bytes.begin());
}

IpAddress v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
{
    return IpAddress::fromV4((std::uint32_t(a) << 24) | (std::uint32_t(b) << 16) | (std::uint32_t(c) << 8) | d);
}

IpAddress plus(IpAddress address, int steps)
{
    for (int i = 0; i < steps; ++i)
        nextAddress(address, address);
    return address;
}

bool isPortTarget(const FilterTarget &target)
{
    return target.kind == FilterTargetKind::AnyPort
        || (target.kind == FilterTargetKind::Field
            && (target.field == Field::SrcPort || target.field == Field::DstPort));
}

bool isAddressTarget(const FilterTarget &target)
{
    return target.kind == FilterTargetKind::AnyAddress
        || (target.kind == FilterTargetKind::Field && fieldInfo(target.field).kind == FieldKind::Address);
}

// What the filter asks for, outside `not`.
struct Mentions {
    std::vector<AddressRange> addresses;
    std::vector<IntegerRange> ports;
    std::vector<std::string> interfaces;
};

void collect(const FilterNode &node, bool positive, Mentions &out)
{
    std::visit(
        [&](const auto &n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, OrNode> || std::is_same_v<T, AndNode>) {
                for (const FilterNodePtr &child : n.children)
                    collect(*child, positive, out);
            } else if constexpr (std::is_same_v<T, NotNode>) {
                collect(*n.child, !positive, out);
            } else if constexpr (std::is_same_v<T, CompareNode>) {
                if (!positive || n.op != CompareOp::Eq)
                    return;
                if (isAddressTarget(n.target) && n.value.kind == ValueKind::Address && isNarrow(n.value.address))
                    out.addresses.push_back(n.value.address);
                else if (isPortTarget(n.target) && n.value.kind == ValueKind::Integer)
                    out.ports.push_back({n.value.integer, n.value.integer});
                else if (n.target.kind == FilterTargetKind::Field && n.target.field == Field::InterfaceId
                         && n.value.kind == ValueKind::Text)
                    out.interfaces.push_back(n.value.text);
            } else if constexpr (std::is_same_v<T, InSetNode>) {
                if (!positive)
                    return;
                if (isAddressTarget(n.target))
                    for (const AddressRange &range : n.addresses)
                        if (isNarrow(range))
                            out.addresses.push_back(range);
                if (isPortTarget(n.target))
                    for (const IntegerRange &range : n.integers)
                        if (range.hi - range.lo < kMaxNamedPorts)
                            out.ports.push_back(range);
            }
        },
        node.node);
}

class Finder {
public:
    explicit Finder(const Mentions &mentions)
        : m_mentions(mentions)
    {
    }

    void address(const IpAddress &address, UnloggedTrafficKind kind)
    {
        for (const AddressRange &range : m_mentions.addresses)
            if (contains(range, address))
                add(kind, address.toString());
    }

    void port(std::uint64_t port, const std::string &name, UnloggedTrafficKind kind)
    {
        for (const IntegerRange &range : m_mentions.ports)
            if (port >= range.lo && port <= range.hi)
                add(kind, name);
    }

    void interface(const UnloggedTrafficContext::Interface &interface, UnloggedTrafficKind kind)
    {
        if (std::find(m_mentions.interfaces.begin(), m_mentions.interfaces.end(), interface.id)
            != m_mentions.interfaces.end())
            add(kind, interface.id);
        for (const IpAddress &a : interface.addresses)
            address(a, kind);
    }

    std::vector<UnloggedTraffic> found;

private:
    void add(UnloggedTrafficKind kind, std::string named)
    {
        UnloggedTraffic traffic{kind, std::move(named)};
        if (std::find(found.begin(), found.end(), traffic) == found.end())
            found.push_back(std::move(traffic));
    }

    const Mentions &m_mentions;
};

} // namespace

std::vector<UnloggedTraffic> unloggedTrafficNamedBy(const FilterNode &filter, const UnloggedTrafficContext &context)
{
    Mentions mentions;
    collect(filter, true, mentions);
    Finder finder(mentions);
    using K = UnloggedTrafficKind;
    for (const AddressRange &cidr : context.vpcCidrs) {
        finder.address(plus(cidr.lo, 2), K::AmazonDns);
        finder.address(plus(cidr.lo, 1), K::VpcRouter);
    }
    finder.address(v4(169, 254, 169, 253), K::AmazonDns);
    finder.address(v4(169, 254, 169, 254), K::InstanceMetadata);
    finder.address(v4(169, 254, 169, 123), K::TimeSync);
    finder.address(v4(169, 254, 169, 250), K::WindowsActivation);
    finder.address(v4(169, 254, 169, 251), K::WindowsActivation);
    finder.port(67, "port 67", K::Dhcp);
    finder.port(68, "port 68", K::Dhcp);
    finder.port(4789, "port 4789", K::MirroredTraffic);
    for (const auto &interface : context.endpointInterfaces)
        finder.interface(interface, K::EndpointToLoadBalancer);
    for (const auto &interface : context.loadBalancerInterfaces)
        finder.interface(interface, K::EndpointToLoadBalancer);
    return finder.found;
}

std::string unloggedTrafficLabel(UnloggedTrafficKind kind)
{
    switch (kind) {
    case UnloggedTrafficKind::AmazonDns: return "the Amazon DNS resolver";
    case UnloggedTrafficKind::InstanceMetadata: return "the instance metadata service";
    case UnloggedTrafficKind::TimeSync: return "the Amazon Time Sync Service";
    case UnloggedTrafficKind::Dhcp: return "DHCP";
    case UnloggedTrafficKind::WindowsActivation: return "Windows licence activation";
    case UnloggedTrafficKind::VpcRouter: return "the VPC router's reserved address";
    case UnloggedTrafficKind::MirroredTraffic: return "traffic mirroring's VXLAN copies";
    case UnloggedTrafficKind::EndpointToLoadBalancer:
        return "traffic between an interface endpoint and a Network Load Balancer";
    }
    return {};
}

std::string unloggedTrafficNote(const std::vector<UnloggedTraffic> &traffic)
{
    if (traffic.empty())
        return {};
    // One label per kind, with every name the filter gave for it.
    std::vector<std::pair<UnloggedTrafficKind, std::string>> parts;
    for (const UnloggedTraffic &t : traffic) {
        auto it = std::find_if(parts.begin(), parts.end(), [&](const auto &p) { return p.first == t.kind; });
        if (it == parts.end())
            parts.emplace_back(t.kind, t.named);
        else
            it->second += ", " + t.named;
    }
    std::string note = "Flow logs never record ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            note += i + 1 == parts.size() ? " or " : ", ";
        note += unloggedTrafficLabel(parts[i].first) + " (" + parts[i].second + ")";
    }
    return note + ": no records here does not mean it did not happen.";
}

} // namespace flowscope
