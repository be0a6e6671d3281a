// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_background.h"

#include <array>

namespace flowscope::demo {
namespace {

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

bool isWindows(const Eni &eni) { return eni.role == Role::DomainController || eni.role == Role::FileServer; }

std::uint16_t clientPortOf(const Eni &eni, DemoRandom &random)
{
    return isWindows(eni) ? windowsEphemeralPort(random) : linuxEphemeralPort(random);
}

} // namespace

// Note for every function below: C++ leaves the order of evaluating function
// arguments unspecified (GCC and Clang differ), so at most one argument of a
// call may draw from the PRNG; other draws go into named locals first.

std::array<Leg, 3> natGatewayLegs(const Eni &instance, const Eni &nat, const SimAddress &remote,
                                  std::uint16_t instancePort, std::uint16_t remotePort,
                                  std::uint16_t natPort, std::string_view remoteService)
{
    // The instance logs the internet host as its peer (AWS NAT example).
    Leg inside = directLeg(instance, instance.address, remote, instancePort, remotePort, true, kSameVpc, remoteService);
    // The NAT's inside view: addressed to the NAT, packet-level to the internet host.
    Leg natInside;
    natInside.eni = &nat;
    natInside.local = nat.address;
    natInside.remote = instance.address;
    natInside.pktLocal = remote;
    natInside.pktRemote = instance.address;
    natInside.localPort = remotePort;
    natInside.remotePort = instancePort;
    natInside.localInitiates = false;
    natInside.egressPath = kSameVpc;
    natInside.localService = remoteService;
    // The NAT's outside view: its own address and a translated source port.
    Leg natOutside = directLeg(nat, nat.address, remote, natPort, remotePort, true, kInternetGateway, remoteService);
    return {inside, natInside, natOutside};
}

BackgroundTraffic::BackgroundTraffic(const Internet &internet, DemoRandom &random, Scope scope)
    : m_estate(Estate::instance())
    , m_internet(internet)
    , m_random(random)
    , m_nlb(m_estate.one(Role::LoadBalancer))
    , m_nat(m_estate.one(Role::NatGateway))
    , m_web1(m_estate.one(Role::Web))
    , m_bastion(m_estate.one(Role::Bastion))
    , m_dc(m_estate.one(Role::DomainController))
    , m_files(m_estate.one(Role::FileServer))
    , m_mysql(m_estate.one(Role::MySql))
    , m_postgres(m_estate.one(Role::Postgres))
    , m_monitor(m_estate.one(Role::Monitoring))
    , m_worker(m_estate.one(Role::Worker))
    , m_ecr(m_estate.one(Role::EcrEndpoint))
    , m_ciRunner(m_estate.one(Role::CiRunner))
    , m_euBastion(m_estate.one(Role::EuBastion))
    , m_reporting(m_estate.one(Role::Reporting))
    , m_redis(m_estate.one(Role::Redis))
    , m_webs(m_estate.all(Role::Web))
    , m_apps(m_estate.all(Role::App))
    , m_payments(m_estate.all(Role::PaymentsTask))
    , m_kafka(m_estate.all(Role::Kafka))
{
    for (const Eni &eni : m_estate.interfaces())
        if (eni.delivery == Delivery::S3Text && eni.instanceId != "-" && eni.role != Role::Idle)
            m_vpcAHosts.push_back(&eni);
    m_producers = m_payments;
    m_producers.push_back(&m_estate.one(Role::LedgerTask));

    struct Weighted {
        Kind kind;
        std::uint32_t weight;
        bool vpcA; // only VPC A interfaces log it
    };
    const Weighted kinds[] = {
        {&BackgroundTraffic::webViaLoadBalancer, 28, true},
        {&BackgroundTraffic::loadBalancerHealthCheck, 8, true},
        {&BackgroundTraffic::route53HealthCheck, 1, true},
        {&BackgroundTraffic::webToApp, 12, true},
        {&BackgroundTraffic::appToDatabase, 12, true},
        {&BackgroundTraffic::egressViaNat, 8, true},
        {&BackgroundTraffic::gatewayEndpoint, 4, true},
        {&BackgroundTraffic::dns, 9, true},
        {&BackgroundTraffic::windowsDomain, 3, true},
        {&BackgroundTraffic::monitoring, 4, true},
        {&BackgroundTraffic::adminSsh, 1, true},
        {&BackgroundTraffic::internetNoise, 6, true},
        {&BackgroundTraffic::ipv6Clients, 5, true},
        {&BackgroundTraffic::ipv6Egress, 2, true},
        {&BackgroundTraffic::peering, 3, false},
        {&BackgroundTraffic::kafka, 5, false},
        {&BackgroundTraffic::reporting, 3, false},
        {&BackgroundTraffic::containerRegistry, 2, false},
        {&BackgroundTraffic::ecsToS3, 1, false},
        {&BackgroundTraffic::blockedByBpa, 2, false},
        {&BackgroundTraffic::euAdmin, 1, false},
    };
    for (const Weighted &k : kinds) {
        if (scope == Scope::VpcAOnly && !k.vpcA)
            continue;
        m_kinds.push_back(k.kind);
        m_weights.push_back(k.weight);
    }
}

std::uint64_t BackgroundTraffic::generateMinute(std::int64_t minute, std::uint64_t records, std::int64_t windowEnd,
                                                RecordSink &sink)
{
    CountingSink counter(sink);
    FlowEmitter emitter(m_random, counter);
    while (counter.count < records) {
        const Kind kind = m_kinds[m_random.weighted(m_weights)];
        const std::int64_t begin = minute + static_cast<std::int64_t>(m_random.below(kAggregationSeconds));
        if (begin >= windowEnd)
            break;
        (this->*kind)(Context{begin, windowEnd, emitter});
    }
    return counter.count;
}

const Eni &BackgroundTraffic::pick(const std::vector<const Eni *> &enis)
{
    return *enis[m_random.below(enis.size())];
}

Connection BackgroundTraffic::tcp(const Context &ctx)
{
    Connection c;
    c.protocol = 6;
    c.begin = ctx.begin;
    return c;
}

void BackgroundTraffic::internal(const Context &ctx, const Connection &c, const Eni &client, const Eni &server,
                                 std::uint16_t clientPort, std::uint16_t serverPort, std::uint8_t path)
{
    const std::array<Leg, 2> legs{
        directLeg(client, client.address, server.address, clientPort, serverPort, true, path),
        directLeg(server, server.address, client.address, serverPort, clientPort, false, path)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

// Large objects move at tens of MB/s, so they span several aggregation intervals.
void BackgroundTraffic::bulkTransfer(Connection &c, bool upload)
{
    const std::uint64_t size = m_random.heavyTail(64 * kKiB, 3 * kGiB);
    (upload ? c.requestBytes : c.responseBytes) = size;
    (upload ? c.responseBytes : c.requestBytes) = m_random.between(2 * kKiB, 40 * kKiB) + size / 60;
    (upload ? c.requestPacketSize : c.responsePacketSize) = 8950; // jumbo frames inside AWS
    (upload ? c.responsePacketSize : c.requestPacketSize) = 52;
    const auto rate = static_cast<std::uint64_t>(m_random.between(40, 160)) * kMiB;
    c.duration = static_cast<std::int64_t>(size / rate) + m_random.between(0, 2);
}

void BackgroundTraffic::webViaLoadBalancer(const Context &ctx)
{
    // Clients reach the web servers through the NLB, which preserves their address.
    ServiceAddress client{m_internet.webClient(m_random), {}};
    if (m_random.percent(15))
        client = m_internet.awsService(AwsService::CloudFront, m_random);
    const Eni &web = pick(m_webs);
    const bool https = m_random.percent(90);
    const std::uint16_t serverPort = https ? 443 : 80;
    const std::uint16_t clientPort = internetClientPort(m_random);

    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(350, 8 * kMiB);
    c.responseBytes = https ? m_random.heavyTail(1800, 600 * kMiB) : m_random.between(280, 620);
    c.requestPacketSize = static_cast<std::uint32_t>(m_random.between(90, 260));
    c.responsePacketSize = static_cast<std::uint32_t>(m_random.between(1100, 1440));
    c.duration = m_random.percent(92) ? m_random.between(0, 20) : m_random.between(60, 900);

    const std::array<Leg, 2> legs{
        directLeg(m_nlb, m_nlb.address, client.address, serverPort, clientPort, false, kInternetGateway, client.service),
        directLeg(web, web.address, client.address, serverPort, clientPort, false, kSameVpc, client.service)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

void BackgroundTraffic::loadBalancerHealthCheck(const Context &ctx)
{
    Connection c = tcp(ctx);
    c.requestBytes = m_random.between(180, 320);
    c.responseBytes = m_random.between(4200, 5200); // TLS handshake and a small page
    c.requestPacketSize = 60;
    c.responsePacketSize = 1100;
    c.duration = m_random.between(0, 1);
    const Eni &web = pick(m_webs);
    internal(ctx, c, m_nlb, web, linuxEphemeralPort(m_random), 443);
}

void BackgroundTraffic::route53HealthCheck(const Context &ctx)
{
    const ServiceAddress checker = m_internet.awsService(AwsService::Route53HealthChecks, m_random);
    const std::uint16_t clientPort = linuxEphemeralPort(m_random);
    Connection c = tcp(ctx);
    c.requestBytes = m_random.between(500, 700);
    c.responseBytes = m_random.between(4000, 6000);
    c.requestPacketSize = 80;
    c.responsePacketSize = 1200;
    c.duration = m_random.between(0, 1);
    const Eni &web = pick(m_webs);
    const std::array<Leg, 2> legs{
        directLeg(m_nlb, m_nlb.address, checker.address, 443, clientPort, false, kInternetGateway, checker.service),
        directLeg(web, web.address, checker.address, 443, clientPort, false, kSameVpc, checker.service)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

void BackgroundTraffic::webToApp(const Context &ctx)
{
    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(400, 2 * kMiB);
    c.responseBytes = m_random.heavyTail(900, 40 * kMiB);
    c.requestPacketSize = static_cast<std::uint32_t>(m_random.between(200, 600));
    c.responsePacketSize = static_cast<std::uint32_t>(m_random.between(900, 1400));
    c.duration = m_random.percent(95) ? m_random.between(0, 5) : m_random.between(60, 300);
    const Eni &web = pick(m_webs);
    const Eni &app = pick(m_apps);
    internal(ctx, c, web, app, linuxEphemeralPort(m_random), 8080);
}

void BackgroundTraffic::appToDatabase(const Context &ctx)
{
    const bool postgres = m_random.percent(55);
    const Eni &server = postgres ? m_postgres : m_mysql;
    const Eni &client = postgres && m_random.percent(30) ? m_worker : pick(m_apps);
    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(220, 4 * kMiB);
    c.responseBytes = m_random.heavyTail(480, 200 * kMiB);
    c.requestPacketSize = static_cast<std::uint32_t>(m_random.between(90, 400));
    c.responsePacketSize = static_cast<std::uint32_t>(m_random.between(600, 1400));
    // Pooled connections live for minutes and often outlast the capture.
    const bool pooled = m_random.percent(30);
    c.duration = pooled ? m_random.between(60, 600) : m_random.between(0, 10);
    c.closes = !pooled || m_random.percent(50);
    internal(ctx, c, client, server, linuxEphemeralPort(m_random), postgres ? 5432 : 3306);
}

void BackgroundTraffic::egressViaNat(const Context &ctx)
{
    static const std::array<Role, 3> kClients{Role::App, Role::Worker, Role::Monitoring};
    const Role role = kClients[m_random.weighted(std::array<std::uint32_t, 3>{6, 3, 1})];
    const Eni &client = role == Role::App ? pick(m_apps) : m_estate.one(role);
    ServiceAddress remote{m_internet.saasApi(m_random), {}};
    if (m_random.percent(20))
        remote = m_internet.awsService(AwsService::Amazon, m_random); // STS, EC2 and SSM APIs
    const bool https = m_random.percent(90);

    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(600, 16 * kMiB);
    c.responseBytes = https ? m_random.heavyTail(2500, 300 * kMiB) : m_random.heavyTail(40 * kKiB, 200 * kMiB);
    c.requestPacketSize = static_cast<std::uint32_t>(m_random.between(120, 500));
    c.responsePacketSize = static_cast<std::uint32_t>(m_random.between(1200, 1440));
    c.duration = m_random.percent(90) ? m_random.between(0, 12) : m_random.between(60, 240);
    const std::uint16_t clientPort = linuxEphemeralPort(m_random);
    const std::uint16_t natPort = natGatewayPort(m_random);
    const auto legs = natGatewayLegs(client, m_nat, remote.address, clientPort, https ? 443 : 80, natPort, remote.service);
    ctx.out.emit(c, legs, ctx.windowEnd);
}

void BackgroundTraffic::gatewayEndpoint(const Context &ctx)
{
    const Eni &client = m_random.percent(60) ? m_worker : pick(m_apps);
    const bool dynamo = m_random.percent(15);
    const ServiceAddress service = m_internet.awsService(dynamo ? AwsService::DynamoDb : AwsService::S3, m_random);
    Connection c = tcp(ctx);
    if (dynamo) {
        c.requestBytes = m_random.heavyTail(700, 256 * kKiB);
        c.responseBytes = m_random.heavyTail(900, 4 * kMiB);
        c.requestPacketSize = 400;
        c.responsePacketSize = 1300;
        c.duration = m_random.between(0, 3);
    } else {
        bulkTransfer(c, m_random.percent(35));
    }
    const std::array<Leg, 1> legs{directLeg(client, client.address, service.address, linuxEphemeralPort(m_random),
                                            443, true, kGatewayEndpoint, service.service)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

void BackgroundTraffic::dns(const Context &ctx)
{
    // The Amazon-provided resolver is not logged; this estate resolves through its domain controller.
    const Eni &client = pick(m_vpcAHosts);
    if (&client == &m_dc)
        return;
    const bool overTcp = m_random.percent(8);
    Connection c;
    c.protocol = overTcp ? 6 : 17;
    c.begin = ctx.begin;
    c.requestBytes = m_random.between(58, 96);
    c.responseBytes = overTcp ? m_random.between(600, 4000) : m_random.between(90, 420);
    c.requestPacketSize = static_cast<std::uint32_t>(c.requestBytes);
    c.responsePacketSize = overTcp ? 1200 : static_cast<std::uint32_t>(c.responseBytes);
    internal(ctx, c, client, m_dc, clientPortOf(client, m_random), 53);
}

void BackgroundTraffic::windowsDomain(const Context &ctx)
{
    static const std::array<std::uint16_t, 5> kDomainPorts{88, 389, 445, 135, 636};
    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(300, kMiB);
    c.responseBytes = m_random.heavyTail(400, 8 * kMiB);
    c.requestPacketSize = 300;
    c.responsePacketSize = 900;
    c.duration = m_random.between(0, 4);
    if (m_random.percent(30)) {
        const Eni &client = pick(m_apps);
        internal(ctx, c, client, m_files, linuxEphemeralPort(m_random), 445); // SMB share
        return;
    }
    const Eni &client = m_random.percent(50) ? m_files : pick(m_vpcAHosts);
    if (&client == &m_dc)
        return;
    const std::uint16_t clientPort = clientPortOf(client, m_random);
    internal(ctx, c, client, m_dc, clientPort, kDomainPorts[m_random.below(kDomainPorts.size())]);
}

void BackgroundTraffic::monitoring(const Context &ctx)
{
    const Eni &target = pick(m_vpcAHosts);
    if (&target == &m_monitor)
        return;
    if (m_random.percent(25)) {
        // Echo request and reply: 4 packets of 84 bytes each way, as in the AWS ICMP example.
        Connection c;
        c.protocol = 1;
        c.begin = ctx.begin;
        c.duration = 3;
        c.requestBytes = c.responseBytes = 336;
        c.requestPacketSize = c.responsePacketSize = 84;
        internal(ctx, c, m_monitor, target, 0, 0);
        return;
    }
    Connection c = tcp(ctx);
    c.requestBytes = m_random.between(300, 500);
    c.responseBytes = m_random.between(9000, 90000); // node_exporter metrics page
    c.requestPacketSize = 100;
    c.responsePacketSize = 1400;
    c.duration = m_random.between(0, 1);
    internal(ctx, c, m_monitor, target, linuxEphemeralPort(m_random), 9100);
}

void BackgroundTraffic::adminSsh(const Context &ctx)
{
    const SimAddress admin = m_internet.office(m_random);
    const std::uint16_t adminPort = internetClientPort(m_random);
    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(6 * kKiB, 20 * kMiB);
    c.responseBytes = m_random.heavyTail(9 * kKiB, 200 * kMiB);
    c.requestPacketSize = 110;
    c.responsePacketSize = 240;
    c.duration = m_random.between(30, 1800);
    const std::array<Leg, 1> legs{directLeg(m_bastion, m_bastion.address, admin, 22, adminPort, false, kInternetGateway)};
    ctx.out.emit(c, legs, ctx.windowEnd);
    if (m_random.percent(60)) {
        Connection hop = c;
        hop.begin = ctx.begin + m_random.between(5, 25);
        hop.duration = c.duration / 2;
        const Eni &target = m_random.percent(50) ? pick(m_apps) : (m_random.percent(50) ? m_postgres : m_mysql);
        internal(ctx, hop, m_bastion, target, linuxEphemeralPort(m_random), 22);
    }
}

void BackgroundTraffic::internetNoise(const Context &ctx)
{
    // The background radiation every public address receives.
    static const std::array<std::uint16_t, 18> kProbed{22, 23, 80, 443, 445, 3389, 1433, 3306, 5900,
                                                       6379, 8080, 8443, 2375, 5432, 25, 21, 8888, 9200};
    static const std::array<std::uint32_t, 18> kWeights{30, 18, 8, 6, 10, 12, 3, 3, 3, 3, 4, 2, 2, 2, 2, 2, 1, 1};
    const SimAddress &bot = m_internet.bot(m_random);
    const Eni &target = m_random.percent(60) ? m_web1 : m_bastion;
    const std::uint16_t botPort = internetClientPort(m_random);

    if (m_random.percent(8)) {
        Connection c;
        c.protocol = 1;
        c.begin = ctx.begin;
        c.requestBytes = c.responseBytes = 84;
        c.requestPacketSize = c.responsePacketSize = 84;
        // web-1 answers pings; the bastion's security group drops them.
        c.outcome = &target == &m_web1 ? Outcome::Completed : Outcome::Rejected;
        const std::array<Leg, 1> legs{directLeg(target, target.address, bot, 0, 0, false, kInternetGateway)};
        ctx.out.emit(c, legs, ctx.windowEnd);
        return;
    }

    const std::uint16_t port = kProbed[m_random.weighted(kWeights)];
    // web-1's security group allows 22, 80 and 443 from anywhere; the bastion only the office.
    const bool open = &target == &m_web1 && (port == 22 || port == 80 || port == 443);
    Connection c = tcp(ctx);
    if (open) {
        c.requestBytes = m_random.between(1400, 4200); // an SSH or HTTP login attempt
        c.responseBytes = m_random.between(1800, 5200);
        c.requestPacketSize = 120;
        c.responsePacketSize = 400;
        c.duration = m_random.between(0, 9);
    } else {
        const auto attempts = static_cast<std::uint64_t>(m_random.between(1, 2));
        c.outcome = Outcome::Rejected;
        c.requestPacketSize = m_random.percent(50) ? 40 : 60;
        c.requestBytes = attempts * c.requestPacketSize;
        c.duration = attempts > 1 ? 1 : 0;
    }
    const std::array<Leg, 1> legs{directLeg(target, target.address, bot, port, botPort, false, kInternetGateway)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

void BackgroundTraffic::ipv6Clients(const Context &ctx)
{
    const SimAddress &client = m_internet.webClientV6(m_random);
    const Eni &web = pick(m_webs);
    if (m_random.percent(10)) {
        Connection c;
        c.protocol = 58; // ICMPv6 echo
        c.begin = ctx.begin;
        c.duration = m_random.between(0, 3);
        c.requestBytes = c.responseBytes = 104 * static_cast<std::uint64_t>(m_random.between(1, 4));
        c.requestPacketSize = c.responsePacketSize = 104;
        const std::array<Leg, 1> legs{directLeg(web, web.ipv6, client, 0, 0, false, kInternetGateway)};
        ctx.out.emit(c, legs, ctx.windowEnd);
        return;
    }
    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(420, 4 * kMiB);
    c.responseBytes = m_random.heavyTail(2000, 300 * kMiB);
    c.requestPacketSize = static_cast<std::uint32_t>(m_random.between(100, 280));
    c.responsePacketSize = static_cast<std::uint32_t>(m_random.between(1200, 1420));
    c.duration = m_random.percent(92) ? m_random.between(0, 20) : m_random.between(60, 600);
    const std::array<Leg, 1> legs{
        directLeg(web, web.ipv6, client, 443, internetClientPort(m_random), false, kInternetGateway)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

void BackgroundTraffic::ipv6Egress(const Context &ctx)
{
    // Dual-stack app servers leave through the egress-only internet gateway.
    const Eni &client = m_random.percent(50) ? *m_apps[0] : *m_apps[1];
    Connection c = tcp(ctx);
    c.requestBytes = m_random.heavyTail(800, 8 * kMiB);
    c.responseBytes = m_random.heavyTail(3000, 100 * kMiB);
    c.requestPacketSize = 300;
    c.responsePacketSize = 1380;
    c.duration = m_random.between(0, 15);
    const SimAddress &api = m_internet.ipv6Api(m_random);
    const std::array<Leg, 1> legs{
        directLeg(client, client.ipv6, api, linuxEphemeralPort(m_random), 443, true, kInternetGateway)};
    ctx.out.emit(c, legs, ctx.windowEnd);
}

} // namespace flowscope::demo
