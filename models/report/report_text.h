// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Analyst text and case values as the report draws them: direction
// overrides and other invisible format characters (U+202E can make "exe.txt"
// read "txt.exe") are shown as [U+XXXX] instead of acting, so the page shows
// the characters in the order they were written.

#include <QString>

namespace flowscope::report {

QString visibleText(const QString &text);

} // namespace flowscope::report
