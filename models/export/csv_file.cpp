// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_file.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace flowscope {

CsvFile::CsvFile(const QString &path)
    : m_file(path)
{
}

CsvFile::~CsvFile()
{
    m_writeBehind.reset(); // no write under way as the temporary file goes
    m_file.cancelWriting();
}

bool CsvFile::open()
{
    if (QFileInfo(m_file.fileName()).isDir()) {
        m_error = QCoreApplication::translate("CsvFile", "%1: is a folder").arg(m_file.fileName());
        return false;
    }
    if (!m_file.open(QIODevice::WriteOnly)) {
        m_error = QCoreApplication::translate("CsvFile", "%1: cannot write: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_writeBehind = std::make_unique<WriteBehind>([this](std::string_view text) {
        if (m_file.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size()))
            return true;
        std::lock_guard lock(m_errorMutex);
        if (m_error.isEmpty())
            m_error = QCoreApplication::translate("CsvFile", "%1: write failed: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    });
    return true;
}

CsvWriter::BufferSink CsvFile::sink()
{
    if (!m_writeBehind) // not open: refuses every write
        return [](std::vector<char> &, std::size_t) { return false; };
    return m_writeBehind->sink();
}

QString CsvFile::error() const
{
    std::lock_guard lock(m_errorMutex);
    return m_error;
}

bool CsvFile::commit()
{
    const bool written = !m_writeBehind || m_writeBehind->finish();
    if (!written || !error().isEmpty()) {
        m_file.cancelWriting();
        return false;
    }
    if (!m_file.commit()) {
        m_error = QCoreApplication::translate("CsvFile", "%1: cannot save: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

} // namespace flowscope
