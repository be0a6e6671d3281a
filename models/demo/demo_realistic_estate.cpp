// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_realistic_estate.h"

#include "demo_internet.h"

#include <stdexcept>
#include <unordered_set>

namespace flowscope::demo {
namespace {

constexpr int kZones = 3;
constexpr int kTiers = 3; // public, private, data
constexpr int kPublic = 0, kPrivate = 1, kData = 2;
constexpr std::size_t kRoles = static_cast<std::size_t>(Role::Kafka) + 1;

struct VpcSpec {
    std::string_view region;
    std::string_view account;
    std::array<std::string_view, kZones> zones;
    bool dualStack;
};

// Production in two regions, staging, shared services (Windows, monitoring)
// and a data account's VPC, all connected through a transit gateway.
constexpr std::array<VpcSpec, RealisticEstate::kVpcs> kVpcSpecs{{
    {"us-east-1", kMainAccount, {"use1-az1", "use1-az2", "use1-az4"}, true},
    {"eu-west-1", kMainAccount, {"euw1-az1", "euw1-az2", "euw1-az3"}, false},
    {"us-east-1", kMainAccount, {"use1-az1", "use1-az2", "use1-az6"}, false},
    {"us-east-1", kMainAccount, {"use1-az2", "use1-az4", "use1-az6"}, false},
    {"us-east-1", kPeerAccount, {"use1-az1", "use1-az4", "use1-az5"}, false},
}};

struct RoleSpec {
    Role role;
    int count;
    int tier;
    std::uint8_t vpcs; // bit i: may live in VPC i
    bool managed;      // requester-managed: no instance id
    bool publicIpv4;
};

constexpr std::uint8_t kInternetFacing = 0b00111;
constexpr std::uint8_t kAnyVpc = 0b11111;

// 300 interfaces in all.
constexpr RoleSpec kRoleSpecs[] = {
    {Role::LoadBalancer, 12, kPublic, kInternetFacing, true, true},
    {Role::NatGateway, 6, kPublic, kInternetFacing, true, true},
    {Role::Bastion, 3, kPublic, kInternetFacing, false, true},
    {Role::Web, 36, kPrivate, kInternetFacing, false, false},
    {Role::App, 70, kPrivate, kAnyVpc, false, false},
    {Role::Worker, 54, kPrivate, kAnyVpc, false, false},
    {Role::MySql, 8, kData, kAnyVpc, false, false},
    {Role::Postgres, 8, kData, kAnyVpc, false, false},
    {Role::Redis, 6, kData, kAnyVpc, false, false},
    {Role::DomainController, 4, kPrivate, 0b01000, false, false},
    {Role::FileServer, 16, kPrivate, 0b01001, false, false},
    {Role::Monitoring, 4, kPrivate, 0b01000, false, false},
    {Role::EcrEndpoint, 15, kPrivate, kAnyVpc, true, false}, // interface VPC endpoints
    {Role::PaymentsTask, 46, kPrivate, 0b00011, true, false}, // Fargate and Lambda ENIs
    {Role::Idle, 12, kPrivate, kAnyVpc, false, false},
};

std::string hexId(std::string_view prefix, DemoRandom &random)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(prefix);
    id += '0';
    for (int i = 0; i < 16; ++i)
        id += kHex[random.below(16)];
    return id;
}

std::uint16_t group(DemoRandom &random) { return static_cast<std::uint16_t>(random.below(0x10000)); }

} // namespace

RealisticEstate::RealisticEstate(std::uint64_t seed)
{
    DemoRandom random(seed, "realistic-estate");
    addSubnets(random);
    addInterfaces(random);
    addPeers(random);
}

std::string_view RealisticEstate::keep(std::string text)
{
    m_texts.push_back(std::move(text));
    return m_texts.back();
}

