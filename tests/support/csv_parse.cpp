// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_parse.h"

#include <csv.h>

#include <stdexcept>
#include <string>

namespace flowscope::test {

namespace {

struct Rows {
    std::vector<std::vector<std::optional<QString>>> rows;
    std::vector<std::optional<QString>> row;
};

void onField(void *data, size_t size, void *context)
{
    auto *rows = static_cast<Rows *>(context);
    if (data)
        rows->row.emplace_back(QString::fromUtf8(static_cast<const char *>(data), static_cast<qsizetype>(size)));
    else
        rows->row.emplace_back(std::nullopt);
}

// RFC 4180: spaces and tabs are part of a field; libcsv would trim them.
int noSpace(unsigned char) { return 0; }

void onRow(int, void *context)
{
    auto *rows = static_cast<Rows *>(context);
    rows->rows.push_back(std::move(rows->row));
    rows->row.clear();
}

} // namespace

std::vector<std::vector<std::optional<QString>>> parseCsv(const QByteArray &text)
{
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0)
        throw std::runtime_error("csv_init failed");
    csv_set_space_func(&parser, noSpace);
    Rows rows;
    const size_t parsed = csv_parse(&parser, text.constData(), static_cast<size_t>(text.size()), onField, onRow, &rows);
    const bool ok = parsed == static_cast<size_t>(text.size()) && csv_fini(&parser, onField, onRow, &rows) == 0;
    const std::string error = csv_strerror(csv_error(&parser));
    csv_free(&parser);
    if (!ok)
        throw std::runtime_error("not valid CSV: " + error);
    return rows.rows;
}

} // namespace flowscope::test
