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

} // namespace flowscope::test
