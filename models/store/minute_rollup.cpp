// SPDX-License-Identifier: GPL-3.0-or-later
#include "minute_rollup.h"

namespace flowscope {

void MinuteRollup::add(const EncodedFlow &flow)
{
    if (!flow.has(Field::Start))
        return; // a record without a time has no place on a timeline
    const std::int64_t minute = flow.start - (flow.start % 60);
    const RollupKey key{minute, flow.interface,
                        static_cast<std::uint8_t>(flow.has(Field::Action) ? static_cast<int>(flow.action) : 2),
                        static_cast<std::uint8_t>(flow.has(Field::LogStatus) ? static_cast<int>(flow.logStatus) : 3)};
    RollupTotals &totals = m_totals[key];
    ++totals.flows;
    if (flow.has(Field::Packets))
        totals.packets += static_cast<std::int64_t>(flow.packets);
    if (flow.has(Field::Bytes))
        totals.bytes += static_cast<std::int64_t>(flow.bytes);
}

} // namespace flowscope