void RealisticEstate::addSubnets(DemoRandom &random)
{
    for (int v = 0; v < kVpcs; ++v) {
        const VpcSpec &spec = kVpcSpecs[static_cast<std::size_t>(v)];
        m_vpcs.push_back(Vpc{keep(hexId("vpc-", random)), spec.region});
        const std::uint16_t v6Site = group(random) & 0xFF00;
        for (int tier = 0; tier < kTiers; ++tier)
            for (int zone = 0; zone < kZones; ++zone) {
                const auto third = static_cast<std::uint8_t>(tier * 16 + zone);
                std::array<std::uint16_t, 4> prefix{};
                if (spec.dualStack)
                    prefix = {0x2600, 0x1f18, 0x7a10, static_cast<std::uint16_t>(v6Site | third)};
                m_subnets.push_back(Subnet{keep(hexId("subnet-", random)), &m_vpcs.back(),
                                           spec.zones[static_cast<std::size_t>(zone)],
                                           ipv4(10, static_cast<std::uint8_t>(v), third, 0), prefix});
            }
    }
}

void RealisticEstate::addInterfaces(DemoRandom &random)
{
    m_enis.reserve(kInterfaces);
    std::vector<std::uint64_t> activity;
    std::vector<int> nextHost(m_subnets.size(), 4); // AWS keeps .0-.3 for itself
    for (const RoleSpec &spec : kRoleSpecs) {
        std::vector<int> vpcs;
        for (int v = 0; v < kVpcs; ++v)
            if (spec.vpcs & (1u << v))
                vpcs.push_back(v);
        for (int i = 0; i < spec.count; ++i) {
            const int vpc = vpcs[static_cast<std::size_t>(i) % vpcs.size()];
            const int zone = static_cast<int>(static_cast<std::size_t>(i) / vpcs.size()) % kZones;
            const auto subnetIndex = static_cast<std::size_t>((vpc * kTiers + spec.tier) * kZones + zone);
            const Subnet &subnet = m_subnets[subnetIndex];
            const int host = nextHost[subnetIndex];
            nextHost[subnetIndex] += 1 + static_cast<int>(random.below(6));
            if (nextHost[subnetIndex] > 250)
                throw std::logic_error("realistic estate: subnet full");

            Eni eni{};
            eni.name = "realistic";
            eni.role = spec.role;
            eni.delivery = Delivery::S3Text;
            eni.interfaceId = keep(hexId("eni-", random));
            eni.accountId = kVpcSpecs[static_cast<std::size_t>(vpc)].account;
            eni.instanceId = spec.managed ? std::string_view("-") : keep(hexId("i-", random));
            eni.subnet = &subnet;
            eni.address = SimAddress::v4(subnet.ipv4Base + static_cast<std::uint32_t>(host));
            const bool dualStack = (spec.role == Role::LoadBalancer || spec.role == Role::Web) && subnet.ipv6Prefix[0] != 0;
            if (dualStack) {
                const std::uint16_t a = group(random), b = group(random), c = group(random), d = group(random);
                eni.ipv6 = SimAddress::v6({subnet.ipv6Prefix[0], subnet.ipv6Prefix[1], subnet.ipv6Prefix[2],
                                           subnet.ipv6Prefix[3], a, b, c, d});
            }
            eni.hasPublicIpv4 = spec.publicIpv4;
            m_enis.push_back(eni);
            // Pareto-like: half the interfaces are quiet, a few are a hundred times busier.
            activity.push_back(random.heavyTail(1, 4096));
        }
    }
    if (m_enis.size() != kInterfaces)
        throw std::logic_error("realistic estate: interface count");
    indexInterfaces(activity);
}

void RealisticEstate::indexInterfaces(const std::vector<std::uint64_t> &activity)
{
    m_byRole.resize(kRoles);
    std::vector<std::array<std::vector<std::uint64_t>, kVpcs + 1>> weights(kRoles);
    for (std::size_t i = 0; i < m_enis.size(); ++i) {
        const Eni &eni = m_enis[i];
        const auto role = static_cast<std::size_t>(eni.role);
        for (const auto slot : {static_cast<std::size_t>(vpcIndexOf(eni)), static_cast<std::size_t>(kVpcs)}) {
            m_byRole[role][slot].enis.push_back(&eni);
            weights[role][slot].push_back(activity[i]);
        }
    }
    for (std::size_t role = 0; role < kRoles; ++role)
        for (std::size_t slot = 0; slot <= kVpcs; ++slot)
            m_byRole[role][slot].byActivity = WeightedPick(weights[role][slot]);

    const auto idle = m_byRole[static_cast<std::size_t>(Role::Idle)][kVpcs].enis;
    m_silent.assign(idle.begin(), idle.begin() + 4);
    m_overloaded = {m_byRole[static_cast<std::size_t>(Role::NatGateway)][kVpcs].enis.front(),
                    m_byRole[static_cast<std::size_t>(Role::LoadBalancer)][kVpcs].enis.front()};
}

