// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small cases for the graph's tests, one record a line:
// "eni-a subnet-1 vpc-1 10.0.1.5:40000 > 198.51.100.7:443 tcp 1000 ACCEPT 2 egress S3 -"
// (bytes, then tcp-flags, flow-direction and the pkt-src/dst-aws-service,
// each may be '-'), imported through the explainer's flow fixture.

#include "flow_fixture.h"

namespace flowscope::test {

QByteArray graphFlowLogOf(const QByteArray &specs);

} // namespace flowscope::test
