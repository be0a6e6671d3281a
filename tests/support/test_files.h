// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writing input files for tests: plain text and gzip, whole or cut short.

#include <QByteArray>
#include <QString>

namespace flowscope::test {

void writeFile(const QString &path, const QByteArray &content);
// gzip-compresses content into path (level 6, like AWS deliveries).
void writeGzip(const QString &path, const QByteArray &content);
QByteArray gzip(const QByteArray &content);

// Five default-format records with known statistics: 10.0.0.1 <-> 10.0.0.2
// (two flows one way, one rejected back), 10.0.0.1 -> 203.0.113.9 (1000
// bytes), and a NODATA record of eni-c.
QByteArray smallTrafficRecords();

} // namespace flowscope::test
