// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV read back with libcsv (Debian libcsv-dev), a parser independent of the
// writer under test, in strict mode: what the writer writes must parse as
// RFC 4180 says.

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace flowscope::test {

// Rows of cells; an unquoted empty cell is nullopt (absent). Throws
// std::runtime_error when the text is no valid CSV.
std::vector<std::vector<std::optional<QString>>> parseCsv(const QByteArray &text);

} // namespace flowscope::test
