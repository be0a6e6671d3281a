// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The everyday traffic of the demo estate: web clients through the NLB, app
// and database chatter, DNS, NAT-gateway egress, S3 through the gateway
// endpoint, IPv6 clients, internet noise, VPC peering and the ECS workloads.

#include "demo_estate.h"
#include "demo_flow.h"
#include "demo_internet.h"
#include "demo_random.h"

#include <array>
#include <cstdint>
#include <vector>

namespace flowscope::demo {

class BackgroundTraffic {
public:
    enum class Scope : std::uint8_t { WholeEstate, VpcAOnly };

    BackgroundTraffic(const Internet &internet, DemoRandom &random, Scope scope);

    // Starts conversations in [minute, minute + 60) until at least `records`
    // records came out; returns how many did.
    std::uint64_t generateMinute(std::int64_t minute, std::uint64_t records, std::int64_t windowEnd, RecordSink &sink);

private:
    struct Context {
        std::int64_t begin;
        std::int64_t windowEnd;
        FlowEmitter &out;
    };
    using Kind = void (BackgroundTraffic::*)(const Context &);

    // VPC A
    void webViaLoadBalancer(const Context &ctx);
    void loadBalancerHealthCheck(const Context &ctx);
    void route53HealthCheck(const Context &ctx);
    void webToApp(const Context &ctx);
    void appToDatabase(const Context &ctx);
    void egressViaNat(const Context &ctx);
    void gatewayEndpoint(const Context &ctx);
    void dns(const Context &ctx);
    void windowsDomain(const Context &ctx);
    void monitoring(const Context &ctx);
    void adminSsh(const Context &ctx);
    void internetNoise(const Context &ctx);
    void ipv6Clients(const Context &ctx);
    void ipv6Egress(const Context &ctx);
    // VPC A <-> VPC B and VPC B
    void peering(const Context &ctx);
    void kafka(const Context &ctx);
    void reporting(const Context &ctx);
    void containerRegistry(const Context &ctx);
    void ecsToS3(const Context &ctx);
    void blockedByBpa(const Context &ctx);
    void euAdmin(const Context &ctx);

    const Eni &pick(const std::vector<const Eni *> &enis);
    Connection tcp(const Context &ctx);
    void internal(const Context &ctx, const Connection &c, const Eni &client, const Eni &server,
                  std::uint16_t clientPort, std::uint16_t serverPort, std::uint8_t path = 1);
    void bulkTransfer(Connection &c, bool upload);

    const Estate &m_estate;
    const Internet &m_internet;
    DemoRandom &m_random;
    std::vector<Kind> m_kinds;
    std::vector<std::uint32_t> m_weights;

    const Eni &m_nlb, &m_nat, &m_web1, &m_bastion, &m_dc, &m_files, &m_mysql, &m_postgres,
        &m_monitor, &m_worker, &m_ecr, &m_ciRunner, &m_euBastion, &m_reporting, &m_redis;
    std::vector<const Eni *> m_webs, m_apps, m_vpcAHosts, m_payments, m_producers, m_kafka;
};

// The legs of a private instance's connection to an internet host through
// the NAT gateway: the instance, the NAT's inside and outside views.
std::array<Leg, 3> natGatewayLegs(const Eni &instance, const Eni &nat, const SimAddress &remote,
                                std::uint16_t instancePort, std::uint16_t remotePort,
                                std::uint16_t natPort, std::string_view remoteService = {});

} // namespace flowscope::demo
