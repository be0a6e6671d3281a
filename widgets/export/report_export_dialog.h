// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Export > Incident Report (PDF)…: the title page's words (title,
// analyst, free text), the sections to include, the paper, and a preview of
// the first pages drawn by the report's own code; Export… asks where and
// writes the PDF off the GUI thread with progress, and Cancel stops it
// leaving no file. Preview and export run on the analysis pool; a newer
// preview request cancels an older one, and so does closing the dialog.
// While the preview's sections are read the preview says which one, with a
// bar; the first pages show as soon as the sections they draw are read.

#include "report/report_preview.h"
#include "tasks/latest_result_job.h"

#include <QDialog>
#include <QElapsedTimer>

#include <map>
#include <mutex>
#include <optional>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace flowscope {

class ReportExportDialog : public QDialog {
    Q_OBJECT
public:
    // `filter`: the display filter the report's sections read; `reader`, when
    // given, reads the sections in place of the case's own code (tests).
    ReportExportDialog(const QString &casePath, const QString &filter, QWidget *parent = nullptr,
                       report::SectionReader reader = {});
    ~ReportExportDialog() override;

    // What the fields say now.
    report::ReportRequest request() const;
    // Starts the export to `path` (Export… asks for it first).
    void exportTo(const QString &path);
    // Stops a running export (the Cancel button): no file is left.
    void cancelExport();
    bool isExporting() const;
    // Sections read from the case so far (each once, whatever is redrawn).
    int sectionsRead() const { return m_cache->sectionsRead(); }
    // Escape or the window's close button during an export cancels it.
    void reject() override;
    // Closing stops the preview too.
    void done(int result) override;

    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *analystEdit() const { return m_analyst; }
    QPlainTextEdit *freeTextEdit() const { return m_text; }
    QCheckBox *sectionBox(report::ReportPart part) const { return m_sections.at(part); }
    QComboBox *paperBox() const { return m_paper; }
    // The preview's pages as last drawn.
    const std::vector<QImage> &previewPages() const { return m_previewPages; }
    // What the preview area says it is doing (empty once drawn), and whether
    // a preview is being made.
    QString previewStatus() const;
    bool isPreviewBusy() const { return m_preview.isBusy(); }

Q_SIGNALS:
    // The preview is drawn whole, page numbers included.
    void previewReady();
    // The first pages are shown while the other sections are still read.
    void firstPagesShown();
    // How an export ended; `text` is for the status bar.
    void exportFinished(bool written, const QString &text);

private:
    struct Preview {
        std::vector<QImage> pages;
        QString error;
    };
    // Where one preview job is, written by its worker, read by pollPreview.
    struct PreviewState {
        std::mutex mutex;
        report::SectionProgress progress;
        std::optional<std::vector<QImage>> firstPages;
    };
    void requestPreview();
    void pollPreview();
    void showPages(std::vector<QImage> pages);
    void showPreview(Preview preview);
    void stopPreview();
    void chooseFileAndExport();
    void onExportFinished(const report::ReportOutcome &outcome);
    void setExporting(bool exporting);

    QString m_casePath;
    QString m_filter;
    QLineEdit *m_title;
    QLineEdit *m_analyst;
    QPlainTextEdit *m_text;
    std::map<report::ReportPart, QCheckBox *> m_sections;
    QComboBox *m_paper;
    QHBoxLayout *m_previewRow;
    QLabel *m_previewNote;
    QProgressBar *m_previewBar;
    QProgressBar *m_progress;
    QPushButton *m_export;
    QPushButton *m_close;
    QTimer *m_typing;
    QTimer *m_previewPoll;
    report::ReportExportJob *m_job;
    report::SectionReader m_reader;
    std::shared_ptr<PreviewState> m_previewState;
    bool m_firstPagesShown = false;
    // The section being read and since when: a long one (the reject
    // explanations of a large case) says how long it has been at it, so
    // that a bar standing still does not look hung.
    int m_sectionShown = -1;
    QElapsedTimer m_sectionSince;
    bool m_previewWaitsForExport = false;
    LatestResultJob<Preview> m_preview;
    std::vector<QImage> m_previewPages;
    QString m_outPath;
    bool m_exporting = false;
    // The case and filter stay while the dialog is open: sections read once.
    std::shared_ptr<report::ReportSectionCache> m_cache = std::make_shared<report::ReportSectionCache>();
};

} // namespace flowscope
