// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records a filter keeps, summed for the graph (see GraphSums) in one
// scan of the blocks the filter's index lookup leaves, on two threads. Only
// the columns the filter and the graph read are decoded; a filter that a
// block's columns can answer (see ColumnPredicate) is tested a column at a
// time, any other record by record. Each thread sums in a flat table of its
// own; the tables are merged at the end.

#include "graph_sums.h"

#include <functional>
#include <vector>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::graph {

class OutsideGroups;

// What the scan knows of every address numbered before it starts.
struct ScanAddresses {
    const OutsideGroups *groups = nullptr;
    std::vector<std::uint8_t> owned;   // by number: an interface of the case owns it
    std::vector<std::uint32_t> kept;   // by number: what a sum keeps of it seen without a service
    std::vector<std::uint32_t> network; // by number: the number of its /24 or /48
    std::vector<std::uint32_t> eniOfInterface; // interface dictionary id → string id of its interface-id
    // A short cut for IPv4, most records: the owned addresses (a few
    // hundred, a table that stays in the cache) → their numbers, and the
    // /24s OutsideGroups::keepsNetworkWhole → their numbers, so that an
    // outside address is looked up by its /24 rather than among every
    // address of the case.
    FlatIndex ownedV4;
    FlatIndex wholeNetworksV4;
};

// Sums the records `filter` keeps. An address no interface owns is kept as
// OutsideGroups::kept says (its /24 or /48 mostly), and the logging
// interface only between two owned addresses. Addresses without a number
// are numbered after the scan. `cancelled` is asked once a block and
// throws GraphCancelled.
GraphSums scanGraphSums(CaseDb &caseDb, const CaseFilter &filter, AddressNumbers &numbers, const ScanAddresses &addresses,
                        const std::function<bool()> &cancelled);

} // namespace flowscope::graph
