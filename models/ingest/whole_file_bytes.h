// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstddef>

namespace flowscope {

// A whole small file read into memory (JSON documents: configuration
// snapshots, CloudTrail logs), plain or gzip. Callers word their own errors.

// True when the bytes start with gzip's magic number.
bool looksGzip(const QByteArray &bytes);

enum class GunzipFailure { None, DecoderUnavailable, Truncated, Corrupt };

// Inflates gzip bytes into `out`. With `stopAfter` > 0 it stops once that
// many bytes are out (a file's head) and a short stream is no failure;
// otherwise the whole stream must end where it should.
GunzipFailure gunzipBytes(const QByteArray &in, QByteArray &out, std::size_t stopAfter = 0);

// The 1-based line and column of a byte offset in text, for error messages.
struct TextPosition {
    qsizetype line = 1;
    qsizetype column = 1;
};
TextPosition textPosition(const QByteArray &text, qsizetype offset);

} // namespace flowscope
