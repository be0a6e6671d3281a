// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The window's incident report, off the GUI thread on the analysis pool:
// the sections read from the case and drawn as PDF (the preview's images of
// the first pages are report_preview.h's). The file is written only when the
// export was not cancelled: the worker draws the PDF in memory and the job
// writes it whole (QSaveFile) once it is back, so a cancel, however late,
// leaves no file, partial or complete.

#include "case_report.h"
#include "report_options.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace flowscope::report {

// Sections already read from one case and filter, kept for the next
// preview or the export: ticking a box or typing a title then redraws
// without reading the case again. Safe to share between worker threads.
class ReportSectionCache {
public:
    std::shared_ptr<const ReportSection> find(ReportPart part) const;
    void keep(ReportPart part, std::shared_ptr<const ReportSection> section);
    // Sections read from the case and kept so far (tests: each read once).
    int sectionsRead() const;

private:
    mutable std::mutex m_mutex;
    std::map<ReportPart, std::shared_ptr<const ReportSection>> m_sections;
    int m_read = 0;
};

// Reads one section in place of caseReportSections (tests: a read that
// waits); `cancelled` is true once the read is no longer wanted.
using SectionReader = std::function<std::unique_ptr<ReportSection>(CaseDb &, const CaseFilter &, ReportPart,
                                                                   const ReportCancelled &cancelled)>;

struct ReportRequest {
    QString casePath;
    QString filter; // the display filter, empty for every record
    std::vector<ReportPart> parts;
    ReportOptions options;
    // For this case and filter only; none reads every section anew.
    std::shared_ptr<ReportSectionCache> cache;
    SectionReader reader; // none: the case's own sections
};

struct ReportOutcome {
    bool ok = false;
    bool cancelled = false;
    QString error; // names the file or filter and the reason
};

// On the calling thread (the job's body, and tests). `sectionsMade` is
// told after each section is read from the case (cached ones counted). Throws ReportStopped when
// cancelled, std::runtime_error with the reason for a bad filter or case.
QByteArray buildReportPdf(const ReportRequest &request, const ReportCancelled &cancelled,
                          const std::function<void(int sectionsMade)> &sectionsMade = {});

class ReportExportJob : public QObject {
    Q_OBJECT
public:
    explicit ReportExportJob(QObject *parent = nullptr);
    ~ReportExportJob() override; // cancels and waits

    // A newer start cancels an export still running.
    void start(const ReportRequest &request, const QString &outPath);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    // Steps done of the steps there are: one a section read, one for drawing.
    void progress(int done, int total);
    void finished(const flowscope::report::ReportOutcome &outcome);

private:
    struct State {
        std::atomic<bool> cancelled{false};
        std::atomic<int> sections{0};
    };
    struct Result {
        QByteArray pdf;
        bool cancelled = false;
        QString error;
    };
    void onFinished();

    QFutureWatcher<Result> m_watcher;
    std::shared_ptr<State> m_state;
    QString m_outPath;
    int m_steps = 0;
};

} // namespace flowscope::report
