// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources_section.h"

#include "report_canvas.h"

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
    return seconds ? QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC).toString(Qt::ISODate) : QString();
}

} // namespace

SourcesSection::SourcesSection(CaseDb &caseDb)
{
    const QLocale locale = QLocale::system();
    m_files.headers = {tr("Path"), tr("Bytes"), tr("SHA-256"), tr("Delivery"), tr("Records"), tr("Errors"), tr("First start"),
                       tr("Last end")};
    m_files.widths = {2.6, 0.9, 2.6, 0.9, 0.9, 0.8, 1.3, 1.3};
    m_files.fontPoints = 7;
    for (const ImportedFile &file : importedFiles(caseDb))
        m_files.rows.push_back({QString::fromStdString(file.path), locale.toString(qulonglong(file.size)),
                                QString::fromStdString(file.sha256),
                                // The log format is a field list: too long for a column.
                                QString::fromStdString(file.delivery),
                                locale.toString(qulonglong(file.records)), locale.toString(qulonglong(file.errors)),
                                utc(file.firstStart), utc(file.lastEnd)});
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
