// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// exfiltration: accepted bytes from an internal address to external ones
// over a window of `window-s` seconds (by record start), either
// - to one external address, at least `min-bytes`, or
// - to all external addresses, at least `baseline-factor` times the
//   source's own median window (over its windows with egress) and at least
//   `baseline-min-bytes`, when it has `baseline-min-windows` windows or more.
// A flow logged at two interfaces (the instance's and a NAT gateway's) is
// counted once (logged_once.h): in the thresholds, the title and the
// finding's records and bytes. Consecutive windows over `min-bytes` to one
// destination make one finding; its title gives the bytes and the span of
// its records (a single elephant flow: seconds, one record).

#include "detector.h"

namespace flowscope {

struct ExfiltrationParameters {
    std::int64_t windowSeconds = 3600;
    std::int64_t minBytes = 500'000'000;        // Turbot: > 500 MB in one accepted flow
    double baselineFactor = 10;
    std::int64_t baselineMinBytes = 100'000'000;
    std::int64_t baselineMinWindows = 6;
};

class ExfiltrationDetector : public Detector {
public:
    explicit ExfiltrationDetector(ExfiltrationParameters parameters = {});
    ~ExfiltrationDetector() override;

    std::string_view type() const override { return "exfiltration"; }
    std::vector<DetectorParameter> parameters() override;
    void prepare(CaseDb &caseDb) override;
    ColumnMask columns() const override;
    void observe(const EncodedFlow &flow) override;
    std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &earlier) override;

private:
    struct State;
    ExfiltrationParameters m_parameters;
    std::unique_ptr<State> m_state;
};

// "1.2 GB", "640 MB": sizes in titles.
std::string readableBytes(std::uint64_t bytes);
// "14 s", "25 min", "2 h 40 min": spans in titles.
std::string readableSpan(std::int64_t seconds);

} // namespace flowscope
