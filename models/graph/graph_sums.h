// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records summed per logging interface, address pair (as numbers, see
// AddressNumbers), AWS services and initiator: what the graph is built
// from. A case has far fewer of these sums than records.

#include "address_numbers.h"
#include "flow_graph.h"

#include "store/dense_hash_map.h"
#include "store/graph_traffic_totals.h"

#include <cstdint>
#include <vector>

namespace flowscope::graph {

struct SumKey {
    std::uint32_t eni = 0; // string id of the logging interface's id, 0 when none or not needed
    std::uint32_t src = 0; // address numbers
    std::uint32_t dst = 0;
    std::uint32_t srcService = 0; // string ids, 0 when none
    std::uint32_t dstService = 0;
    LoggedDirection logged = LoggedDirection::Unknown; // only where owners are decided
    FlowInitiator initiator = FlowInitiator::Unknown;
    friend bool operator==(const SumKey &, const SumKey &) = default;
};

struct SumKeyHash {
    std::uint64_t operator()(const SumKey &k) const
    {
        std::uint64_t h = mixBits(std::uint64_t(k.src) << 32 | k.dst);
        h = mixBits(h ^ (std::uint64_t(k.eni) << 32 | std::uint64_t(k.logged) << 8 | std::uint64_t(k.initiator)));
        if (k.srcService != 0 || k.dstService != 0)
            h = mixBits(h ^ (std::uint64_t(k.srcService) << 32 | k.dstService));
        return h;
    }
};

using GraphSums = DenseHashMap<SumKey, Traffic, SumKeyHash>;

} // namespace flowscope::graph
