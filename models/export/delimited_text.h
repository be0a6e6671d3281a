// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Rows as CSV (RFC 4180: fields with a comma, quote or line break are quoted,
// quotes doubled) or TSV (tabs and line breaks inside a field become spaces,
// since TSV has no quoting). One writer for files, the CLI and the clipboard.

#include <QAbstractItemModel>
#include <QList>
#include <QString>

#include <string>
#include <string_view>

namespace flowscope {

enum class Delimiter { Comma, Tab };

std::string delimitedField(std::string_view text, Delimiter delimiter);
QString delimitedField(const QString &text, Delimiter delimiter);

// The given rows of a model (in the order given), its columns in view order
// (`columns`, or all when empty), DisplayRole text, with a header line of the
// horizontal header texts. Lines end in CRLF as RFC 4180 asks.
QString modelRowsAsText(const QAbstractItemModel &model, const QList<int> &rows, const QList<int> &columns,
                        Delimiter delimiter, bool withHeader = true);

} // namespace flowscope
