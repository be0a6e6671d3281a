// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Addresses outside the estate: web clients, bots, the office, SaaS APIs and
// AWS service ranges (with the pkt-*-aws-service name AWS writes for them).
// Attackers and the office use documentation ranges (RFC 5737, RFC 3849);
// ordinary clients are realistic-looking public addresses.

#include "demo_random.h"
#include "demo_record.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace flowscope::demo {

struct ServiceAddress {
    SimAddress address;
    std::string_view service; // "S3", "DYNAMODB", ...; empty when not an AWS range
};

enum class AwsService : std::uint8_t { S3, DynamoDb, Amazon, CloudFront, Route53HealthChecks, S3EuWest1 };

class Internet {
public:
    explicit Internet(std::uint64_t seed);

    // Client pools are fixed per seed and picked with a popularity skew, so
    // some clients come back often, as on a real site.
    const SimAddress &webClient(DemoRandom &random) const;
    const SimAddress &webClientV6(DemoRandom &random) const;
    const SimAddress &bot(DemoRandom &random) const;     // internet background noise
    const SimAddress &saasApi(DemoRandom &random) const; // reached through the NAT gateway
    const SimAddress &ipv6Api(DemoRandom &random) const;
    SimAddress office(DemoRandom &random) const;         // admins, 198.51.100.10-19
    ServiceAddress awsService(AwsService service, DemoRandom &random) const;

    // A random public-looking IPv4 address (no private, reserved or multicast ranges).
    static std::uint32_t publicLookingV4(DemoRandom &random);

private:
    std::vector<SimAddress> m_webClients, m_webClientsV6, m_bots, m_saas, m_ipv6Apis;
};

// Client port ranges of the usual stacks.
std::uint16_t linuxEphemeralPort(DemoRandom &random);   // 32768-60999
std::uint16_t windowsEphemeralPort(DemoRandom &random); // 49152-65535
std::uint16_t internetClientPort(DemoRandom &random);   // a mix of both and older stacks
std::uint16_t natGatewayPort(DemoRandom &random);       // 1024-65535

} // namespace flowscope::demo
