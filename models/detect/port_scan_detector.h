// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// port-scan: a source that tries many distinct targets (host and port) in a
// short window, most of them failing (rejected, or SYN without ACK).
//
// Each source's requests are grouped into fixed windows of `window-s`
// seconds; in each window the distinct targets are split into failed (no
// attempt succeeded) and succeeded, and a threshold random walk (TRW, Jung
// et al., as SiLK's rwscan uses it) weighs them: every failed target
// multiplies the likelihood of "scanner" by (1-θ1)/(1-θ0), every success by
// θ1/θ0. A window is a scan when that likelihood reaches β/α and at least
// `min-failed-targets` targets failed; consecutive scan windows of one
// source make one finding, whose evidence is the source's failed requests.
// Successful requests are counted per source and window, not per target
// (a sketch: see port_scan_detector.cpp), so a benign client asking one
// server many times weighs more than one success.

#include "detector.h"

namespace flowscope {

struct PortScanParameters {
    std::int64_t windowSeconds = 300;   // SiLK's BLR model splits events at 300 s gaps
    std::int64_t minFailedTargets = 6;  // distinct failed (host, port) targets in a window
    double theta0 = 0.8;                // P(success) for a benign source
    double theta1 = 0.2;                // P(success) for a scanner
    double alpha = 0.01;                // false positive rate
    double beta = 0.99;                 // detection rate
};

class PortScanDetector : public Detector {
public:
    explicit PortScanDetector(PortScanParameters parameters = {});
    ~PortScanDetector() override;

    std::string_view type() const override { return "port-scan"; }
    std::vector<DetectorParameter> parameters() override;
    ColumnMask columns() const override;
    void observe(const EncodedFlow &flow) override;
    std::vector<Finding> finish(const DetectContext &context, const std::vector<Finding> &earlier) override;

private:
    struct State;
    PortScanParameters m_parameters;
    std::unique_ptr<State> m_state;
};

} // namespace flowscope
