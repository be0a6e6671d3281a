// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A CSV file written whole or not at all: the rows go to a temporary file
// beside it (QSaveFile), renamed over the target only by commit(), so a
// failed or cancelled export leaves neither a partial file nor a changed
// older one.

#include "csv_writer.h"

#include <QSaveFile>
#include <QString>

namespace flowscope {

class CsvFile {
public:
    explicit CsvFile(const QString &path);
    ~CsvFile(); // without commit(), the temporary file is removed

    // False with error() naming the file and the reason.
    bool open();
    // For a CsvWriter: refuses (false) once a write fails.
    CsvWriter::Sink sink();
    // Renames the finished file into place; false with error() on failure.
    bool commit();
    const QString &error() const { return m_error; }

private:
    QSaveFile m_file;
    QString m_error;
};

} // namespace flowscope
