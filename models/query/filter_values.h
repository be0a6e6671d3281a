// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decoders (and printers) for the literal values of the filter language:
// sizes with units, times, addresses and CIDRs, and named codes. Each decoder
// returns false and a message saying what was expected on bad text.

#include "filter_ast.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace flowscope {

// Decimal integer with an optional byte unit (KB MB GB TB = powers of 1000,
// KiB MiB GiB TiB = powers of 1024; B; case-insensitive). allowUnits false
// rejects units. Fails when the value exceeds maxValue.
bool parseFilterInteger(std::string_view word, std::uint64_t maxValue, bool allowUnits,
                        std::uint64_t &out, std::string &error);

// Epoch seconds, or ISO 8601 with a zone: 2026-03-10T02:00Z,
// 2026-03-10T02:00:00.5+01:00 (seconds and fraction optional; the fraction is
// truncated). Times before 1970 are rejected.
bool parseFilterTime(std::string_view word, std::int64_t &out, std::string &error);
std::string formatFilterTime(std::int64_t epochSeconds); // 2026-03-10T02:00:00Z

// An address (a /32 or /128) or a CIDR, as the range it covers. Host bits
// under the prefix are ignored (10.1.2.3/8 is 10.0.0.0/8).
bool parseFilterAddress(std::string_view word, AddressRange &out, std::string &error);
// A single address, a CIDR when the range is one, else "lo..hi".
std::string formatAddressRange(const AddressRange &range);
// Next address of the same family; false when range was the family's last.
bool nextAddress(const IpAddress &address, IpAddress &out);
bool addressLess(const IpAddress &a, const IpAddress &b); // by family, then value

// IANA protocol names (tcp, udp, icmp, icmpv6, esp, gre, ...).
bool protocolByName(std::string_view name, std::uint64_t &out);
// fin syn rst psh ack urg, to their tcp-flags bit.
bool tcpFlagByName(std::string_view name, std::uint8_t &out);
std::string tcpFlagName(std::uint8_t bit);

// The value of an enum field (action, log-status, type, flow-direction) by
// name, case-insensitive: its code and canonical spelling.
bool enumValueByName(Field field, std::string_view name, std::uint64_t &code, std::string &canonical,
                     std::string &error);

} // namespace flowscope
