// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_stream.h"

#include <csv.h>

#include <stdexcept>
#include <string>

namespace flowscope::test {

namespace {

// RFC 4180: spaces and tabs are part of a field; libcsv would trim them.
int noSpace(unsigned char) { return 0; }

} // namespace

struct CsvStream::Parser {
    csv_parser parser;
};

CsvStream::CsvStream(std::function<bool(std::int64_t row)> keep)
    : m_parser(std::make_unique<Parser>())
    , m_keep(std::move(keep))
{
    if (csv_init(&m_parser->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0)
        throw std::runtime_error("csv_init failed");
    csv_set_space_func(&m_parser->parser, noSpace);
    m_keeping = m_keep && m_keep(0);
}

CsvStream::~CsvStream() { csv_free(&m_parser->parser); }

void CsvStream::onField(void *data, std::size_t size, void *self)
{
    auto *stream = static_cast<CsvStream *>(self);
    ++stream->m_cells;
    if (!stream->m_keeping)
        return;
    if (data)
        stream->m_row.emplace_back(QString::fromUtf8(static_cast<const char *>(data), static_cast<qsizetype>(size)));
    else
        stream->m_row.emplace_back(std::nullopt);
}

void CsvStream::onRow(int, void *self)
{
    auto *stream = static_cast<CsvStream *>(self);
    if (stream->m_rows == 0)
        stream->m_headerCells = stream->m_cells;
    else if (stream->m_cells != stream->m_headerCells)
        ++stream->m_ragged;
    if (stream->m_keeping)
        stream->m_kept.emplace(stream->m_rows, std::move(stream->m_row));
    stream->m_row.clear();
    stream->m_cells = 0;
    ++stream->m_rows;
    stream->m_keeping = stream->m_keep && stream->m_keep(stream->m_rows);
}

void CsvStream::feed(const char *data, std::size_t size)
{
    m_bytes += size;
    if (csv_parse(&m_parser->parser, data, size, onField, onRow, this) != size)
        throw std::runtime_error("not valid CSV: " + std::string(csv_strerror(csv_error(&m_parser->parser))));
}

void CsvStream::finish()
{
    if (csv_fini(&m_parser->parser, onField, onRow, this) != 0)
        throw std::runtime_error("not valid CSV: " + std::string(csv_strerror(csv_error(&m_parser->parser))));
}

} // namespace flowscope::test
