// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the detail pane shows of a record from the configuration snapshot:
// its interface (instance and Name tag, description, type, security groups,
// subnet, VPC) and the interfaces owning its source and destination
// addresses, under a heading naming the snapshot and how far its time lies
// from the record's.

#include "interface_enrichment.h"

#include <QString>

#include <vector>

namespace flowscope {
struct FlowRow;
}

namespace flowscope::explain {

struct EnrichmentLine {
    QString label;
    QString value;
};

struct EnrichmentSection {
    QString title;
    std::vector<EnrichmentLine> lines;
};

std::vector<EnrichmentSection> enrichmentSections(const InterfaceEnrichment &enrichment, const FlowRow &row);

// "eni-0web1 (i-0web1 web-1, subnet web)"
QString describeOwner(const InterfaceDetails &details);

} // namespace flowscope::explain
