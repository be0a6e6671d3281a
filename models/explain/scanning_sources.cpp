// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanning_sources.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cstring>
#include <tuple>
#include <vector>

namespace flowscope::explain {

namespace {

constexpr std::uint8_t kTcp = 6, kUdp = 17;
constexpr std::uint8_t kSyn = 0x02, kAck = 0x10;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("flowscope::explain::ScanningSources", text, nullptr, n);
}

bool isPrivate(const flowscope::IpAddress &a)
{
    if (a.isV4()) {
        const std::uint32_t v = a.v4();
        return (v >> 24) == 10 || (v >> 20) == (172u << 4 | 1u) || (v >> 16) == (192u << 8 | 168u)
            || (v >> 22) == (100u << 2 | 1u);
    }
    return (a.bytes[0] & 0xfe) == 0xfc;
}

bool addressLess(const flowscope::IpAddress &a, const flowscope::IpAddress &b)
{
    return std::tie(a.family, a.bytes) < std::tie(b.family, b.bytes);
}

} // namespace

std::size_t AddressHash::operator()(const flowscope::IpAddress &address) const
{
    std::uint64_t low = 0, high = 0;
    std::memcpy(&low, address.bytes.data(), 8);
    std::memcpy(&high, address.bytes.data() + 8, 8);
    const std::uint64_t mixed = (low * 0x9e3779b97f4a7c15ull) ^ (high + 0x632be59bd9b4e019ull + (low << 6))
        ^ static_cast<std::uint64_t>(address.family);
    return static_cast<std::size_t>(mixed ^ (mixed >> 29));
}

bool looksLikeRequest(const PairingFlow &flow)
{
    if (flow.protocol == kTcp && flow.hasTcpFlags)
        return (flow.tcpFlags & kSyn) && !(flow.tcpFlags & kAck);
    if (flow.protocol == kTcp || flow.protocol == kUdp)
        return flow.dstPort < flow.srcPort;
    return false; // ICMP and others: no port to scan
}

ScanningSources findScanningSources(std::size_t count, const std::function<const PairingFlow &(std::size_t)> &at)
{
    struct Knock {
        flowscope::IpAddress source;
        flowscope::IpAddress host;
        std::uint16_t port;
        bool synOnly;
    };
    std::vector<Knock> knocks;
    for (std::size_t i = 0; i < count; ++i) {
        const PairingFlow &flow = at(i);
        if (looksLikeRequest(flow))
            knocks.push_back({flow.src, flow.dst, flow.dstPort, flow.protocol == kTcp && flow.hasTcpFlags && flow.tcpFlags == kSyn});
    }
    const auto bySource = [](const Knock &a, const Knock &b) { return addressLess(a.source, b.source); };
    std::sort(knocks.begin(), knocks.end(), bySource);
    ScanningSources out;
    std::vector<std::uint16_t> ports;
    std::vector<flowscope::IpAddress> hosts;
    for (auto from = knocks.begin(); from != knocks.end();) {
        const auto to = std::upper_bound(from, knocks.end(), *from, bySource);
        ScanningSource source;
        source.source = from->source;
        ports.clear();
        hosts.clear();
        for (auto k = from; k != to; ++k) {
            ++source.requests;
            source.synOnly += k->synOnly ? 1 : 0;
            ports.push_back(k->port);
            hosts.push_back(k->host);
        }
        std::sort(ports.begin(), ports.end());
        std::sort(hosts.begin(), hosts.end(), addressLess);
        source.ports = int(std::unique(ports.begin(), ports.end()) - ports.begin());
        source.hosts = int(std::unique(hosts.begin(), hosts.end()) - hosts.begin());
        if (source.hosts == 1)
            source.onlyHost = hosts.front();
        if (source.ports >= kScanPorts || (source.hosts >= kScanHosts && !isPrivate(source.source)))
            out.emplace(source.source, std::make_shared<const ScanningSource>(std::move(source)));
        from = to;
    }
    return out;
}

QString ScanningSource::summary() const
{
    const QString from = QString::fromStdString(source.toString());
    const QString portsText = tr("%n ports", ports);
    if (onlyHost)
        return QStringLiteral("%1 → %2: %3").arg(from, QString::fromStdString(onlyHost->toString()), portsText);
    return QStringLiteral("%1 → %2: %3").arg(from, tr("%n hosts", hosts), portsText);
}

QString ScanningSource::suggestionNote() const
{
    const QString share = QLocale().toString(100.0 * double(synOnly) / double(std::max<std::int64_t>(1, requests)), 'f', 0);
    return tr("These rejects look like scanning, not a misconfiguration: %1 rejected requests from %2 to %3 on %4 (%5% SYN only). "
              "Opening a port is no repair; block or watch the source if it matters.")
        .arg(QLocale().toString(qint64(requests)), QString::fromStdString(source.toString()), tr("%n ports", ports),
             tr("%n hosts", hosts), share);
}

} // namespace flowscope::explain
