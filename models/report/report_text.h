// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Analyst text and case values as the report draws them: direction
// overrides and other invisible format characters (U+202E can make "exe.txt"
// read "txt.exe") are shown as [U+XXXX] instead of acting, so the page shows
// the characters in the order they were written.

#include <QString>

#include <cstdint>

namespace flowscope::report {

QString visibleText(const QString &text);

// A time in the report's tables: "2026-03-10 02:00:40", as the flow table
// shows it; the column or label says UTC. Date and time break apart at
// the space in a narrow column, never inside either.
QString utcTime(std::int64_t seconds);

} // namespace flowscope::report
