// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sources whose rejected requests look like scanning rather than a
// misconfiguration: one address knocking on many ports (a port scan) or, from
// outside private address space, on many hosts (a sweep). A scan of an
// internet-facing estate leaves one small group of rejects per port and
// interface; folded by source it is one group, "198.51.100.7 → 10.0.1.5:
// 399 ports, rejected". Requests are told from the records themselves (SYN
// without ACK, or without flags the lower port as the server's), so the
// replies a network ACL refuses, to a client's many ephemeral ports, never
// count as a scan.

#include "flow_pairing.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <memory>
#include <span>
#include <unordered_map>

namespace flowscope::explain {

// A source with this many distinct destination ports among its rejected
// requests scans ports; from outside private space, this many hosts too.
inline constexpr int kScanPorts = 20;
inline constexpr int kScanHosts = 20;

struct ScanningSource {
    flowscope::IpAddress source;
    std::optional<flowscope::IpAddress> onlyHost; // when every request went to one host
    int ports = 0;                  // distinct destination ports
    int hosts = 0;                  // distinct destination hosts
    std::int64_t requests = 0;      // rejected requests
    std::int64_t synOnly = 0;       // of them, TCP with SYN alone

    bool mostlySynOnly() const { return synOnly * 2 > requests; }
    // "198.51.100.7 → 10.0.1.5: 399 ports" or "198.51.100.7 → 12 hosts: 40 ports"
    QString summary() const;
    // The suggestion's note: these rejects look like scanning, not a misconfiguration.
    QString suggestionNote() const;
};

// Whether a rejected record is a request, from its flags or ports alone.
bool looksLikeRequest(const PairingFlow &flow);

struct AddressHash {
    std::size_t operator()(const flowscope::IpAddress &address) const;
};

using ScanningSources = std::unordered_map<flowscope::IpAddress, std::shared_ptr<const ScanningSource>, AddressHash>;

// The scanning sources among `count` rejected records that `at(i)` gives.
ScanningSources findScanningSources(std::size_t count, const std::function<const PairingFlow &(std::size_t)> &at);

} // namespace flowscope::explain
