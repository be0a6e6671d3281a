// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether a row of the flow table matches IOC indicators, as `@name` decides
// (either side's address in a range, with that side's port for an indicator
// that has one): the flow table's colour rule for hits.

#include "query/ioc_indicators.h"
#include "store/flow_reader.h"

namespace flowscope {

bool rowMatchesIndicators(const FlowRow &row, const IocIndicatorSet &indicators);

} // namespace flowscope
