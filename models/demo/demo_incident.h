// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The scripted incident hidden in the demo traffic:
//  * a beacon: a compromised app server calls a C2 host on 443/tcp every
//    60 s (+-3 s) with constant small payloads, for the whole span, through
//    the NAT gateway;
//  * a port scan: one internet host sweeps 1000 TCP ports of web-1's public
//    address in about four minutes; most probes are rejected, 22/80/443 answer;
//  * lateral movement: the compromised server tries SSH, RDP, SMB and WinRM on
//    internal hosts and is rejected; the bastion accepts the SSH request but
//    its subnet's network ACL rejects the reply (the stateless-NACL pattern);
//  * exfiltration: late in the span the compromised server uploads 640 MB to
//    an internet host through the NAT gateway in twelve minutes (its own
//    random stream, so the rest of the demo stays as it was).

#include "demo_estate.h"
#include "demo_flow.h"
#include "demo_random.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flowscope::demo {

class Incident {
public:
    Incident(std::uint64_t seed, std::int64_t spanStart, std::int64_t spanEnd);

    // Emits every incident connection that begins in [from, to).
    void emit(std::int64_t from, std::int64_t to, RecordSink &sink);

    const Eni &compromised() const { return *m_compromised; }
    const SimAddress &commandAndControl() const { return m_c2; }
    int beaconPeriodSeconds() const { return kBeaconPeriod; }
    const SimAddress &scanner() const { return m_scanner; }
    const Eni &scanTarget() const { return *m_scanTarget; }
    int scannedPorts() const { return static_cast<int>(m_probes.size()); }
    std::int64_t scanStart() const { return m_probes.front().time; }
    std::int64_t scanEnd() const { return m_probes.back().time; }
    std::vector<std::string> lateralTargets() const;
    const Eni &lateralNaclTarget() const { return *m_naclTarget; }
    std::int64_t lateralStart() const { return m_attempts.front().time; }
    std::int64_t lateralEnd() const { return m_attempts.back().time; }
    const SimAddress &exfiltrationHost() const { return m_exfilHost; }
    std::int64_t exfiltrationStart() const { return m_exfilStart; }
    static constexpr std::uint64_t kExfiltrationBytes = 640'000'000;

private:
    static constexpr int kBeaconPeriod = 60;

    struct Probe {
        std::int64_t time;
        std::uint16_t port;
        bool retried;
    };
    struct Attempt {
        std::int64_t time;
        const Eni *target;
        std::uint16_t port;
        std::uint16_t sourcePort;
    };

    void planBeacon(std::int64_t spanStart, std::int64_t spanEnd);
    void planScan(std::int64_t spanStart, std::int64_t spanEnd);
    void planLateral(std::int64_t spanStart, std::int64_t spanEnd);
    void emitBeacon(std::int64_t time, std::int64_t windowEnd, FlowEmitter &out);
    void emitProbe(const Probe &probe, std::int64_t windowEnd, FlowEmitter &out);
    void emitAttempt(const Attempt &attempt, std::int64_t windowEnd, FlowEmitter &out);
    void emitExfiltration(std::int64_t windowEnd, FlowEmitter &out);

    DemoRandom m_random;
    DemoRandom m_exfilRandom;
    SimAddress m_exfilHost;
    std::int64_t m_exfilStart = 0;
    const Eni *m_compromised = nullptr;
    const Eni *m_scanTarget = nullptr;
    const Eni *m_naclTarget = nullptr;
    SimAddress m_c2, m_scanner;
    std::uint64_t m_beaconRequestBytes = 0, m_beaconResponseBytes = 0;
    std::uint16_t m_scanSourcePort = 0;
    std::vector<std::int64_t> m_beacons;
    std::vector<Probe> m_probes;
    std::vector<Attempt> m_attempts;
};

} // namespace flowscope::demo
