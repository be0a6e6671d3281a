// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A detector watches every record a detection run reads (once, in storage
// order, decoding only the columns it asks for) and, when the scan is over,
// says what it found. Detectors keep their own tallies, so one scan feeds
// them all.

#include "detector_parameter.h"
#include "finding.h"

#include "store/block_codec.h"
#include "store/encoded_flow.h"

#include <string>
#include <string_view>
#include <vector>

namespace flowscope {

class CaseDb;
class InterfaceDictionary;
class StringDictionary;

struct DetectContext {
    const StringDictionary &strings;
    const InterfaceDictionary &interfaces;
    // The run's filter ("" for every record): each evidence filter includes it.
    std::string filterExpression;

    // The ENI of an interface context ("" when none).
    std::string eniOf(std::uint32_t interfaceContext) const;
};

class Detector {
public:
    virtual ~Detector() = default;

    virtual std::string_view type() const = 0;
    // The thresholds, bound to this detector's parameter struct.
    virtual std::vector<DetectorParameter> parameters() = 0;
    // Reads what the detector needs from the case before the scan (the
    // case's IOC lists, say); most need nothing.
    virtual void prepare(CaseDb &caseDb) { (void)caseDb; }
    // The block columns observe() reads.
    virtual ColumnMask columns() const = 0;
    // Every record the run's filter selects, NODATA and SKIPDATA too.
    virtual void observe(const EncodedFlow &flow) = 0;
    // The findings; `earlier` holds the findings of the detectors that
    // finished before (see DetectorType::runsLast). Ids are given later.
    virtual std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &earlier) = 0;
};

} // namespace flowscope
