// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary_record.h"

namespace flowscope {

EncodedFlow recordOfSummaryKey(const InterfaceDictionary &interfaces, std::int64_t interface, std::int64_t action,
                               std::int64_t logStatus)
{
    EncodedFlow flow;
    const auto set = [&](Field f) { flow.present |= std::uint64_t(1) << static_cast<unsigned>(f); };
    if (action == 0 || action == 1) {
        set(Field::Action);
        flow.action = static_cast<Action>(action);
    }
    if (logStatus >= 0 && logStatus <= 2) {
        set(Field::LogStatus);
        flow.logStatus = static_cast<LogStatus>(logStatus);
    }
    if (interface > 0 && static_cast<std::size_t>(interface) <= interfaces.size()) {
        flow.interface = static_cast<std::uint32_t>(interface);
        const InterfaceKey &texts = interfaces.key(flow.interface);
        for (std::size_t i = 0; i < kInterfaceFields.size(); ++i)
            if (texts[i] != 0)
                set(kInterfaceFields[i]);
    }
    return flow;
}

} // namespace flowscope
