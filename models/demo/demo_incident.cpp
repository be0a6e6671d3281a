// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_incident.h"

#include "demo_background.h"
#include "demo_internet.h"

#include <algorithm>
#include <array>

namespace flowscope::demo {
namespace {

constexpr int kScanPorts = 1000;
constexpr std::int64_t kScanSeconds = 240;
constexpr std::int64_t kLateralSeconds = 540;

// Start of the minute at `percent` percent of the span.
std::int64_t minuteAt(std::int64_t spanStart, std::int64_t spanEnd, int percent)
{
    const std::int64_t t = spanStart + (spanEnd - spanStart) * percent / 100;
    return t - (t - spanStart) % kAggregationSeconds;
}

} // namespace

Incident::Incident(std::uint64_t seed, std::int64_t spanStart, std::int64_t spanEnd)
    : m_random(seed, "incident")
    , m_exfilRandom(seed, "exfiltration")
{
    const Estate &estate = Estate::instance();
    const auto apps = estate.all(Role::App);
    m_compromised = apps[m_random.below(apps.size())];
    m_scanTarget = &estate.one(Role::Web); // web-1, the one with a public address
    m_naclTarget = &estate.one(Role::Bastion);
    m_c2 = SimAddress::v4(ipv4(198, 51, 100, static_cast<std::uint8_t>(m_random.between(128, 250))));
    m_scanner = SimAddress::v4(ipv4(203, 0, 113, static_cast<std::uint8_t>(m_random.between(200, 254))));
    planBeacon(spanStart, spanEnd);
    planScan(spanStart, spanEnd);
    planLateral(spanStart, spanEnd);
    m_exfilHost = SimAddress::v4(ipv4(203, 0, 113, static_cast<std::uint8_t>(m_exfilRandom.between(100, 150))));
    m_exfilStart = minuteAt(spanStart, spanEnd, 70) + m_exfilRandom.between(5, 40);
}

void Incident::planBeacon(std::int64_t spanStart, std::int64_t spanEnd)
{
    // Constant sizes: the implant's check-in and the (empty) tasking answer.
    m_beaconRequestBytes = static_cast<std::uint64_t>(m_random.between(300, 640));
    m_beaconResponseBytes = static_cast<std::uint64_t>(m_random.between(700, 1500));
    const std::int64_t first = spanStart + m_random.between(4, 50);
    for (std::int64_t tick = first; tick < spanEnd - 4; tick += kBeaconPeriod)
        m_beacons.push_back(std::max(spanStart, tick + m_random.between(-3, 3)));
}

void Incident::planScan(std::int64_t spanStart, std::int64_t spanEnd)
{
    // Ports 1-1000 in a random order, as a SYN scanner sends them.
    std::vector<std::uint16_t> ports(kScanPorts);
    for (int i = 0; i < kScanPorts; ++i)
        ports[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>(i + 1);
    for (std::size_t i = ports.size() - 1; i > 0; --i)
        std::swap(ports[i], ports[m_random.below(i + 1)]);

    const std::int64_t start = minuteAt(spanStart, spanEnd, 25) + m_random.between(0, 50);
    const std::int64_t length = std::min<std::int64_t>(kScanSeconds, spanEnd - start - 1);
    m_scanSourcePort = static_cast<std::uint16_t>(m_random.between(40000, 65000));
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const auto time = start + static_cast<std::int64_t>(i) * length / kScanPorts;
        m_probes.push_back({time, ports[i], m_random.percent(8)});
    }
}

void Incident::planLateral(std::int64_t spanStart, std::int64_t spanEnd)
{
    const Estate &estate = Estate::instance();
    struct Target {
        const Eni *eni;
        std::array<std::uint16_t, 3> ports; // 0 = unused
    };
    const Target targets[] = {
        {&estate.one(Role::DomainController), {445, 3389, 5985}},
        {&estate.one(Role::FileServer), {445, 5985, 0}},
        {&estate.one(Role::Postgres), {22, 0, 0}},
        {estate.all(Role::Web).back(), {22, 3389, 0}},
        {m_naclTarget, {22, 0, 0}},
    };
    const std::int64_t start = minuteAt(spanStart, spanEnd, 60) + m_random.between(0, 40);
    const std::int64_t length = std::min<std::int64_t>(kLateralSeconds, spanEnd - start - 1);
    for (const Target &target : targets) {
        for (std::uint16_t port : target.ports) {
            if (port == 0)
                continue;
            // One try at the bastion keeps its NACL pattern a single, clean example.
            const auto tries = target.eni == m_naclTarget ? 1 : m_random.between(1, 3);
            for (std::int64_t t = 0; t < tries; ++t) {
                const std::int64_t time = start + m_random.between(0, length);
                const std::uint16_t sourcePort = linuxEphemeralPort(m_random);
                m_attempts.push_back({time, target.eni, port, sourcePort});
            }
        }
    }
    std::stable_sort(m_attempts.begin(), m_attempts.end(),
                     [](const Attempt &a, const Attempt &b) { return a.time < b.time; });
}

std::vector<std::string> Incident::lateralTargets() const
{
    std::vector<std::string> out;
    for (const Attempt &attempt : m_attempts) {
        std::string address(attempt.target->address.text());
        if (std::find(out.begin(), out.end(), address) == out.end())
            out.push_back(address);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void Incident::emit(std::int64_t from, std::int64_t to, RecordSink &sink)
{
    FlowEmitter out(m_random, sink);
    // Merge the three time-ordered schedules so records come out in time order.
    auto beacon = std::lower_bound(m_beacons.begin(), m_beacons.end(), from);
    auto probe = std::lower_bound(m_probes.begin(), m_probes.end(), from,
                                  [](const Probe &p, std::int64_t t) { return p.time < t; });
    auto attempt = std::lower_bound(m_attempts.begin(), m_attempts.end(), from,
                                    [](const Attempt &a, std::int64_t t) { return a.time < t; });
    FlowEmitter exfilOut(m_exfilRandom, sink);
    bool exfilPending = m_exfilStart >= from && m_exfilStart < to;
    for (;;) {
        const std::int64_t nextBeacon = beacon != m_beacons.end() ? *beacon : to;
        const std::int64_t nextProbe = probe != m_probes.end() ? probe->time : to;
        const std::int64_t nextAttempt = attempt != m_attempts.end() ? attempt->time : to;
        const std::int64_t nextExfil = exfilPending ? m_exfilStart : to;
        const std::int64_t next = std::min({nextBeacon, nextProbe, nextAttempt, nextExfil});
        if (next >= to)
            break;
        if (next == nextExfil) {
            emitExfiltration(to, exfilOut);
            exfilPending = false;
        } else if (next == nextBeacon)
            emitBeacon(*beacon++, to, out);
        else if (next == nextProbe)
            emitProbe(*probe++, to, out);
        else
            emitAttempt(*attempt++, to, out);
    }
}

void Incident::emitBeacon(std::int64_t time, std::int64_t windowEnd, FlowEmitter &out)
{
    Connection c;
    c.begin = time;
    c.duration = m_random.between(0, 1);
    c.requestBytes = m_beaconRequestBytes;
    c.responseBytes = m_beaconResponseBytes;
    // Whole-number packet counts keep every beacon record identical in size.
    c.requestPacketSize = static_cast<std::uint32_t>(m_beaconRequestBytes / 6);
    c.responsePacketSize = static_cast<std::uint32_t>(m_beaconResponseBytes / 5);
    c.incident = true;
    const Eni &nat = Estate::instance().one(Role::NatGateway);
    // One draw per statement: argument evaluation order is unspecified.
    const std::uint16_t clientPort = linuxEphemeralPort(m_random);
    const std::uint16_t natPort = natGatewayPort(m_random);
    const auto legs = natGatewayLegs(*m_compromised, nat, m_c2, clientPort, 443, natPort);
    out.emit(c, legs, windowEnd);
}

void Incident::emitExfiltration(std::int64_t windowEnd, FlowEmitter &out)
{
    Connection c;
    c.begin = m_exfilStart;
    c.duration = 12 * 60;
    c.requestBytes = kExfiltrationBytes;
    c.responseBytes = kExfiltrationBytes / 200; // the acknowledgements
    c.requestPacketSize = 1400;
    c.responsePacketSize = 60;
    c.incident = true;
    const Eni &nat = Estate::instance().one(Role::NatGateway);
    const std::uint16_t clientPort = linuxEphemeralPort(m_exfilRandom);
    const std::uint16_t natPort = natGatewayPort(m_exfilRandom);
    const auto legs = natGatewayLegs(*m_compromised, nat, m_exfilHost, clientPort, 443, natPort);
    out.emit(c, legs, windowEnd);
}

void Incident::emitProbe(const Probe &probe, std::int64_t windowEnd, FlowEmitter &out)
{
    Connection c;
    c.begin = probe.time;
    c.incident = true;
    const bool open = probe.port == 22 || probe.port == 80 || probe.port == 443;
    if (open) {
        // SYN, SYN-ACK, then the scanner's RST: 2 | 4 on the way in, 18 on the way out.
        c.requestBytes = 84;
        c.requestPacketSize = 42;
        c.responseBytes = 44;
        c.responsePacketSize = 44;
        c.requestFlags = 6;
        c.replyFlags = 18;
    } else {
        c.outcome = Outcome::Rejected;
        c.requestPacketSize = 44;
        c.requestBytes = probe.retried ? 88 : 44;
        c.duration = probe.retried ? 1 : 0;
    }
    const std::array<Leg, 1> legs{directLeg(*m_scanTarget, m_scanTarget->address, m_scanner, probe.port,
                                            m_scanSourcePort, false, kInternetGateway)};
    out.emit(c, legs, windowEnd);
}

void Incident::emitAttempt(const Attempt &attempt, std::int64_t windowEnd, FlowEmitter &out)
{
    Connection c;
    c.begin = attempt.time;
    c.incident = true;
    // The client retransmits its SYN (1 s, then 2 s later) before giving up.
    const auto synCount = static_cast<std::uint64_t>(m_random.between(2, 3));
    c.duration = synCount == 3 ? 3 : 1;
    c.requestPacketSize = 60;
    c.requestBytes = synCount * 60;
    c.responsePacketSize = 60;
    c.responseBytes = synCount * 60;
    c.outcome = attempt.target == m_naclTarget ? Outcome::ReplyRejected : Outcome::Rejected;
    const Eni &source = *m_compromised;
    const Eni &target = *attempt.target;
    const std::array<Leg, 2> legs{
        directLeg(source, source.address, target.address, attempt.sourcePort, attempt.port, true, kSameVpc),
        directLeg(target, target.address, source.address, attempt.port, attempt.sourcePort, false, kSameVpc)};
    out.emit(c, legs, windowEnd);
}

} // namespace flowscope::demo
