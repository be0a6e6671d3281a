// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A PDF read back with poppler-utils: its text page by page (pdftotext
// -layout), its page size (pdfinfo) and whether its fonts are embedded
// (pdffonts).

#include <QSizeF>
#include <QString>
#include <QStringList>

namespace flowscope::test {

// One string per page; empty when pdftotext failed.
QStringList pdfPages(const QString &path);
// Points; invalid when pdfinfo failed.
QSizeF pdfPageSize(const QString &path);
// The fonts' names with their "emb" column; empty when pdffonts failed.
QStringList pdfFontsNotEmbedded(const QString &path, bool *ok);

} // namespace flowscope::test
