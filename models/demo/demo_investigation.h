// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The demo's incident as an analyst leaves it after a first pass, so that a
// new user opening the demo sees it at once: every detector run over the
// whole case and its findings stored, the IOC lists hunted and the hits
// stored, and a few starred, tagged and annotated records telling the
// scripted story (first beacon, the scan, the lateral move the network ACL
// stopped, the upload), with the analyst's severity and tags on findings.

#include "demo_generator.h"

#include <cstdint>

namespace flowscope {

class CaseDb;

struct DemoInvestigation {
    std::uint64_t findings = 0;
    std::uint64_t iocHits = 0;
    std::uint64_t starred = 0;
    std::uint64_t notes = 0;
};

// Into a case holding the demo's records and IOC list. Throws
// std::logic_error when the story's records or findings are missing (the
// generator and the detectors no longer agree).
DemoInvestigation investigateDemoCase(CaseDb &caseDb, const DemoSummary &input, std::int64_t now);

} // namespace flowscope
