// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_record_reader.h"

namespace flowscope::incident {

bool CsvRecordReader::next(CsvRecord &record)
{
    std::string_view line;
    std::uint64_t number = 0;
    if (!m_lines(line, number))
        return false;
    record = CsvRecord();
    record.line = number;
    std::string field;
    std::size_t i = 0;
    for (;;) {
        // At the start of a field.
        field.clear();
        if (i < line.size() && line[i] == '"') {
            ++i;
            for (;;) {
                const std::size_t quote = line.find('"', i);
                if (quote == std::string_view::npos) {
                    // The field goes on on the next line, its line break kept.
                    field.append(line.substr(i));
                    field += '\n';
                    if (!m_lines(line, number)) {
                        record.error = "a quoted field opened on line " + std::to_string(record.line) + " is never closed";
                        record.fields.push_back(field);
                        return true;
                    }
                    i = 0;
                    continue;
                }
                field.append(line.substr(i, quote - i));
                if (quote + 1 < line.size() && line[quote + 1] == '"') {
                    field += '"';
                    i = quote + 2;
                    continue;
                }
                i = quote + 1;
                break;
            }
            record.fields.push_back(field);
            if (i == line.size())
                return true;
            if (line[i] != ',') {
                record.error = "text after the closing quote of field " + std::to_string(record.fields.size());
                return true;
            }
            ++i;
            continue;
        }
        const std::size_t comma = line.find(',', i);
        const std::string_view raw = line.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i);
        if (raw.find('"') != std::string_view::npos) {
            record.error = "a quote inside unquoted field " + std::to_string(record.fields.size() + 1)
                + " (quote the whole field and double the quotes inside)";
            record.fields.emplace_back(raw);
            return true;
        }
        record.fields.emplace_back(raw);
        if (comma == std::string_view::npos)
            return true;
        i = comma + 1;
    }
}

} // namespace flowscope::incident
