// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_internet.h"

#include <array>

namespace flowscope::demo {
namespace {

// First octets of ordinary ISP and hosting allocations.
constexpr std::array<std::uint8_t, 48> kPublicFirstOctets{
    24, 31, 37, 45, 46, 47, 50, 62, 66, 67, 68, 69, 70, 71, 72, 73,
    74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89,
    90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 108, 151, 176, 178, 185, 212};

struct Range {
    std::uint32_t base;
    std::uint32_t size;
    std::string_view service;
};

// Subsets of the published ip-ranges.json for us-east-1 and eu-west-1.
const Range &rangeOf(AwsService service)
{
    static const Range kS3{ipv4(52, 216, 0, 0), 1u << 17, "S3"};
    static const Range kDynamoDb{ipv4(3, 218, 180, 0), 1u << 10, "DYNAMODB"};
    static const Range kAmazon{ipv4(52, 94, 224, 0), 1u << 12, "AMAZON"};
    static const Range kCloudFront{ipv4(130, 176, 0, 0), 1u << 15, "CLOUDFRONT"};
    static const Range kHealthChecks{ipv4(54, 243, 31, 192), 64, "ROUTE53_HEALTHCHECKS"};
    static const Range kS3EuWest1{ipv4(52, 218, 0, 0), 1u << 15, "S3"};
    switch (service) {
    case AwsService::S3: return kS3;
    case AwsService::DynamoDb: return kDynamoDb;
    case AwsService::Amazon: return kAmazon;
    case AwsService::CloudFront: return kCloudFront;
    case AwsService::Route53HealthChecks: return kHealthChecks;
    case AwsService::S3EuWest1: return kS3EuWest1;
    }
    return kAmazon;
}

// Avoids .0 and .255 hosts, which real clients rarely have.
std::uint32_t hostIn(std::uint32_t base, std::uint32_t size, DemoRandom &random)
{
    for (;;) {
        const auto address = base + static_cast<std::uint32_t>(random.below(size));
        const auto last = address & 0xFF;
        if (last != 0 && last != 255)
            return address;
    }
}

SimAddress documentationV6(DemoRandom &random, std::uint16_t third)
{
    auto group = [&random] { return static_cast<std::uint16_t>(random.below(0x10000)); };
    return SimAddress::v6({0x2001, 0x0db8, third, group(), group(), group(), group(), group()});
}

std::vector<SimAddress> pool(std::size_t size, DemoRandom &random, SimAddress (*make)(DemoRandom &))
{
    std::vector<SimAddress> out;
    out.reserve(size);
    for (std::size_t i = 0; i < size; ++i)
        out.push_back(make(random));
    return out;
}

} // namespace

std::uint32_t Internet::publicLookingV4(DemoRandom &random)
{
    const auto first = kPublicFirstOctets[random.below(kPublicFirstOctets.size())];
    return hostIn(static_cast<std::uint32_t>(first) << 24, 1u << 24, random);
}

Internet::Internet(std::uint64_t seed)
{
    DemoRandom random(seed, "internet");
    m_webClients = pool(900, random, [](DemoRandom &r) { return SimAddress::v4(publicLookingV4(r)); });
    m_webClientsV6 = pool(120, random, [](DemoRandom &r) {
        return documentationV6(r, static_cast<std::uint16_t>(0x1000 + r.below(0x4000)));
    });
    m_bots = pool(300, random, [](DemoRandom &r) {
        // A quarter from the documentation ranges, so filters on them find something.
        // 203.0.113.200-255 is left to the incident's scanner.
        if (r.percent(25))
            return SimAddress::v4(r.percent(50) ? hostIn(ipv4(192, 0, 2, 0), 256, r) : hostIn(ipv4(203, 0, 113, 0), 200, r));
        return SimAddress::v4(publicLookingV4(r));
    });
    m_saas = pool(40, random, [](DemoRandom &r) { return SimAddress::v4(publicLookingV4(r)); });
    m_ipv6Apis = pool(12, random, [](DemoRandom &r) { return documentationV6(r, 0x4860); });
}

const SimAddress &Internet::webClient(DemoRandom &random) const { return m_webClients[random.popular(m_webClients.size())]; }
const SimAddress &Internet::webClientV6(DemoRandom &random) const { return m_webClientsV6[random.popular(m_webClientsV6.size())]; }
const SimAddress &Internet::bot(DemoRandom &random) const { return m_bots[random.below(m_bots.size())]; }
const SimAddress &Internet::saasApi(DemoRandom &random) const { return m_saas[random.popular(m_saas.size())]; }
const SimAddress &Internet::ipv6Api(DemoRandom &random) const { return m_ipv6Apis[random.popular(m_ipv6Apis.size())]; }

SimAddress Internet::office(DemoRandom &random) const
{
    return SimAddress::v4(ipv4(198, 51, 100, static_cast<std::uint8_t>(10 + random.below(10))));
}

ServiceAddress Internet::awsService(AwsService service, DemoRandom &random) const
{
    const Range &range = rangeOf(service);
    return {SimAddress::v4(hostIn(range.base, range.size, random)), range.service};
}

std::uint16_t linuxEphemeralPort(DemoRandom &random) { return static_cast<std::uint16_t>(random.between(32768, 60999)); }
std::uint16_t windowsEphemeralPort(DemoRandom &random) { return static_cast<std::uint16_t>(random.between(49152, 65535)); }
std::uint16_t natGatewayPort(DemoRandom &random) { return static_cast<std::uint16_t>(random.between(1024, 65535)); }

std::uint16_t internetClientPort(DemoRandom &random)
{
    const auto stack = random.below(100);
    if (stack < 45)
        return windowsEphemeralPort(random);
    if (stack < 85)
        return linuxEphemeralPort(random);
    return static_cast<std::uint16_t>(random.between(1024, 65535)); // CGNAT and older stacks
}

} // namespace flowscope::demo
