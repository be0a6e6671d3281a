// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether a line of text could be a flow-log record of some version and
// field order: most of its fields are values flow logs write (numbers, '-',
// IP addresses, resource ids such as eni-…, ACCEPT/REJECT, OK/NODATA/SKIPDATA,
// ingress/egress). A file with no such line is not a flow log, and asking
// for its format string would only mislead.

#include <cstdint>
#include <string>
#include <string_view>

namespace flowscope {

bool looksLikeFlowRecord(std::string_view line);

// "not a flow log (no line looks like a flow record of any version; line N reads "…")".
std::string notFlowRecordsReason(std::uint64_t firstLine, std::string_view firstText);

} // namespace flowscope
