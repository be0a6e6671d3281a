// SPDX-License-Identifier: GPL-3.0-or-later
#include "address_owners.h"

#include "explain/config_snapshot.h"
#include "store/dictionaries.h"

#include <tuple>
#include <unordered_map>

namespace flowscope::graph {

namespace {

bool lessAddress(const IpAddress &a, const IpAddress &b)
{
    return std::tie(a.family, a.bytes) < std::tie(b.family, b.bytes);
}

} // namespace

std::uint64_t OwnerClaims::PairHash::operator()(std::uint64_t key) const { return mixBits(key); }

void OwnerClaims::add(std::uint32_t eni, LoggedDirection logged, std::uint32_t src, std::uint32_t dst,
                      std::uint64_t flows)
{
    if (!eni)
        return;
    if (logged == LoggedDirection::Egress)
        m_claims[std::uint64_t(src) << 32 | eni] += flows;
    else if (logged == LoggedDirection::Ingress)
        m_claims[std::uint64_t(dst) << 32 | eni] += flows;
    else {
        m_seen[std::uint64_t(eni) << 32 | src] += flows;
        m_seen[std::uint64_t(eni) << 32 | dst] += flows;
    }
}

std::map<std::uint32_t, QString> OwnerClaims::owners(AddressNumbers &numbers, const StringDictionary &strings,
                                                     const explain::ConfigSnapshot *snapshot) const
{
    // An interface without flow-direction claims the address in most of its
    // records (the lowest address on a tie).
    std::map<std::uint32_t, std::pair<std::uint64_t, std::uint32_t>> topSeen; // eni → (flows, address)
    for (const auto &[key, flows] : m_seen) {
        const auto eni = static_cast<std::uint32_t>(key >> 32);
        const auto address = static_cast<std::uint32_t>(key);
        const auto [it, created] = topSeen.try_emplace(eni, flows, address);
        if (!created
            && (flows > it->second.first
                || (flows == it->second.first && lessAddress(numbers.address(address), numbers.address(it->second.second)))))
            it->second = {flows, address};
    }
    DenseHashMap<std::uint64_t, std::uint64_t, PairHash> claims = m_claims;
    for (const auto &[eni, top] : topSeen)
        claims[std::uint64_t(top.second) << 32 | eni] += top.first;
    // The interface with the most flows claiming it, the lower string id on a tie.
    std::unordered_map<std::uint32_t, std::pair<std::uint64_t, std::uint32_t>> best; // address → (flows, eni)
    for (const auto &[key, flows] : claims) {
        const auto address = static_cast<std::uint32_t>(key >> 32);
        const auto eni = static_cast<std::uint32_t>(key);
        const auto [it, created] = best.try_emplace(address, flows, eni);
        if (!created && (flows > it->second.first || (flows == it->second.first && eni < it->second.second)))
            it->second = {flows, eni};
    }
    std::map<std::uint32_t, QString> owners;
    for (const auto &[address, top] : best)
        owners[address] = QString::fromStdString(strings.value(top.second));
    if (snapshot) {
        for (const auto &[id, eni] : snapshot->interfaces) {
            for (const explain::IpAddress &a : eni.privateIpv4)
                if (const auto parsed = flowscope::IpAddress::parse(a.toString().toStdString()))
                    owners[numbers.number(*parsed)] = id;
            for (const explain::IpAddress &a : eni.ipv6)
                if (const auto parsed = flowscope::IpAddress::parse(a.toString().toStdString()))
                    owners[numbers.number(*parsed)] = id;
        }
    }
    return owners;
}

} // namespace flowscope::graph
