// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// visibility-gap: stretches where an interface reported NODATA or SKIPDATA
// (its records of consecutive capture windows merged when they touch or are
// at most `merge-gap-s` apart) during another finding's time: evidence may
// be missing there. SKIPDATA (records lost) counts at any length; NODATA (no
// traffic in the window) from `min-nodata-s` on, since an idle interface
// reports a minute of NODATA now and then. Runs after the other detectors;
// with `require-overlap` off every gap is reported.

#include "detector.h"

namespace flowscope {

struct VisibilityGapParameters {
    std::int64_t mergeGapSeconds = 60;
    std::int64_t minNodataSeconds = 600;
    bool requireOverlap = true;
};

class VisibilityGapDetector : public Detector {
public:
    explicit VisibilityGapDetector(VisibilityGapParameters parameters = {});
    ~VisibilityGapDetector() override;

    std::string_view type() const override { return "visibility-gap"; }
    std::vector<DetectorParameter> parameters() override;
    ColumnMask columns() const override;
    void observe(const EncodedFlow &flow) override;
    std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &earlier) override;

private:
    struct Gap {
        std::uint32_t interface = 0;
        bool skip = false;
        std::int64_t start = 0, end = 0;
        std::uint64_t bytes = 0;
    };
    VisibilityGapParameters m_parameters;
    std::vector<Gap> m_records;
};

} // namespace flowscope
