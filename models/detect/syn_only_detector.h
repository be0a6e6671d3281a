// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// syn-only: TCP records whose flags are SYN alone, from a source to a
// destination port that never answered: no record anywhere in the case (at
// either end's interface) goes back from that destination and port to the
// source. One finding per source, destination and port with at least
// `min-records` such records: a client retrying a dead or blocked service,
// or a SYN probe (many of them at once are reported by port-scan too).

#include "detector.h"

namespace flowscope {

struct SynOnlyParameters {
    std::int64_t minRecords = 2; // SYN-only records of one source, destination and port
    std::int64_t highRecords = 20; // from this many on, high severity
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
