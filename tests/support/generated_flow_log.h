// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Random default-format (version 2) flow logs for tests that compare whole
// cases: varied addresses, ports, protocols, spans (some over a day),
// absent fields, NODATA and SKIPDATA records, over six hours.

#include <QByteArray>
#include <QList>

#include <cstdint>

namespace flowscope::test {

// `count` records of the given ENIs (each with its own account), from `seed`.
QByteArray generatedFlowLog(std::uint64_t seed, int count, const QList<QByteArray> &enis);

} // namespace flowscope::test
