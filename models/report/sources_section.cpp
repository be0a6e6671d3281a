// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources_section.h"

#include "report_canvas.h"
#include "report_text.h"

#include "store/import_log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SourcesSection", text);
}

QString utc(std::optional<std::int64_t> seconds)
{
    return seconds ? utcTime(*seconds) : QString();
}

} // namespace

SourcesSection::SourcesSection(CaseDb &caseDb)
{
    const QLocale locale = QLocale::system();
    // Eight columns do not fit a page with a whole SHA-256: the path, its
    // hash and its delivery share a cell, one a line, and so do the times.
    m_files.headers = {tr("File, SHA-256, delivery"), tr("Bytes"), tr("Records"), tr("Errors"),
                       tr("First start, last end (UTC)")};
    m_files.numericColumns = {1, 2, 3};
    m_files.fontPoints = 7;
    for (const ImportedFile &file : importedFiles(caseDb))
        m_files.rows.push_back({QString::fromStdString(file.path) + QLatin1Char('\n') + QString::fromStdString(file.sha256)
                                    // The log format is a field list: too long for a column.
                                    + QLatin1Char('\n') + QString::fromStdString(file.delivery),
                                locale.toString(qulonglong(file.size)), locale.toString(qulonglong(file.records)),
                                locale.toString(qulonglong(file.errors)),
                                utc(file.firstStart) + QLatin1Char('\n') + utc(file.lastEnd)});
}

QString SourcesSection::title() const
{
    return tr("Appendix: source files");
}

void SourcesSection::render(ReportCanvas &canvas) const
{
    canvas.table(m_files);
}

} // namespace flowscope::report
