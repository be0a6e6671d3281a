// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The records a filter keeps (or leaves out), summed for the graph (see
// GraphSums) in one scan of the blocks that hold them, on two threads, a
// column at a time. The filter has been tested before (see collectMatches),
// so only the graph's columns are decoded. Each thread sums in tables of
// its own; the tables are merged at the end.

#include "graph_sums.h"

#include <functional>
#include <vector>

namespace flowscope {
class CaseDb;
class RecordMatchSet;
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

// Which records of the blocks a scan sums.
enum class SumsOf {
    Matches,        // those in the match set, keyed as the graph needs them: an address no
                    // interface owns as OutsideGroups::kept says (its /24 or /48 mostly), the
                    // logging interface only between two owned addresses
    RecordsLeftOut, // the others, keyed as the stored totals are (to be taken from their rows)
};

// Sums the records of `blocks` that `which` names, decoding only the
// columns the graph reads. Addresses without a number are numbered after
// the scan. `cancelled` is asked once a block and throws GraphCancelled.
GraphSums scanGraphSums(CaseDb &caseDb, const std::vector<std::int64_t> &blocks, const RecordMatchSet &matches,
                        SumsOf which, AddressNumbers &numbers, const ScanAddresses &addresses,
                        const std::function<bool()> &cancelled);

} // namespace flowscope::graph
