// SPDX-License-Identifier: GPL-3.0-or-later
#include "whole_file_bytes.h"

#include <zlib.h>

#include <algorithm>

namespace flowscope {

bool looksGzip(const QByteArray &bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

GunzipFailure gunzipBytes(const QByteArray &in, QByteArray &out, std::size_t stopAfter)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        return GunzipFailure::DecoderUnavailable;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    stream.avail_in = static_cast<uInt>(in.size());
    char chunk[64 * 1024];
    int status = Z_OK;
    while (status == Z_OK && (stopAfter == 0 || static_cast<std::size_t>(out.size()) < stopAfter)) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(chunk, static_cast<qsizetype>(sizeof chunk - stream.avail_out));
        if (status == Z_BUF_ERROR && stream.avail_in == 0)
            break;
    }
    inflateEnd(&stream);
    if (status == Z_STREAM_END || stopAfter > 0)
        return GunzipFailure::None;
    return status == Z_BUF_ERROR ? GunzipFailure::Truncated : GunzipFailure::Corrupt;
}

TextPosition textPosition(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    // lastIndexOf counts a negative start from the end: the first byte has no line before it.
    const qsizetype lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    return {text.left(offset).count('\n') + 1, offset - lineStart + 1};
}

} // namespace flowscope