void RealisticEstate::addPeers(DemoRandom &random)
{
    // Two thirds on premises behind the VPN, a third in a partner's VPC.
    for (std::size_t i = 0; i < kPrivatePeers; ++i) {
        const bool onPremises = i % 3 != 0;
        const auto host = static_cast<std::uint8_t>(random.between(1, 254));
        const auto third = static_cast<std::uint8_t>(random.below(256));
        m_privatePeers.push_back(SimAddress::v4(onPremises ? ipv4(10, static_cast<std::uint8_t>(200 + i % 4), third, host)
                                                           : ipv4(172, static_cast<std::uint8_t>(20 + i % 2), third, host)));
    }
    std::unordered_set<std::uint32_t> seen;
    const auto distinctPublic = [&] {
        for (;;) {
            const std::uint32_t address = Internet::publicLookingV4(random);
            if (seen.insert(address).second)
                return SimAddress::v4(address);
        }
    };
    m_internetV4.reserve(kInternetV4);
    for (std::size_t i = 0; i < kInternetV4; ++i)
        m_internetV4.push_back(distinctPublic());
    m_scanners.reserve(kScanners);
    for (std::size_t i = 0; i < kScanners; ++i)
        m_scanners.push_back(distinctPublic());
    m_internetV6.reserve(kInternetV6);
    for (std::size_t i = 0; i < kInternetV6; ++i) {
        const std::uint16_t site = static_cast<std::uint16_t>(random.below(0x4000)), a = group(random),
                            b = group(random), c = group(random), d = group(random);
        m_internetV6.push_back(SimAddress::v6({0x2001, 0x0db8, site, static_cast<std::uint16_t>(i), a, b, c, d}));
    }
    m_privatePopularity = WeightedPick::zipf(kPrivatePeers);
    m_v4Popularity = WeightedPick::zipf(kInternetV4);
    m_v6Popularity = WeightedPick::zipf(kInternetV6);
}

const Eni &RealisticEstate::pick(Role role, DemoRandom &random) const { return pickIn(role, kVpcs, random); }

const Eni &RealisticEstate::pickIn(Role role, int vpc, DemoRandom &random) const
{
    const auto &slots = m_byRole[static_cast<std::size_t>(role)];
    const RolePick *choice = &slots[static_cast<std::size_t>(vpc)];
    if (choice->enis.empty())
        choice = &slots[kVpcs];
    if (choice->enis.empty())
        throw std::logic_error("realistic estate: no interface of the role");
    return *choice->enis[choice->byActivity.pick(random)];
}

int RealisticEstate::vpcIndexOf(const Eni &eni) const
{
    for (std::size_t v = 0; v < m_vpcs.size(); ++v)
        if (eni.subnet->vpc == &m_vpcs[v])
            return static_cast<int>(v);
    return 0;
}

bool RealisticEstate::has(Role role) const { return !m_byRole[static_cast<std::size_t>(role)][kVpcs].enis.empty(); }

const SimAddress &RealisticEstate::privatePeer(DemoRandom &random) const
{
    return m_privatePeers[m_privatePopularity.pick(random)];
}

const SimAddress &RealisticEstate::internetPeer(DemoRandom &random) const { return m_internetV4[m_v4Popularity.pick(random)]; }

const SimAddress &RealisticEstate::internetPeerV6(DemoRandom &random) const
{
    return m_internetV6[m_v6Popularity.pick(random)];
}

const SimAddress &RealisticEstate::persistentScanner(DemoRandom &random) const
{
    return m_scanners[random.below(m_scanners.size())];
}

std::uint16_t realisticClientPort(DemoRandom &random)
{
    const auto stack = random.below(100);
    if (stack < 55)
        return static_cast<std::uint16_t>(random.between(32768, 60999));
    if (stack < 90)
        return static_cast<std::uint16_t>(random.between(49152, 65535));
    return static_cast<std::uint16_t>(random.between(1024, 65535));
}

} // namespace flowscope::demo
