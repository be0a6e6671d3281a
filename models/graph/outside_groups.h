// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the graph groups outside addresses (those no interface of the case
// owns): into one node per IOC list an address lies in, else per AWS service
// pkt-src/dst-aws-service names, else per /24 (IPv4) or /48 (IPv6). A group
// named in GraphOptions::expanded shows its addresses instead. Groups are
// told apart by numbers while the graph is summed; their names are made only
// for the nodes a graph shows or folds into "more".

#include "flow_graph.h"
#include "format/ip_address.h"
#include "query/filter_ast.h"

#include <QString>

#include <cstdint>
#include <cstring>
#include <set>
#include <unordered_set>
#include <vector>

namespace flowscope {
class CaseDb;
class StringDictionary;
} // namespace flowscope

namespace flowscope::graph {

struct AddressHash {
    std::size_t operator()(const IpAddress &a) const
    {
        // Two words mixed by multiplication: cheaper than a byte loop, as every record is hashed.
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        std::memcpy(&low, a.bytes.data(), 8);
        std::memcpy(&high, a.bytes.data() + 8, 8);
        std::uint64_t h = (low ^ static_cast<std::uint8_t>(a.family)) * 0x9E3779B97F4A7C15ULL;
        h = (h ^ (h >> 29) ^ high) * 0xBF58476D1CE4E5B9ULL;
        return h ^ (h >> 32);
    }
};

// An IOC list as the graph groups by it: the ranges its indicators cover,
// whatever their ports.
struct IocGroupList {
    QString name;
    std::vector<AddressRange> ranges; // sorted, disjoint
};

// The case's IOC lists, by name (none for a case from before IOC lists).
std::vector<IocGroupList> caseIocGroupLists(CaseDb &caseDb);

IpAddress networkOf(const IpAddress &address);  // its /24 or /48
QString prefixOf(const IpAddress &address);     // "198.51.100.0/24", "2001:db8:1::/48"
// The /24 of an IPv4 address (host order) as prefixOf writes it, at `out`
// (room for kV4PrefixMaxSize characters); returns its length.
constexpr std::size_t kV4PrefixMaxSize = 16; // "255.255.255.0/24"
std::size_t writeV4Prefix(std::uint32_t address, char *out);

// The outside node an address belongs to, as numbers.
struct OutsideKey {
    enum class Form : std::uint8_t { Network, Service, Ioc, Address };
    Form form = Form::Network;
    std::uint32_t group = 0; // Service: the string id; Ioc: the list's position
    IpAddress address;       // Network: the /24 or /48; Address: the address
    friend bool operator==(const OutsideKey &, const OutsideKey &) = default;
};

struct OutsideKeyHash {
    std::size_t operator()(const OutsideKey &k) const
    {
        return AddressHash()(k.address) * 31 + k.group * 4 + static_cast<std::size_t>(k.form);
    }
};

// What a graph shows of an outside node.
struct OutsideNodeText {
    QString id;
    NodeKind kind = NodeKind::Outside;
    QString label;
    QString group;      // Address form: the group it was expanded from
    QString addresses;  // selector: the address or block, or empty
    QString service;    // selector: the AWS service name, or empty
    QString iocList;    // selector: the IOC list name, or empty
};

class OutsideGroups {
public:
    OutsideGroups(const std::set<QString> &expanded, const StringDictionary &strings, std::vector<IocGroupList> iocLists);

    // The node of an outside address seen with `service` (string id, 0 none).
    OutsideKey keyOf(const IpAddress &address, std::uint32_t service) const;
    // What a scan keeps of an outside address: the address itself when its
    // node needs it, else its /24 or /48.
    IpAddress kept(const IpAddress &address, std::uint32_t service) const;
    OutsideNodeText text(const OutsideKey &key, std::uint32_t seenService) const;
    QString idOf(const OutsideKey &key) const;
    // Whether every address of `network` (a /24 or /48) seen without a
    // service is kept as the network: not expanded, and no IOC list to look in.
    bool keepsNetworkWhole(const IpAddress &network) const
    {
        return m_iocLists.empty() && !m_expandedNetworks.count(network);
    }
    // Whether every network is kept whole: nothing expanded, no IOC list.
    bool keepsEveryNetworkWhole() const { return m_iocLists.empty() && m_expandedNetworks.empty(); }

private:
    // Position + 1 of the first list holding the address, 0 none.
    std::uint32_t iocListOf(const IpAddress &address) const;

    const StringDictionary &m_strings;
    std::vector<IocGroupList> m_iocLists;
    std::unordered_set<IpAddress, AddressHash> m_expandedNetworks;
    std::unordered_set<std::uint32_t> m_expandedServices; // string ids
    std::vector<bool> m_expandedIoc;                       // per list
};

} // namespace flowscope::graph
