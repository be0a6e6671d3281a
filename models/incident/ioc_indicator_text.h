// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One indicator as written in an IOC list: an IPv4 or IPv6 address, a CIDR
// block, or an address with a port (1.2.3.4:443, [2001:db8::1]:443; a CIDR
// block may carry a port too: 10.0.0.0/8:22, [2001:db8::/32]:22).

#include "query/ioc_indicators.h"

#include <optional>
#include <string>
#include <string_view>

namespace flowscope::incident {

// The indicator, or nothing with `error` saying why not.
std::optional<IocIndicator> parseIocIndicator(std::string_view text, std::string &error);

// The canonical spelling: 10.0.0.0/8, 1.2.3.4:443, [2001:db8::1]:443.
std::string formatIocIndicator(const IocIndicator &indicator);

} // namespace flowscope::incident
