// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Requests that never got an answer, so that a new user meets the Unanswered
// tab and `explain --unanswered` at once: the CI runner in subnet ecs-b
// (whose route table has no route to the internet: no NAT gateway, only the
// VPC, the peering and the S3 endpoint) tries to fetch from an outside
// package mirror a few times. Its interface ACCEPTs each SYN out and no reply
// comes back anywhere; the demo's snapshot says why: no route
// (NO_ROUTE_TO_DESTINATION). Nothing else of ecs-b goes to the internet.

#include "demo_flow.h"
#include "demo_random.h"

#include <cstdint>
#include <vector>

namespace flowscope::demo {

class NoRouteAttempts {
public:
    NoRouteAttempts(std::uint64_t seed, std::int64_t spanStart, std::int64_t spanEnd);

    // Emits the attempts that begin in [from, to).
    void emit(std::int64_t from, std::int64_t to, RecordSink &sink);

    const SimAddress &mirror() const { return m_mirror; }
    std::size_t attempts() const { return m_times.size(); }

private:
    DemoRandom m_random;
    SimAddress m_mirror;
    std::vector<std::int64_t> m_times;
};

} // namespace flowscope::demo
