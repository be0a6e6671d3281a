// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A CSV file written whole or not at all: the rows go to a temporary file
// beside it (QSaveFile), renamed over the target only by commit(), so a
// failed or cancelled export leaves neither a partial file nor a changed
// older one. The writes happen on a thread of their own (WriteBehind):
// the thread formatting rows does not wait on the disk.

#include "csv_writer.h"
#include "write_behind.h"

#include <QSaveFile>
#include <QString>

#include <memory>
#include <mutex>

namespace flowscope {

class CsvFile {
public:
    explicit CsvFile(const QString &path);
    ~CsvFile(); // without commit(), the temporary file is removed

    // False with error() naming the file and the reason.
    bool open();
    // For a CsvWriter, once open: refuses (false) once a write fails. The
    // writer must be gone (flushed) before commit().
    CsvWriter::BufferSink sink();
    // Waits for the writes, then renames the finished file into place;
    // false with error() on failure.
    bool commit();
    QString error() const;

private:
    QSaveFile m_file;
    mutable std::mutex m_errorMutex; // the writing thread sets m_error
    QString m_error;
    std::unique_ptr<WriteBehind> m_writeBehind;
};

} // namespace flowscope
