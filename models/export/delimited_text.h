// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Rows as CSV (RFC 4180: fields with a comma, quote or line break are quoted,
// quotes doubled) or TSV (tabs and line breaks inside a field become spaces,
// since TSV has no quoting). CSV cells are the CsvWriter's (csv_writer.h),
// so files, the CLI and the clipboard write them alike.

#include "csv_writer.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

#include <string>
#include <string_view>

namespace flowscope {

enum class Delimiter { Comma, Tab };

// A field as it is (CsvCells::Raw), or with a formula neutralised: in CSV as
// the CsvWriter does, in TSV with the single quote before it alone.
std::string delimitedField(std::string_view text, Delimiter delimiter, CsvCells cells = CsvCells::Raw);
QString delimitedField(const QString &text, Delimiter delimiter, CsvCells cells = CsvCells::Raw);

// The given rows of a model (in the order given), its columns in view order
// (`columns`, or all when empty), EditRole text where the model has one (the
// exact value of a cell shown rounded, bytes as 127.2 MB), else DisplayRole text, with a header line of the
// horizontal header texts. Lines end in CRLF as RFC 4180 asks. What lands on
// the clipboard is pasted into spreadsheets: formulas are neutralised unless
// `cells` is Raw.
QString modelRowsAsText(const QAbstractItemModel &model, const QList<int> &rows, const QList<int> &columns,
                        Delimiter delimiter, bool withHeader = true, CsvCells cells = CsvCells::Neutralised);

} // namespace flowscope
