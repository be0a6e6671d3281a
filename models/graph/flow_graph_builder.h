// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builds a FlowGraph from the records a filter keeps, in one scan of its
// blocks on the project's two threads.
//
// An address is a case interface when an ENI of the case owns it: the
// newest configuration snapshot's interfaces first, then the records (the
// source of an egress record and the destination of an ingress one belong
// to the interface that logged it; without flow-direction, the address in
// most of an interface's records). Any other address is an outside peer:
// its AWS service when pkt-src-aws-service / pkt-dst-aws-service names one,
// else its /24 (IPv4) or /48 (IPv6).
//
// A flow between two interfaces of the case is logged twice, as egress at
// the sender and as ingress at the receiver. For each address pair,
// direction and initiator, the side that logged more of those records
// counts (the sender on a tie), so that a flow counts once, and still
// counts when one end's logs are missing or the filter hides them.
//
// With an empty filter the sums come from the totals written at import
// (graph_total_runs.h), the same answer without reading a record; with a
// filter that keeps most records, from those totals less the records it
// leaves out (see graph_record_scan.h).

#include "flow_graph.h"

#include <functional>
#include <memory>
#include <set>
#include <stdexcept>

namespace flowscope {
class CaseDb;
class CaseFilter;
} // namespace flowscope

namespace flowscope::explain {
struct ConfigSnapshot;
}

namespace flowscope::graph {

struct GraphOptions {
    GraphLevel level = GraphLevel::Eni;
    GraphMetric metric = GraphMetric::Bytes;
    std::size_t topNodes = 150; // at most this many nodes, the rest folded into "more"
    // Outside groups shown as their addresses: "198.51.100.0/24",
    // "2001:db8:1::/48", "aws:S3" (the ids of their nodes).
    std::set<QString> expanded;
    // Names, types and owned addresses; null: from the records alone.
    std::shared_ptr<const explain::ConfigSnapshot> snapshot;
    // Asked once a block; true ends the build with GraphCancelled.
    std::function<bool()> cancelled;
    // An empty filter reads the totals kept beside the records (sorted
    // runs, see graph_total_runs.h) instead of the records; false scans the records.
    bool useStoredTotals = true;
    // A filter's records tested and summed a column at a time, by address
    // numbers (given the totals, which number every address); false decodes
    // and sums each record whole, by address: the general way, which the
    // fast one answers as.
    bool columnScan = true;
};

class GraphCancelled : public std::runtime_error {
public:
    GraphCancelled()
        : std::runtime_error("graph cancelled")
    {
    }
};

// Throws StoreError when the case cannot be read, GraphCancelled on a cancel.
FlowGraph buildFlowGraph(CaseDb &caseDb, const CaseFilter &filter, const GraphOptions &options);

// The newest configuration snapshot the case holds, or null.
std::shared_ptr<const explain::ConfigSnapshot> newestSnapshot(CaseDb &caseDb);

} // namespace flowscope::graph
