// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ioc-hit: records to or from an indicator of the case's IOC lists. One
// finding per list and indicator that matched at least `min-records` of the
// run's records, with their records, bytes, first and last seen; high when
// any of them was accepted (the traffic went through), medium when all were
// rejected but an internal host sent them (it tried), low otherwise (the
// internet knocked and was turned away). Registered with the other detectors
// by registerIocHitDetector().

#include "detect/detector.h"

#include <memory>

namespace flowscope::incident {

struct IocHitParameters {
    std::int64_t minRecords = 1;  // records of one indicator a finding needs
    std::int64_t highAccepted = 1; // accepted records from which a finding is high
};

class IocHitDetector : public Detector {
public:
    explicit IocHitDetector(IocHitParameters parameters = {});
    ~IocHitDetector() override;

    std::string_view type() const override { return "ioc-hit"; }
    std::vector<DetectorParameter> parameters() override;
    void prepare(CaseDb &caseDb) override;
    ColumnMask columns() const override;
    void observe(const EncodedFlow &flow) override;
    std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &earlier) override;

private:
    struct State;
    IocHitParameters m_parameters;
    std::unique_ptr<State> m_state;
};

// Adds ioc-hit to the detectors a run can use (once; later calls do nothing
// more). Call before the first run.
void registerIocHitDetector();

} // namespace flowscope::incident
