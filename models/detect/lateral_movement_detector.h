// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// lateral-movement: an internal address reaching another internal address
// in a different subnet on an administration or data port (SSH, RDP, SMB,
// databases, NFS, caches). Flow logs carry only the logging interface's
// subnet, so "different subnet" means different /`subnet-prefix` networks.
// A (source, destination, port, protocol) pair is a finding when it is new
// (first seen after the first `learn-fraction` of the records' time span,
// to a destination port fewer than `shared-service-sources` sources reach:
// a new client of a domain controller or a shared database is no news), or
// was rejected every time; established pairs (with or without some
// rejects) only with `report-established`. The flagged pairs of one source,
// port and protocol make one finding naming their destinations.

#include "detector.h"

namespace flowscope {

struct LateralMovementParameters {
    std::vector<std::uint16_t> ports{22, 3389, 445, 3306, 5432, 1433, 1521, 2049, 6379, 9042, 27017};
    std::int64_t subnetPrefix = 24;
    std::int64_t sharedServiceSources = 5;
    double learnFraction = 0.25;
    bool reportEstablished = false;
};

class LateralMovementDetector : public Detector {
public:
    explicit LateralMovementDetector(LateralMovementParameters parameters = {});
    ~LateralMovementDetector() override;

    std::string_view type() const override { return "lateral-movement"; }
    std::vector<DetectorParameter> parameters() override;
    ColumnMask columns() const override;
    void observe(const EncodedFlow &flow) override;
    std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &earlier) override;

private:
    struct State;
    LateralMovementParameters m_parameters;
    std::unique_ptr<State> m_state;
};

} // namespace flowscope
