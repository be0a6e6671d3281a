// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The estate of the realistic benchmark shape: five VPCs in two regions and
// two accounts, 45 subnets (three tiers in three zones each), 300 interfaces
// whose activity is heavy-tailed (a few carry most of the traffic), 300 more
// private peers that do not log (on premises, a partner VPC), 20,000 internet
// peers with Zipf-like popularity (3% of them IPv6) and 150 persistent
// scanners. Everything is derived from the seed.

#include "demo_estate.h"
#include "demo_random.h"
#include "demo_record.h"
#include "demo_weighted_pick.h"

#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace flowscope::demo {

class RealisticEstate {
public:
    static constexpr int kVpcs = 5;
    static constexpr std::size_t kInterfaces = 300;
    static constexpr std::size_t kPrivatePeers = 300;
    static constexpr std::size_t kInternetV4 = 19400;
    static constexpr std::size_t kInternetV6 = 600;
    static constexpr std::size_t kScanners = 150;

    explicit RealisticEstate(std::uint64_t seed);
    RealisticEstate(const RealisticEstate &) = delete;
    RealisticEstate &operator=(const RealisticEstate &) = delete;

    std::span<const Eni> interfaces() const { return m_enis; }

    // An interface of the role, busy ones more often. With a VPC index, one in
    // that VPC when it has any.
    const Eni &pick(Role role, DemoRandom &random) const;
    const Eni &pickIn(Role role, int vpc, DemoRandom &random) const;
    int vpcIndexOf(const Eni &eni) const;
    bool has(Role role) const;

    // The interfaces that report NODATA (idle) and SKIPDATA (overloaded) now and then.
    std::span<const Eni *const> silentInterfaces() const { return m_silent; }
    std::span<const Eni *const> overloadedInterfaces() const { return m_overloaded; }

    const SimAddress &privatePeer(DemoRandom &random) const;
    const SimAddress &internetPeer(DemoRandom &random) const;
    const SimAddress &internetPeerV6(DemoRandom &random) const;
    const SimAddress &persistentScanner(DemoRandom &random) const;

private:
    struct RolePick {
        std::vector<const Eni *> enis;
        WeightedPick byActivity;
    };
    std::string_view keep(std::string text);
    void addSubnets(DemoRandom &random);
    void addInterfaces(DemoRandom &random);
    void indexInterfaces(const std::vector<std::uint64_t> &activity);
    void addPeers(DemoRandom &random);

    std::deque<std::string> m_texts; // owns the ids the views point into
    std::deque<Vpc> m_vpcs;
    std::deque<Subnet> m_subnets;
    std::vector<Eni> m_enis;
    std::vector<std::array<RolePick, kVpcs + 1>> m_byRole; // [role][vpc], kVpcs = any VPC
    std::vector<const Eni *> m_silent, m_overloaded;
    std::vector<SimAddress> m_privatePeers, m_internetV4, m_internetV6, m_scanners;
    WeightedPick m_privatePopularity, m_v4Popularity, m_v6Popularity;
};

// Client port ranges: Linux 32768-60999, Windows 49152-65535, and anything
// from 1024 for hosts behind carrier NAT.
std::uint16_t realisticClientPort(DemoRandom &random);

} // namespace flowscope::demo
