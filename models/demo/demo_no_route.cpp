// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo_no_route.h"

#include "demo_estate.h"
#include "demo_internet.h"

namespace flowscope::demo {

namespace {
constexpr int kAttempts = 3;               // the client's retries
constexpr std::int64_t kRetrySeconds = 130; // a little over the TCP SYN give-up
}

NoRouteAttempts::NoRouteAttempts(std::uint64_t seed, std::int64_t spanStart, std::int64_t spanEnd)
    : m_random(seed, "no-route")
    , m_mirror(SimAddress::v4(ipv4(203, 0, 113, 80))) // a documentation address: the mirror
{
    // One build in the afternoon of the span, well inside it.
    const std::int64_t first = spanStart + (spanEnd - spanStart) * 2 / 3 + m_random.between(0, 600);
    for (int i = 0; i < kAttempts; ++i)
        m_times.push_back(first + i * kRetrySeconds);
}

void NoRouteAttempts::emit(std::int64_t from, std::int64_t to, RecordSink &sink)
{
    const Eni &runner = Estate::instance().one(Role::CiRunner);
    FlowEmitter out(m_random, sink);
    for (const std::int64_t time : m_times) {
        if (time < from || time >= to)
            continue;
        Connection c;
        c.protocol = 6;
        c.begin = time;
        c.duration = 0;
        c.requestBytes = 60; // a SYN
        c.requestPacketSize = 60;
        c.outcome = Outcome::Unanswered;
        c.incident = true; // never lost to a SKIPDATA interval: the tab must show it
        const std::array<Leg, 1> legs{
            directLeg(runner, runner.address, m_mirror, linuxEphemeralPort(m_random), 443, true, 0)}; // no path: no route
        out.emit(c, legs, to);
    }
}

} // namespace flowscope::demo
