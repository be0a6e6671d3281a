// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_file.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace flowscope {

CsvFile::CsvFile(const QString &path)
    : m_file(path)
{
}

CsvFile::~CsvFile() { m_file.cancelWriting(); }

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
    return true;
}

CsvWriter::Sink CsvFile::sink()
{
    return [this](std::string_view text) {
        if (m_file.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size()))
            return true;
        if (m_error.isEmpty())
            m_error = QCoreApplication::translate("CsvFile", "%1: write failed: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    };
}

bool CsvFile::commit()
{
    if (!m_error.isEmpty()) {
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
