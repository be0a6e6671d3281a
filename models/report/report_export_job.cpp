// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_export_job.h"

#include "explain/case_enrichment.h"
#include "query/filter_error.h"
#include "selection/case_filter.h"
#include "store/case_db.h"
#include "tasks/background_connection.h"
#include "tasks/query_interrupt.h"
#include "tasks/work_pools.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QSaveFile>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <stdexcept>

namespace flowscope::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReportExportJob", text);
}

// A section kept in the cache, drawn as itself.
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

// The request's sections: from its cache, else read from its case with its
// filter (and kept in the cache).
ReportSections sectionsOf(const ReportRequest &request, const ReportCancelled &cancelled,
                          const std::function<void(int)> &sectionsMade)
{
    std::map<ReportPart, std::shared_ptr<const ReportSection>> found;
    std::vector<ReportPart> missing;
    for (const ReportPart part : request.parts) {
        if (auto section = request.cache ? request.cache->find(part) : nullptr)
            found.emplace(part, std::move(section));
        else
            missing.push_back(part);
    }
    if (!missing.empty()) {
        auto caseDb = openForBackgroundReads(request.casePath.toStdString());
        const std::string expression = request.filter.toStdString();
        const auto compiled = explain::compileWithSnapshot(*caseDb, expression);
        if (const auto *invalid = std::get_if<FilterError>(&compiled))
            throw std::runtime_error(tr("The filter is not valid: %1")
                                         .arg(QString::fromStdString(renderFilterError(expression, *invalid)))
                                         .toStdString());
        const CaseFilter &filter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);
        // A cancel also stops the statement running inside SQLite.
        const QueryInterrupt interrupt(*caseDb, [&] { return cancelled && cancelled(); });
        for (const ReportPart part : missing) {
            ReportSections made = caseReportSections(*caseDb, filter, {part}, cancelled);
            std::shared_ptr<const ReportSection> section(std::move(made.front()));
            if (request.cache)
                request.cache->keep(part, section);
            found.emplace(part, std::move(section));
            if (sectionsMade)
                sectionsMade(int(found.size()));
        }
    }
    if (cancelled && cancelled())
        throw ReportStopped();
    if (sectionsMade)
        sectionsMade(int(found.size()));
    ReportSections sections;
    for (const ReportPart part : request.parts)
        sections.push_back(std::make_unique<SharedSection>(found.at(part)));
    return sections;
}

} // namespace

std::shared_ptr<const ReportSection> ReportSectionCache::find(ReportPart part) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_sections.find(part);
    return found == m_sections.end() ? nullptr : found->second;
}

void ReportSectionCache::keep(ReportPart part, std::shared_ptr<const ReportSection> section)
{
    const std::lock_guard lock(m_mutex);
    ++m_read;
    m_sections.insert_or_assign(part, std::move(section));
}

int ReportSectionCache::sectionsRead() const
{
    const std::lock_guard lock(m_mutex);
    return m_read;
}

QByteArray buildReportPdf(const ReportRequest &request, const ReportCancelled &cancelled,
                          const std::function<void(int)> &sectionsMade)
{
    const ReportSections sections = sectionsOf(request, cancelled, sectionsMade);
    QByteArray pdf;
    QBuffer out(&pdf);
    out.open(QIODevice::WriteOnly);
    if (!writePdfReport(out, request.options, sections, cancelled))
        throw std::runtime_error(tr("The PDF could not be drawn").toStdString());
    return pdf;
}

std::vector<QImage> buildReportPreview(const ReportRequest &request, int maxPages, double dotsPerInch,
                                       const ReportCancelled &cancelled)
{
    const ReportSections sections = sectionsOf(request, cancelled, {});
    return renderReportPages(request.options, sections, maxPages, dotsPerInch, cancelled);
}

ReportExportJob::ReportExportJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ReportExportJob::onFinished);
    // Polled rather than signalled from the worker, as the CSV export does.
    auto *poll = new QTimer(this);
    poll->setInterval(200);
    connect(poll, &QTimer::timeout, this, [this] {
        if (m_state && m_watcher.isRunning())
            Q_EMIT progress(m_state->sections.load(), m_steps);
    });
    poll->start();
}

ReportExportJob::~ReportExportJob()
{
    cancel();
    m_watcher.waitForFinished();
}

void ReportExportJob::start(const ReportRequest &request, const QString &outPath)
{
    cancel();
    m_watcher.waitForFinished(); // an older export stops at its next section
    m_state = std::make_shared<State>();
    m_outPath = outPath;
    m_steps = int(request.parts.size()) + 1;
    Q_EMIT progress(0, m_steps);
    auto state = m_state;
    m_watcher.setFuture(QtConcurrent::run(analysisPool(), [request, state] {
        Result result;
        try {
            result.pdf = buildReportPdf(request, [state] { return state->cancelled.load(); },
                                        [state](int made) { state->sections.store(made); });
        } catch (const ReportStopped &) {
            result.cancelled = true;
        } catch (const std::exception &error) {
            if (state->cancelled.load())
                result.cancelled = true; // an interrupted statement throws too
            else
                result.error = QString::fromStdString(error.what());
        }
        return result;
    }));
}

void ReportExportJob::cancel()
{
    if (m_state)
        m_state->cancelled.store(true);
}

void ReportExportJob::onFinished()
{
    const Result result = m_watcher.result();
    ReportOutcome outcome;
    if (result.cancelled || m_state->cancelled.load()) {
        outcome.cancelled = true;
    } else if (!result.error.isEmpty()) {
        outcome.error = result.error;
    } else {
        Q_EMIT progress(m_steps, m_steps);
        QSaveFile file(m_outPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(result.pdf) != result.pdf.size() || !file.commit())
            outcome.error = m_outPath + QStringLiteral(": ") + file.errorString();
        else
            outcome.ok = true;
    }
    Q_EMIT finished(outcome);
}

} // namespace flowscope::report
