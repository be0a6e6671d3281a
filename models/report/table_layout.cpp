// SPDX-License-Identifier: GPL-3.0-or-later
#include "table_layout.h"

#include <algorithm>
#include <numeric>

namespace flowscope::report {

namespace {

// After these a token may break: path, ARN, file name and filter separators
// (not a comma: "40,569" is one number).
bool isSeparator(QChar c)
{
    static const QString kSeparators = QStringLiteral("/\\:;=&|?_");
    return kSeparators.contains(c);
}

// After these a piece too wide for its column may break.
const QString kWeakSeparators = QStringLiteral("-.");

QStringList words(const QString &line)
{
    return line.split(QLatin1Char(' '));
}

// A token cut after each of its separators: "arn:aws:iam::1:role/x" gives
// "arn:", "aws:", "iam:", ":", "1:", "role/", "x".
QStringList pieces(const QString &token, const QString &separators = {})
{
    QStringList parts;
    QString part;
    for (const QChar c : token) {
        part += c;
        if (separators.isEmpty() ? isSeparator(c) : separators.contains(c)) {
            parts << part;
            part.clear();
        }
    }
    if (!part.isEmpty())
        parts << part;
    return parts;
}

// Pieces packed greedily into lines of `width`; a piece wider than that cut
// between its characters.
QStringList breakToken(const QString &token, double width, const MeasureText &measure)
{
    QStringList lines;
    QString line;
    const auto place = [&](const QString &unit) {
        if (line.isEmpty() || measure(line + unit) <= width)
            line += unit;
        else {
            lines << line;
            line = unit;
        }
    };
    for (const QString &piece : pieces(token)) {
        if (measure(piece) <= width) {
            place(piece);
            continue;
        }
        // Too wide still: after a hyphen or dot, then between characters.
        for (const QString &part : pieces(piece, kWeakSeparators)) {
            if (measure(part) <= width) {
                place(part);
                continue;
            }
            for (const QChar c : part)
                place(QString(c));
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

} // namespace

ColumnExtent measureCell(const QString &text, const MeasureText &measure)
{
    ColumnExtent extent;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        extent.line = std::max(extent.line, measure(line));
        for (const QString &word : words(line)) {
            extent.token = std::max(extent.token, measure(word));
            for (const QString &piece : pieces(word)) {
                extent.piece = std::max(extent.piece, measure(piece));
                for (const QString &fragment : pieces(piece, kWeakSeparators))
                    extent.fragment = std::max(extent.fragment, measure(fragment));
            }
        }
    }
    return extent;
}

ColumnExtent widest(const ColumnExtent &a, const ColumnExtent &b)
{
    return {std::max(a.token, b.token), std::max(a.piece, b.piece), std::max(a.fragment, b.fragment),
            std::max(a.line, b.line)};
}

std::vector<double> columnWidths(const std::vector<ColumnExtent> &columns, double available)
{
    const std::size_t n = columns.size();
    std::vector<double> widths(n);
    if (n == 0)
        return widths;
    const auto sum = [](const std::vector<double> &v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    for (std::size_t i = 0; i < n; ++i)
        widths[i] = columns[i].token;
    // Tokens with separators give way first, the widest first; then pieces
    // with hyphens and dots.
    const auto giveWay = [&](double ColumnExtent::*from, double ColumnExtent::*to) {
        std::vector<std::size_t> byGain(n);
        std::iota(byGain.begin(), byGain.end(), 0);
        std::sort(byGain.begin(), byGain.end(), [&](std::size_t a, std::size_t b) {
            return columns[a].*from - columns[a].*to > columns[b].*from - columns[b].*to;
        });
        for (std::size_t i : byGain) {
            if (sum(widths) <= available)
                return;
            widths[i] = std::max(columns[i].*to, widths[i] - (sum(widths) - available));
        }
    };
    giveWay(&ColumnExtent::token, &ColumnExtent::piece);
    giveWay(&ColumnExtent::piece, &ColumnExtent::fragment);
    if (sum(widths) > available) {
        // Even the pieces do not fit: the narrow columns keep theirs and the
        // wide ones share the rest alike, narrowest first (none starves).
        std::vector<std::size_t> byPiece(n);
        std::iota(byPiece.begin(), byPiece.end(), 0);
        std::sort(byPiece.begin(), byPiece.end(), [&](std::size_t a, std::size_t b) { return widths[a] < widths[b]; });
        double left = available;
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = byPiece[k];
            widths[i] = std::min(widths[i], left / double(n - k));
            left -= widths[i];
        }
        return widths;
    }
    // What remains: first to the lines that would break, by what they lack.
    double rest = available - sum(widths);
    std::vector<double> lack(n);
    for (std::size_t i = 0; i < n; ++i)
        lack[i] = std::max(0.0, columns[i].line - widths[i]);
    if (const double lacking = sum(lack); lacking > 0) {
        const double share = std::min(1.0, rest / lacking);
        for (std::size_t i = 0; i < n; ++i)
            widths[i] += lack[i] * share;
        rest = available - sum(widths);
    }
    if (rest > 0) {
        const double total = sum(widths);
        for (double &w : widths)
            w += total > 0 ? rest * w / total : rest / double(n);
    }
    return widths;
}

QStringList wrapCell(const QString &text, double width, const MeasureText &measure)
{
    QStringList lines;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        bool started = false;
        for (const QString &word : words(paragraph)) {
            if (started && measure(line + QLatin1Char(' ') + word) <= width) {
                line += QLatin1Char(' ') + word;
                continue;
            }
            if (started)
                lines << line;
            started = true;
            if (measure(word) <= width) {
                line = word;
                continue;
            }
            QStringList broken = breakToken(word, width, measure);
            line = broken.takeLast();
            lines << broken;
        }
        lines << line;
    }
    return lines;
}

} // namespace flowscope::report
