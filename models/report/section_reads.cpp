// SPDX-License-Identifier: GPL-3.0-or-later
#include "section_reads.h"

#include "explain/case_enrichment.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"

#include <QCoreApplication>

#include <stdexcept>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReportExportJob", text);
}

class SharedSection final : public ReportSection {
public:
    explicit SharedSection(std::shared_ptr<const ReportSection> section)
        : m_section(std::move(section))
    {
    }
    QString title() const override { return m_section->title(); }
    void render(ReportCanvas &canvas) const override { m_section->render(canvas); }

private:
    std::shared_ptr<const ReportSection> m_section;
};

} // namespace

ReportSections sharedSections(const std::vector<std::shared_ptr<const ReportSection>> &sections)
{
    ReportSections shared;
    for (const auto &section : sections)
        shared.push_back(std::make_unique<SharedSection>(section));
    return shared;
}

SectionReads::SectionReads(const ReportRequest &request, ReportCancelled cancelled, SectionProgressFn progress)
    : m_request(request)
    , m_cancelled(std::move(cancelled))
    , m_progress(std::move(progress))
{
    for (const ReportPart part : request.parts) {
        m_sections.push_back(request.cache ? request.cache->find(part) : nullptr);
        m_toRead += m_sections.back() ? 0 : 1;
    }
    tell(std::nullopt);
}

SectionReads::~SectionReads() = default;

void SectionReads::tell(std::optional<ReportPart> reading) const
{
    if (m_progress)
        m_progress({m_read, m_toRead, reading});
}

void SectionReads::open()
{
    m_caseDb = openForBackgroundReads(m_request.casePath.toStdString());
    const std::string expression = m_request.filter.toStdString();
    auto compiled = explain::compileWithSnapshot(*m_caseDb, expression);
    if (const auto *invalid = std::get_if<FilterError>(&compiled))
        throw std::runtime_error(tr("The filter is not valid: %1")
                                     .arg(QString::fromStdString(renderFilterError(expression, *invalid)))
                                     .toStdString());
    m_filter = std::move(std::get<std::shared_ptr<const CaseFilter>>(compiled));
}

std::shared_ptr<const ReportSection> SectionReads::at(std::size_t index)
{
    if (m_cancelled && m_cancelled())
        throw ReportStopped();
    if (m_sections.at(index))
        return m_sections[index];
    const ReportPart part = m_request.parts.at(index);
    tell(part);
    if (!m_caseDb)
        open();
    std::shared_ptr<const ReportSection> section;
    // A cancel also stops the statement running inside SQLite; one per read,
    // since a section's own (the rejects') unsets the connection's on its end.
    const QueryInterrupt interrupt(*m_caseDb, [this] { return m_cancelled && m_cancelled(); });
    if (m_request.reader)
        section = m_request.reader(*m_caseDb, *m_filter, part, m_cancelled);
    else
        section = std::move(caseReportSections(*m_caseDb, *m_filter, {part}, m_cancelled).front());
    if (m_cancelled && m_cancelled())
        throw ReportStopped(); // an interrupted read may have returned what it had
    if (m_request.cache)
        m_request.cache->keep(part, section);
    m_sections[index] = section;
    ++m_read;
    tell(std::nullopt);
    return section;
}

ReportSections SectionReads::all()
{
    for (std::size_t i = 0; i < m_sections.size(); ++i)
        at(i);
    if (m_cancelled && m_cancelled())
        throw ReportStopped();
    return sharedSections(m_sections);
}

} // namespace flowscope::report
