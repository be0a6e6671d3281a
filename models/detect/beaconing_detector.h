// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// beaconing: a source connecting to one destination and port at regular
// times with regular sizes, as malware calls its command server. Every
// (source, destination, destination port, protocol) series of at least
// `min-connections` records is scored as RITA scores beacons (see
// beacon_score.h), over the connections of the interface that logged most
// of them (a flow logged at both ends is one connection, and so is a
// connection of one source port logged over several aggregation windows); a
// score of at least `min-score` is a finding, reporting the median interval
// as the period. Traffic a NAT gateway translated is reported once, at the
// host that sent it, with the gateway in the title (see nat_paths.h).

#include "detector.h"

namespace flowscope {

struct BeaconingParameters {
    std::int64_t minConnections = 12;  // distinct start times in the series
    double minScore = 0.8;             // RITA's score, 0 to 1
    std::int64_t jitterSeconds = 60;   // start times are up to a capture window late
    std::int64_t minPeriodSeconds = 10; // faster series are streams, not beacons
    bool externalOnly = true;          // only internal sources calling external destinations
};

class BeaconingDetector : public Detector {
public:
    explicit BeaconingDetector(BeaconingParameters parameters = {});
    ~BeaconingDetector() override;

    std::string_view type() const override { return "beaconing"; }
    std::vector<DetectorParameter> parameters() override;
    void prepare(CaseDb &caseDb) override;
    ColumnMask columns() const override;
    void observe(const EncodedFlow &flow) override;
    std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &earlier) override;

private:
    struct State;
    BeaconingParameters m_parameters;
    std::unique_ptr<State> m_state;
};

} // namespace flowscope
