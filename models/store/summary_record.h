// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A record made of a summary row's key alone (interface context, action and
// log status, coded as in rollup_minute and record_total): it stands for all
// the records the row sums up, for a filter that reads no other field.

#include "dictionaries.h"
#include "encoded_flow.h"

#include <cstdint>

namespace flowscope {

EncodedFlow recordOfSummaryKey(const InterfaceDictionary &interfaces, std::int64_t interface, std::int64_t action,
                               std::int64_t logStatus);

} // namespace flowscope
