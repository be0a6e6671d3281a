// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_list_parser.h"

#include "ioc_indicator_text.h"
#include "ingest/line_reader.h"
#include "query/filter_values.h"

#include <algorithm>
#include <cctype>

namespace flowscope::incident {

namespace {

std::string_view trimmed(std::string_view text)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && lowered(text.substr(text.size() - suffix.size())) == suffix;
}

bool isHeaderOfIndicators(std::string_view line)
{
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        std::string_view field = trimmed(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
            field = field.substr(1, field.size() - 2);
        if (lowered(field) == "indicator")
            return true;
        if (comma == std::string_view::npos)
            return false;
        start = comma + 1;
    }
}

class Parser {
public:
    Parser(IocFileParse &out, const LineSource &lines)
        : m_out(out)
        , m_lines(lines)
    {
    }

    void error(std::uint64_t line, std::string reason) { m_out.errors.push_back({m_out.path, line, std::move(reason)}); }

    // A text line: the indicator, then nothing but an optional `# comment`.
    void textLine(std::string_view line, std::uint64_t number)
    {
        const std::size_t hash = line.find('#');
        line = trimmed(line.substr(0, hash));
        if (line.empty())
            return;
        const std::size_t space = line.find_first_of(" \t");
        if (space != std::string_view::npos) {
            error(number, "unexpected text after the indicator: '" + std::string(trimmed(line.substr(space)))
                              + "' (one indicator a line; comments start with '#')");
            return;
        }
        std::string why;
        const auto indicator = parseIocIndicator(line, why);
        if (!indicator) {
            error(number, why);
            return;
        }
        m_out.entries.push_back({*indicator, std::string(line), {}, {}, std::nullopt, number});
    }

    void text(std::string_view pending, std::uint64_t pendingNumber, bool hasPending)
    {
        if (hasPending)
            textLine(pending, pendingNumber);
        std::string_view line;
        std::uint64_t number = 0;
        while (m_lines(line, number))
            textLine(line, number);
    }

    void csv(const LineSource &lines)
    {
        CsvRecordReader reader(lines);
        CsvRecord record;
        // The header: the first record that is not blank.
        std::vector<std::string> columns;
        while (reader.next(record)) {
            if (record.fields.size() == 1 && trimmed(record.fields[0]).empty())
                continue;
            if (!record.error.empty()) {
                error(record.line, "header: " + record.error);
                return;
            }
            for (const std::string &f : record.fields)
                columns.push_back(lowered(trimmed(f)));
            break;
        }
        if (columns.empty())
            return; // an empty file: no indicators, no error
        const auto column = [&](std::string_view name) -> std::optional<std::size_t> {
            const auto it = std::find(columns.begin(), columns.end(), name);
            return it == columns.end() ? std::nullopt : std::optional<std::size_t>(static_cast<std::size_t>(it - columns.begin()));
        };
        const auto indicatorColumn = column("indicator");
        if (!indicatorColumn) {
            std::string names;
            for (const std::string &c : columns)
                names += (names.empty() ? "" : ", ") + c;
            error(record.line, "the header has no 'indicator' column (it has: " + names + ")");
            return;
        }
        const auto labelColumn = column("label"), sourceColumn = column("source"), firstSeenColumn = column("first_seen");
        while (reader.next(record)) {
            if (record.fields.size() == 1 && trimmed(record.fields[0]).empty())
                continue;
            if (!record.error.empty()) {
                error(record.line, record.error);
                continue;
            }
            if (record.fields.size() != columns.size()) {
                error(record.line, std::to_string(record.fields.size()) + " fields where the header has "
                                       + std::to_string(columns.size()));
                continue;
            }
            const std::string_view text = trimmed(record.fields[*indicatorColumn]);
            std::string why;
            const auto indicator = parseIocIndicator(text, why);
            if (!indicator) {
                error(record.line, why);
                continue;
            }
            IocEntry entry{*indicator, std::string(text), {}, {}, std::nullopt, record.line};
            if (labelColumn)
                entry.label = std::string(trimmed(record.fields[*labelColumn]));
            if (sourceColumn)
                entry.source = std::string(trimmed(record.fields[*sourceColumn]));
            if (firstSeenColumn) {
                const std::string_view seen = trimmed(record.fields[*firstSeenColumn]);
                if (!seen.empty()) {
                    std::int64_t time = 0;
                    if (!parseFilterTime(seen, time, why)) {
                        error(record.line, "first_seen '" + std::string(seen) + "': " + why);
                        continue;
                    }
                    entry.firstSeen = time;
                }
            }
            m_out.entries.push_back(std::move(entry));
        }
    }

private:
    IocFileParse &m_out;
    const LineSource &m_lines;
};

} // namespace

std::string IocParseError::toString() const
{
    return file + (line ? ":" + std::to_string(line) : std::string()) + ": " + reason;
}

IocFileParse parseIocLines(const std::string &file, const LineSource &lines, std::optional<IocFileFormat> format)
{
    IocFileParse out;
    out.path = file;
    Parser parser(out, lines);
    if (!format && (endsWith(file, ".csv") || endsWith(file, ".csv.gz")))
        format = IocFileFormat::Csv;
    // The first line that says something decides; it is then read again as
    // the format's first line.
    std::string_view first;
    std::uint64_t firstNumber = 0;
    bool haveFirst = false;
    std::string firstCopy;
    if (!format) {
        while (lines(first, firstNumber)) {
            const std::string_view t = trimmed(first);
            if (t.empty() || t.front() == '#')
                continue;
            haveFirst = true;
            firstCopy = std::string(first);
            break;
        }
        format = haveFirst && isHeaderOfIndicators(firstCopy) ? IocFileFormat::Csv : IocFileFormat::Text;
    }
    out.format = *format;
    if (out.format == IocFileFormat::Text) {
        parser.text(firstCopy, firstNumber, haveFirst);
        return out;
    }
    bool replay = haveFirst;
    const LineSource withFirst = [&](std::string_view &line, std::uint64_t &number) {
        if (replay) {
            replay = false;
            line = firstCopy;
            number = firstNumber;
            return true;
        }
        return lines(line, number);
    };
    parser.csv(withFirst);
    return out;
}

IocFileParse parseIocFile(const std::filesystem::path &path)
{
    LineReader reader(path);
    const std::string file = path.string();
    if (!reader.open()) {
        IocFileParse out;
        out.path = file;
        out.unreadable = true;
        out.errors.push_back({file, 0, reader.error().empty() ? "cannot be read" : reader.error()});
        return out;
    }
    const LineSource lines = [&reader](std::string_view &line, std::uint64_t &number) { return reader.next(line, number); };
    IocFileParse out = parseIocLines(file, lines);
    if (!reader.error().empty())
        out.errors.push_back({file, 0, reader.error() + " (the lines before it are kept)"});
    for (const std::uint64_t line : reader.longLineNumbers())
        out.errors.push_back({file, line, "line longer than " + std::to_string(LineReader::kMaxLineLength) + " bytes"});
    if (reader.sawBinary())
        out.errors.push_back({file, 0, "holds binary data: not a text or CSV file"});
    out.sha256 = reader.sha256Hex();
    return out;
}

} // namespace flowscope::incident
