// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which interface of the case owns an address: the newest configuration
// snapshot's interfaces first, then the records (the source of an egress
// record and the destination of an ingress one belong to the interface that
// logged it; without flow-direction, the address in most of an interface's
// records; where several interfaces claim an address, the one with the most
// records, the lower string id on a tie).

#include "address_numbers.h"

#include "store/dense_hash_map.h"
#include "store/graph_traffic_totals.h"

#include <QString>

#include <cstdint>
#include <map>

namespace flowscope {
class StringDictionary;
}

namespace flowscope::explain {
struct ConfigSnapshot;
}

namespace flowscope::graph {

// Flows that tell who owns an address, gathered from the records or their totals.
class OwnerClaims {
public:
    // `flows` records logged by the interface of string id `eni` (0: none,
    // which claims nothing) in direction `logged` between address numbers.
    void add(std::uint32_t eni, LoggedDirection logged, std::uint32_t src, std::uint32_t dst, std::uint64_t flows);
    // Address number → the interface id that owns it (the snapshot's
    // addresses are numbered in `numbers` when new).
    std::map<std::uint32_t, QString> owners(AddressNumbers &numbers, const StringDictionary &strings,
                                            const explain::ConfigSnapshot *snapshot) const;

private:
    struct PairHash {
        std::uint64_t operator()(std::uint64_t key) const;
    };
    // address << 32 | eni → flows saying that eni owns the address.
    DenseHashMap<std::uint64_t, std::uint64_t, PairHash> m_claims;
    // Without flow-direction: eni << 32 | address → flows seen at either end.
    DenseHashMap<std::uint64_t, std::uint64_t, PairHash> m_seen;
};

} // namespace flowscope::graph
