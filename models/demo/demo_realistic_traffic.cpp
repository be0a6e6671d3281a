// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_realistic_traffic.h"

#include "demo_background.h"
#include "demo_internet.h"

#include <array>

namespace flowscope::demo {
namespace {

// Note for every function below: C++ leaves the order of evaluating function
// arguments unspecified, so at most one argument of a call may draw from the
// PRNG; other draws go into named locals first.

class CountingSink final : public RecordSink {
public:
    explicit CountingSink(RecordSink &next) : m_next(next) {}
    void add(const SimRecord &record) override
    {
        ++count;
        m_next.add(record);
    }
    std::uint64_t count = 0;

private:
    RecordSink &m_next;
};

constexpr int kElephants = 4;

bool isWindows(const Eni &eni) { return eni.role == Role::DomainController || eni.role == Role::FileServer; }

std::uint16_t clientPortOf(const Eni &eni, DemoRandom &random)
{
    if (isWindows(eni))
        return static_cast<std::uint16_t>(random.between(49152, 65535));
    return static_cast<std::uint16_t>(random.between(32768, 60999));
}

SimRecord statusRecord(const Eni &eni, LogStatus status, std::int64_t start, std::int64_t end)
{
    SimRecord r;
    r.eni = &eni;
    r.status = status;
    r.start = start;
    r.end = end;
    r.tcpFlags = -1;
    return r;
}

SimAddress s3Address(DemoRandom &random)
{
    const auto third = static_cast<std::uint8_t>(random.below(256));
    const auto host = static_cast<std::uint8_t>(random.between(1, 254));
    return SimAddress::v4(ipv4(52, 216, third, host));
}

} // namespace

RealisticTraffic::RealisticTraffic(const RealisticEstate &estate, DemoRandom &random, std::int64_t dayStart)
    : m_estate(estate)
    , m_random(random)
{
    struct Weighted {
        Kind kind;
        std::uint32_t weight;
    };
    const Weighted kinds[] = {
        {&RealisticTraffic::webInbound, 26},
        {&RealisticTraffic::ipv6Inbound, 7},
        {&RealisticTraffic::tiers, 14},
        {&RealisticTraffic::database, 14},
        {&RealisticTraffic::egressViaNat, 10},
        {&RealisticTraffic::endpoint, 6},
        {&RealisticTraffic::dns, 8},
        {&RealisticTraffic::windowsDomain, 4},
        {&RealisticTraffic::onPremises, 5},
        {&RealisticTraffic::monitoring, 3},
        {&RealisticTraffic::scanning, 66},
        {&RealisticTraffic::rejectedInternal, 16},
    };
    for (const Weighted &k : kinds) {
        m_kinds.push_back(k.kind);
        m_weights.push_back(k.weight);
    }
    // A nightly backup, a replication catch-up, an export and a restore.
    for (int i = 0; i < kElephants; ++i)
        m_elephantMinutes.push_back(dayStart + 60 * m_random.between(i * 360, i * 360 + 300));
}

void RealisticTraffic::generateMinute(std::int64_t minute, std::uint64_t records, std::int64_t horizon, RecordSink &sink)
{
    CountingSink counter(sink);
    FlowEmitter emitter(m_random, counter);
    statusReports(minute, counter);
    for (int i = 0; i < kElephants; ++i)
        if (m_elephantMinutes[static_cast<std::size_t>(i)] == minute)
            elephant(Context{minute + m_random.between(0, 59), horizon, emitter}, i);
    while (counter.count < records) {
        const Kind kind = m_kinds[m_random.weighted(m_weights)];
        const std::int64_t begin = minute + static_cast<std::int64_t>(m_random.below(kAggregationSeconds));
        if (begin >= horizon)
            break;
        (this->*kind)(Context{begin, horizon, emitter});
    }
}

Connection RealisticTraffic::tcp(const Context &ctx, std::uint64_t request, std::uint64_t response, std::int64_t duration)
{
    Connection c;
    c.protocol = 6;
    c.begin = ctx.begin;
    c.requestBytes = request;
    c.responseBytes = response;
    c.duration = duration;
    c.requestPacketSize = static_cast<std::uint32_t>(m_random.between(90, 400));
    c.responsePacketSize = static_cast<std::uint32_t>(m_random.between(900, 1440));
    return c;
}

// Most connections are short; a few last minutes (capped so that start
// times stay within minutes of the order they are written in).
std::int64_t RealisticTraffic::shortOrLong(std::uint32_t longPercent, std::int64_t longest)
{
    return m_random.percent(longPercent) ? m_random.between(60, longest) : m_random.between(0, 15);
}

void RealisticTraffic::internal(const Context &ctx, const Connection &c, const Eni &client, const Eni &server,
                                std::uint16_t serverPort)
{
    const std::uint16_t clientPort = clientPortOf(client, m_random);
    const std::array<Leg, 2> legs{
        directLeg(client, client.address, server.address, clientPort, serverPort, true, kSameVpc),
        directLeg(server, server.address, client.address, serverPort, clientPort, false, kSameVpc)};
    ctx.out.emit(c, legs, ctx.horizon);
}

void RealisticTraffic::webInbound(const Context &ctx)
{
    // The client's connection ends at the load balancer, which opens its own to a web server.
    const SimAddress &client = m_estate.internetPeer(m_random);
    const Eni &lb = m_estate.pick(Role::LoadBalancer, m_random);
    const int vpc = m_estate.vpcIndexOf(lb);
    const Eni &web = m_estate.pickIn(Role::Web, vpc, m_random);
    const std::uint16_t port = m_random.percent(88) ? 443 : 80;
    const std::uint16_t clientPort = realisticClientPort(m_random);
    const std::uint64_t request = m_random.heavyTail(350, 8 * kMiB);
    const std::uint64_t response = m_random.heavyTail(1800, 400 * kMiB);
    const std::int64_t duration = shortOrLong(6, 600);
    const Connection outside = tcp(ctx, request, response, duration);
    const std::array<Leg, 1> legs{directLeg(lb, lb.address, client, port, clientPort, false, kInternetGateway)};
    ctx.out.emit(outside, legs, ctx.horizon);
    Connection inside = outside;
    inside.requestBytes += 400; // forwarding headers
    internal(ctx, inside, lb, web, 8080);
}

void RealisticTraffic::ipv6Inbound(const Context &ctx)
{
    const SimAddress &client = m_estate.internetPeerV6(m_random);
    const Eni &lb = m_estate.pickIn(Role::LoadBalancer, 0, m_random); // the dual-stack VPC
    const std::uint16_t clientPort = realisticClientPort(m_random);
    const std::uint64_t request = m_random.heavyTail(350, 4 * kMiB);
    const std::uint64_t response = m_random.heavyTail(1800, 200 * kMiB);
    const std::int64_t duration = shortOrLong(5, 600);
    const Connection c = tcp(ctx, request, response, duration);
    const std::array<Leg, 1> legs{directLeg(lb, lb.ipv6, client, 443, clientPort, false, kInternetGateway)};
    ctx.out.emit(c, legs, ctx.horizon);
}

void RealisticTraffic::tiers(const Context &ctx)
{
    // web -> app and app -> app (HTTP and gRPC) inside a VPC.
    const bool fromWeb = m_random.percent(45);
    const Eni &client = m_estate.pick(fromWeb ? Role::Web : Role::App, m_random);
    const Eni &server = m_estate.pickIn(Role::App, m_estate.vpcIndexOf(client), m_random);
    if (&client == &server)
        return;
    const std::uint64_t request = m_random.heavyTail(400, 2 * kMiB);
    const std::uint64_t response = m_random.heavyTail(900, 40 * kMiB);
    const std::int64_t duration = shortOrLong(4, 300);
    const Connection c = tcp(ctx, request, response, duration);
    internal(ctx, c, client, server, fromWeb ? 8080 : 50051);
}

void RealisticTraffic::database(const Context &ctx)
{
    static const std::array<Role, 3> kServers{Role::MySql, Role::Postgres, Role::Redis};
    static const std::array<std::uint16_t, 3> kPorts{3306, 5432, 6379};
    const std::size_t kind = m_random.weighted(std::array<std::uint32_t, 3>{4, 4, 3});
    const Eni &client = m_estate.pick(m_random.percent(70) ? Role::App : Role::Worker, m_random);
    const Eni &server = m_estate.pickIn(kServers[kind], m_estate.vpcIndexOf(client), m_random);
    const std::uint64_t request = m_random.heavyTail(220, 4 * kMiB);
    const std::uint64_t response = m_random.heavyTail(480, 200 * kMiB);
    const std::int64_t duration = shortOrLong(10, 600);
    Connection c = tcp(ctx, request, response, duration);
    c.closes = c.duration < 60 || m_random.percent(50); // pooled connections outlast the capture
    internal(ctx, c, client, server, kPorts[kind]);
}

void RealisticTraffic::egressViaNat(const Context &ctx)
{
    static const std::array<Role, 3> kClients{Role::App, Role::Worker, Role::PaymentsTask};
    const Role role = kClients[m_random.weighted(std::array<std::uint32_t, 3>{5, 3, 2})];
    const Eni &client = m_estate.pick(role, m_random);
    const Eni &nat = m_estate.pickIn(Role::NatGateway, m_estate.vpcIndexOf(client), m_random);
    const SimAddress &remote = m_estate.internetPeer(m_random);
    const std::uint64_t request = m_random.heavyTail(600, 16 * kMiB);
    const std::uint64_t response = m_random.heavyTail(2500, 300 * kMiB);
    const std::int64_t duration = shortOrLong(5, 300);
    const Connection c = tcp(ctx, request, response, duration);
    const std::uint16_t clientPort = clientPortOf(client, m_random);
    const std::uint16_t natPort = natGatewayPort(m_random);
    const std::uint16_t port = m_random.percent(92) ? 443 : 80;
    const auto legs = natGatewayLegs(client, nat, remote, clientPort, port, natPort);
    ctx.out.emit(c, legs, ctx.horizon);
}

void RealisticTraffic::endpoint(const Context &ctx)
{
    const Eni &client = m_estate.pick(m_random.percent(60) ? Role::App : Role::Worker, m_random);
    const Eni &server = m_estate.pickIn(Role::EcrEndpoint, m_estate.vpcIndexOf(client), m_random);
    const std::uint64_t request = m_random.heavyTail(700, 512 * kKiB);
    const std::uint64_t response = m_random.heavyTail(900, 64 * kMiB);
    const Connection c = tcp(ctx, request, response, m_random.between(0, 8));
    internal(ctx, c, client, server, 443);
}

void RealisticTraffic::dns(const Context &ctx)
{
    // Resolution goes through the domain controllers of the shared-services VPC.
    static const std::array<Role, 4> kClients{Role::App, Role::Worker, Role::Web, Role::FileServer};
    const Eni &client = m_estate.pick(kClients[m_random.weighted(std::array<std::uint32_t, 4>{5, 4, 3, 2})], m_random);
    const Eni &server = m_estate.pick(Role::DomainController, m_random);
    Connection c;
    c.protocol = 17;
    c.begin = ctx.begin;
    c.requestBytes = static_cast<std::uint64_t>(m_random.between(58, 96));
    c.responseBytes = static_cast<std::uint64_t>(m_random.between(90, 420));
    c.requestPacketSize = static_cast<std::uint32_t>(c.requestBytes);
    c.responsePacketSize = static_cast<std::uint32_t>(c.responseBytes);
    internal(ctx, c, client, server, 53);
}

void RealisticTraffic::windowsDomain(const Context &ctx)
{
    static const std::array<std::uint16_t, 6> kPorts{88, 389, 445, 135, 636, 3268};
    const Eni &client = m_estate.pick(Role::FileServer, m_random);
    const Eni &server = m_estate.pick(Role::DomainController, m_random);
    const std::uint16_t port = kPorts[m_random.below(kPorts.size())];
    const std::uint64_t request = m_random.heavyTail(300, kMiB);
    const std::uint64_t response = m_random.heavyTail(400, 8 * kMiB);
    const Connection c = tcp(ctx, request, response, m_random.between(0, 4));
    internal(ctx, c, client, server, port);
}

void RealisticTraffic::onPremises(const Context &ctx)
{
    // Users and systems behind the VPN: only the interface inside logs them.
    static const std::array<Role, 4> kServers{Role::App, Role::Bastion, Role::FileServer, Role::Web};
    static const std::array<std::uint16_t, 4> kPorts{443, 22, 445, 443};
    const std::size_t kind = m_random.weighted(std::array<std::uint32_t, 4>{5, 2, 3, 2});
    const SimAddress &peer = m_estate.privatePeer(m_random);
    const Eni &server = m_estate.pick(kServers[kind], m_random);
    const std::uint16_t clientPort = realisticClientPort(m_random);
    const std::uint64_t request = m_random.heavyTail(500, 4 * kMiB);
    const std::uint64_t response = m_random.heavyTail(1500, 80 * kMiB);
    const std::int64_t duration = shortOrLong(8, 600);
    Connection c = tcp(ctx, request, response, duration);
    if (m_random.percent(6)) {
        c.outcome = Outcome::Rejected;
        c.requestBytes = 180;
        c.requestPacketSize = 60;
        c.duration = m_random.between(0, 6);
    }
    const std::array<Leg, 1> legs{directLeg(server, server.address, peer, kPorts[kind], clientPort, false, kSameVpc)};
    ctx.out.emit(c, legs, ctx.horizon);
}

void RealisticTraffic::monitoring(const Context &ctx)
{
    const Eni &monitor = m_estate.pick(Role::Monitoring, m_random);
    static const std::array<Role, 4> kTargets{Role::App, Role::Worker, Role::Web, Role::MySql};
    const Eni &target = m_estate.pick(kTargets[m_random.below(kTargets.size())], m_random);
    if (m_random.percent(20)) {
        Connection ping;
        ping.protocol = 1;
        ping.begin = ctx.begin;
        ping.requestBytes = 84;
        ping.responseBytes = 84;
        ping.requestPacketSize = 84;
        ping.responsePacketSize = 84;
        internal(ctx, ping, monitor, target, 0);
        return;
    }
    const std::uint64_t response = m_random.heavyTail(4 * kKiB, 256 * kKiB);
    const Connection c = tcp(ctx, 260, response, m_random.between(0, 2));
    internal(ctx, c, monitor, target, 9100);
}

void RealisticTraffic::scanning(const Context &ctx)
{
    // Internet background radiation: a SYN (or a UDP probe) from a source seen
    // once, or from one of the persistent scanning services, to an address
    // with a public IP. Only open ports answer.
    static const std::array<std::uint16_t, 16> kTcpPorts{22, 23, 80, 443, 445, 3389, 8080, 1433,
                                                        3306, 5900, 6379, 8443, 21, 25, 2375, 9200};
    static const std::array<std::uint16_t, 5> kUdpPorts{53, 123, 161, 1900, 5060};
    static const std::array<Role, 3> kTargets{Role::LoadBalancer, Role::NatGateway, Role::Bastion};
    const bool oneOff = m_random.percent(18);
    const SimAddress source = oneOff ? SimAddress::v4(Internet::publicLookingV4(m_random))
                                     : m_estate.persistentScanner(m_random);
    const Role role = kTargets[m_random.weighted(std::array<std::uint32_t, 3>{6, 3, 1})];
    const Eni &target = m_estate.pick(role, m_random);
    const bool udp = m_random.percent(8);
    std::uint16_t port = 0;
    if (udp)
        port = kUdpPorts[m_random.below(kUdpPorts.size())];
    else if (m_random.percent(70))
        port = kTcpPorts[m_random.below(kTcpPorts.size())];
    else
        port = static_cast<std::uint16_t>(m_random.between(1, 65535));
    const std::uint16_t sourcePort = static_cast<std::uint16_t>(m_random.between(1024, 65535));
    const bool open = !udp && ((role == Role::LoadBalancer && (port == 443 || port == 80))
                               || (role == Role::Bastion && port == 22));

    Connection c;
    c.protocol = udp ? 17 : 6;
    c.begin = ctx.begin;
    c.requestBytes = udp ? static_cast<std::uint64_t>(m_random.between(40, 120)) : (m_random.percent(60) ? 40 : 44);
    c.requestPacketSize = static_cast<std::uint32_t>(c.requestBytes);
    c.responseBytes = 44;
    c.responsePacketSize = 44;
    c.outcome = open ? Outcome::Completed : Outcome::Rejected;
    if (open) {
        c.requestFlags = 2;  // SYN
        c.replyFlags = 18;   // SYN-ACK, then nothing
    }
    const std::array<Leg, 1> legs{directLeg(target, target.address, source, port, sourcePort, false, kInternetGateway)};
    ctx.out.emit(c, legs, ctx.horizon);
}

void RealisticTraffic::rejectedInternal(const Context &ctx)
{
    Connection c = tcp(ctx, 180, 0, m_random.between(0, 6)); // a SYN and its retries
    c.requestPacketSize = 60;
    const auto variant = m_random.below(10);
    if (variant < 4) {
        // A peer on premises reaching for a database port it is not allowed to.
        static const std::array<Role, 3> kServers{Role::MySql, Role::Postgres, Role::Redis};
        static const std::array<std::uint16_t, 3> kPorts{3306, 5432, 6379};
        const std::size_t kind = m_random.below(kServers.size());
        const SimAddress &peer = m_estate.privatePeer(m_random);
        const Eni &server = m_estate.pick(kServers[kind], m_random);
        const std::uint16_t clientPort = realisticClientPort(m_random);
        c.outcome = Outcome::Rejected;
        const std::array<Leg, 1> legs{directLeg(server, server.address, peer, kPorts[kind], clientPort, false, kSameVpc)};
        ctx.out.emit(c, legs, ctx.horizon);
        return;
    }
    const Eni &client = m_estate.pick(variant < 8 ? Role::App : Role::Monitoring, m_random);
    if (variant < 8) {
        // Across VPCs, where the security group admits only its own tier.
        const Eni &server = m_estate.pick(Role::Postgres, m_random);
        c.outcome = Outcome::Rejected;
        internal(ctx, c, client, server, 5432);
        return;
    }
    // A stateless network ACL drops the replies of a monitoring probe.
    const Eni &server = m_estate.pick(Role::Worker, m_random);
    c.outcome = Outcome::ReplyRejected;
    c.responseBytes = 120;
    internal(ctx, c, client, server, 9100);
}

void RealisticTraffic::elephant(const Context &ctx, int which)
{
    // Gigabytes at 80-200 MB/s: a few intervals carrying more bytes than hours of the rest.
    const std::uint64_t size = static_cast<std::uint64_t>(m_random.between(2, 12)) * kGiB;
    const std::uint64_t rate = static_cast<std::uint64_t>(m_random.between(80, 200)) * kMiB;
    Connection c = tcp(ctx, 0, 0, static_cast<std::int64_t>(size / rate));
    c.requestPacketSize = 8950; // jumbo frames inside AWS
    c.responsePacketSize = 52;
    const bool upload = which != 3;
    (upload ? c.requestBytes : c.responseBytes) = size;
    (upload ? c.responseBytes : c.requestBytes) = size / 80;
    if (!upload)
        std::swap(c.requestPacketSize, c.responsePacketSize);
    switch (which) {
    case 1: { // replication catch-up to the other region
        const Eni &primary = m_estate.pickIn(Role::MySql, 0, m_random);
        const Eni &replica = m_estate.pickIn(Role::MySql, 1, m_random);
        internal(ctx, c, primary, replica, 3306);
        return;
    }
    case 2: { // an export to a partner over the NAT gateway
        const Eni &client = m_estate.pickIn(Role::Worker, 0, m_random);
        const Eni &nat = m_estate.pickIn(Role::NatGateway, 0, m_random);
        const SimAddress &remote = m_estate.internetPeer(m_random);
        const std::uint16_t clientPort = clientPortOf(client, m_random);
        const std::uint16_t natPort = natGatewayPort(m_random);
        ctx.out.emit(c, natGatewayLegs(client, nat, remote, clientPort, 443, natPort), ctx.horizon);
        return;
    }
    default: { // a backup to S3 and a restore from it, through the gateway endpoint
        const Eni &client = m_estate.pickIn(Role::Worker, 4, m_random);
        const SimAddress bucket = s3Address(m_random);
        const std::uint16_t clientPort = clientPortOf(client, m_random);
        const std::array<Leg, 1> legs{directLeg(client, client.address, bucket, clientPort, 443, true, kGatewayEndpoint)};
        ctx.out.emit(c, legs, ctx.horizon);
        return;
    }
    }
}

void RealisticTraffic::statusReports(std::int64_t minute, RecordSink &sink)
{
    // Idle interfaces write NODATA once per 10-minute capture window, each in its own minute.
    const std::int64_t index = minute / kAggregationSeconds;
    std::int64_t phase = 0;
    for (const Eni *idle : m_estate.silentInterfaces()) {
        phase += 3;
        if ((index + phase) % 10 == 0)
            sink.add(statusRecord(*idle, LogStatus::NoData, minute, minute + 59));
    }
    // Busy interfaces now and then lose a capture interval's records.
    for (const Eni *busy : m_estate.overloadedInterfaces())
        if (m_random.below(120) == 0)
            sink.add(statusRecord(*busy, LogStatus::SkipData, minute, minute + 59));
}

} // namespace flowscope::demo
