// SPDX-License-Identifier: GPL-3.0-or-later
#include "delimited_text.h"

namespace flowscope {

std::string delimitedField(std::string_view text, Delimiter delimiter, CsvCells cells)
{
    if (delimiter == Delimiter::Comma)
        return csvCell(text, cells);
    std::string out = cells == CsvCells::Neutralised && csvCellIsFormula(text) ? "'" : "";
    out += text;
    for (char &c : out)
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
    return out;
}

QString delimitedField(const QString &text, Delimiter delimiter, CsvCells cells)
{
    return QString::fromStdString(delimitedField(text.toStdString(), delimiter, cells));
}

QString modelRowsAsText(const QAbstractItemModel &model, const QList<int> &rows, const QList<int> &columns,
                        Delimiter delimiter, bool withHeader, CsvCells cells)
{
    QList<int> shown = columns;
    if (shown.isEmpty())
        for (int c = 0; c < model.columnCount(); ++c)
            shown << c;
    const QString separator = delimiter == Delimiter::Comma ? QStringLiteral(",") : QStringLiteral("\t");
    const QString lineEnd = QStringLiteral("\r\n");
    QString out;
    auto writeLine = [&](auto cellText) {
        for (qsizetype i = 0; i < shown.size(); ++i) {
            if (i > 0)
                out += separator;
            out += delimitedField(cellText(shown[i]), delimiter, cells);
        }
        out += lineEnd;
    };
    if (withHeader)
        writeLine([&](int column) { return model.headerData(column, Qt::Horizontal).toString(); });
    for (const int row : rows)
        writeLine([&](int column) {
            // The exact value where the view shows a rounded one (bytes in MB).
            const QModelIndex cell = model.index(row, column);
            const QVariant exact = cell.data(Qt::EditRole);
            return exact.isValid() ? exact.toString() : cell.data().toString();
        });
    return out;
}

} // namespace flowscope
