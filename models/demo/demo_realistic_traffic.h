// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The traffic of the realistic benchmark shape over the RealisticEstate:
// internet clients through the load balancers (some over IPv6), tiers talking
// inside a VPC, egress through the NAT gateways, endpoints, DNS, Windows
// domain traffic, on-premises users, monitoring, internet background
// scanning (one-off and persistent sources, SYN only, mostly rejected),
// rejected internal attempts, a few elephant transfers of gigabytes, and
// NODATA / SKIPDATA reports of a few interfaces.

#include "demo_flow.h"
#include "demo_random.h"
#include "demo_realistic_estate.h"

#include <cstdint>
#include <vector>

namespace flowscope::demo {

class RealisticTraffic {
public:
    RealisticTraffic(const RealisticEstate &estate, DemoRandom &random, std::int64_t dayStart);

    // Starts conversations in [minute, minute + 60) until at least `records`
    // records came out, plus the minute's elephants and status reports.
    void generateMinute(std::int64_t minute, std::uint64_t records, std::int64_t horizon, RecordSink &sink);

private:
    struct Context {
        std::int64_t begin;
        std::int64_t horizon;
        FlowEmitter &out;
    };
    using Kind = void (RealisticTraffic::*)(const Context &);

    void webInbound(const Context &ctx);
    void ipv6Inbound(const Context &ctx);
    void tiers(const Context &ctx);
    void database(const Context &ctx);
    void egressViaNat(const Context &ctx);
    void endpoint(const Context &ctx);
    void dns(const Context &ctx);
    void windowsDomain(const Context &ctx);
    void onPremises(const Context &ctx);
    void monitoring(const Context &ctx);
    void scanning(const Context &ctx);
    void rejectedInternal(const Context &ctx);
    void elephant(const Context &ctx, int which);
    void statusReports(std::int64_t minute, RecordSink &sink);

    Connection tcp(const Context &ctx, std::uint64_t request, std::uint64_t response, std::int64_t duration);
    void internal(const Context &ctx, const Connection &c, const Eni &client, const Eni &server,
                  std::uint16_t serverPort);
    std::int64_t shortOrLong(std::uint32_t longPercent, std::int64_t longest);

    const RealisticEstate &m_estate;
    DemoRandom &m_random;
    std::vector<Kind> m_kinds;
    std::vector<std::uint32_t> m_weights;
    std::vector<std::int64_t> m_elephantMinutes;
};

} // namespace flowscope::demo
