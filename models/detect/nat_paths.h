// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The NAT gateways a case shows and the hosts behind them, so that traffic
// the gateway translated is reported once, at the host that sent it. A NAT
// gateway logs each outbound flow twice: the inside record, from the host to
// the gateway's address with the real destination as pkt-dstaddr, and the
// translated record, from the gateway's own address; the host's interface
// logs it a third time. The gateways come from the records (an inside record
// names its gateway and its host) and from the configuration snapshots
// (interfaces of type nat_gateway), which name no host: for those the hosts
// are the detector's to find (addSender()) among those that sent to the
// gateway's address and, from their own address, to the same destination.

#include "format/ip_address.h"
#include "store/block_codec.h"
#include "store/encoded_flow.h"

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace flowscope {

class CaseDb;

class NatPaths {
public:
    // Reads the NAT gateways' addresses from the case's configuration snapshots.
    void prepare(CaseDb &caseDb);
    // The columns observe() reads besides the addresses.
    static ColumnMask columns();

    // The destination the record's flow had before translation: pkt-dstaddr
    // when it differs from dstaddr (a record addressed to a NAT gateway),
    // else dstaddr. Learns the gateway and the host behind it from such
    // records. The record must have both addresses.
    IpAddress observe(const EncodedFlow &flow);

    bool isGateway(const IpAddress &address) const;
    // Whether the snapshots name it: its hosts then come from the detector.
    bool isSnapshotGateway(const IpAddress &address) const;
    // The hosts seen sending to `remote` through `gateway`, in address order.
    std::vector<IpAddress> sendersThrough(const IpAddress &gateway, const IpAddress &remote) const;
    // The gateways `sender` reached `remote` through, in address order.
    std::vector<IpAddress> gatewaysOf(const IpAddress &sender, const IpAddress &remote) const;
    // Whether any host is known behind the gateway.
    bool hasSenders(const IpAddress &gateway) const;
    // Whether `sender` sent records to the gateway's own address (its inside
    // records, without packet-level addresses).
    bool sentTo(const IpAddress &gateway, const IpAddress &sender) const;
    // Every host that sent records to the gateway's own address.
    std::vector<IpAddress> sendersTo(const IpAddress &gateway) const;
    // A host the detector found behind a snapshot's gateway.
    void addSender(const IpAddress &gateway, const IpAddress &sender, const IpAddress &remote);

private:
    using Key = std::tuple<int, std::array<std::uint8_t, 16>>;
    static Key keyOf(const IpAddress &address);
    static IpAddress addressOf(const Key &key);
    void learn(const IpAddress &gateway, const IpAddress &sender, const IpAddress &remote);

    std::set<Key> m_gateways, m_snapshotGateways;
    std::set<std::pair<Key, Key>> m_sentTo; // snapshot gateway, sender
    std::set<std::tuple<Key, Key, Key>> m_byGateway; // gateway, remote, sender
    std::set<std::tuple<Key, Key, Key>> m_bySender;  // sender, remote, gateway
};

// ", through NAT gateway 10.0.0.220" (or "gateways A, B"); empty for none.
std::string natPathText(const std::vector<IpAddress> &gateways);

} // namespace flowscope
