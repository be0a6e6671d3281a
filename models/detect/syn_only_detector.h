// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// syn-only: accepted TCP records whose flags are SYN alone, from a source to a
// destination port that never answered: no record anywhere in the case (at
// either end's interface) goes back from that destination and port to the
// source. One finding per source, destination and port with at least
// `min-records` such records (an operating system retries a SYN twice, so
// three are one client's full attempt): a client retrying a dead or blocked service,
// or a SYN probe (many of them at once are reported by port-scan too).

#include "detector.h"

namespace flowscope {

struct SynOnlyParameters {
    std::int64_t minRecords = 3; // SYN-only records of one source, destination and port
    std::int64_t highRecords = 20; // from this many on, high severity
    bool includeRejected = false;  // rejected SYNs are the firewall working; port-scan weighs them
};

class SynOnlyDetector : public Detector {
public:
    explicit SynOnlyDetector(SynOnlyParameters parameters = {});
    ~SynOnlyDetector() override;

    std::string_view type() const override { return "syn-only"; }
    std::vector<DetectorParameter> parameters() override;
    ColumnMask columns() const override;
    void observe(const EncodedFlow &flow) override;
    std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &earlier) override;

private:
    struct State;
    SynOnlyParameters m_parameters;
    std::unique_ptr<State> m_state;
};

} // namespace flowscope
