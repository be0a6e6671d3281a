// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_export_dialog.h"

#include "csv_export_controller.h"

#include "incident/incident_case.h"
#include "tasks/work_pools.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace flowscope {

namespace {

constexpr int kPreviewPages = 3;
constexpr double kPreviewDotsPerInch = 32; // an A4 page 265 by 374 pixels: three fit beside the form
const QString kAnalystKey = QStringLiteral("export/reportAnalyst");
const QString kLastFolderKey = QStringLiteral("export/lastFolder");

QString partTitle(report::ReportPart part)
{
    using report::ReportPart;
    switch (part) {
    case ReportPart::Summary: return ReportExportDialog::tr("Summary (sources with SHA-256, time range, counts)");
    case ReportPart::Timeline: return ReportExportDialog::tr("Timeline of ACCEPTs and REJECTs");
    case ReportPart::Graph: return ReportExportDialog::tr("Network interfaces graph");
    case ReportPart::Findings: return ReportExportDialog::tr("Findings with their evidence");
    case ReportPart::Rejects: return ReportExportDialog::tr("Reject explanations");
    case ReportPart::Incident: return ReportExportDialog::tr("Incident timeline (stars, tags, notes)");
    case ReportPart::Sources: return ReportExportDialog::tr("Appendix: source files");
    }
    return {};
}

} // namespace

ReportExportDialog::ReportExportDialog(const QString &casePath, const QString &filter, QWidget *parent,
                                       report::SectionReader reader)
    : QDialog(parent)
    , m_casePath(casePath)
    , m_filter(filter)
    , m_title(new QLineEdit(this))
    , m_analyst(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_paper(new QComboBox(this))
    , m_previewRow(new QHBoxLayout)
    , m_previewNote(new QLabel(this))
    , m_previewBar(new QProgressBar(this))
    , m_progress(new QProgressBar(this))
    , m_export(new QPushButton(tr("&Export…"), this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_typing(new QTimer(this))
    , m_previewPoll(new QTimer(this))
    , m_job(new report::ReportExportJob(this))
    , m_reader(std::move(reader))
    , m_preview(analysisPool(), [this](Preview preview) { showPreview(std::move(preview)); })
{
    setWindowTitle(tr("Export Incident Report"));
    setObjectName(QStringLiteral("reportExportDialog"));

    m_title->setPlaceholderText(tr("Incident report"));
    const QString analyst = QSettings().value(kAnalystKey).toString();
    m_analyst->setText(analyst.isEmpty() ? QString::fromStdString(incident::defaultAuthor()) : analyst);
    m_text->setPlaceholderText(tr("Words for the title page: the ticket, the question, what was found"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(110);
    m_paper->addItem(tr("A4"), int(QPageSize::A4));
    m_paper->addItem(tr("Letter"), int(QPageSize::Letter));

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Analyst:"), m_analyst);
    form->addRow(tr("Title page &text:"), m_text);
    form->addRow(tr("&Paper:"), m_paper);
    if (!filter.isEmpty()) {
        auto *filterLabel = new QLabel(filter, this);
        filterLabel->setWordWrap(true);
        filterLabel->setTextFormat(Qt::PlainText);
        form->addRow(tr("Filter:"), filterLabel);
    }

    auto *sections = new QGroupBox(tr("Sections"), this);
    auto *sectionsLayout = new QVBoxLayout(sections);
    for (const report::ReportPart part : report::allReportParts()) {
        auto *box = new QCheckBox(partTitle(part), sections);
        box->setObjectName(QStringLiteral("section-") + report::reportPartName(part));
        box->setChecked(true);
        sectionsLayout->addWidget(box);
        m_sections.emplace(part, box);
        connect(box, &QCheckBox::toggled, this, &ReportExportDialog::requestPreview);
    }

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(sections);
    left->addStretch();

    auto *previewBox = new QGroupBox(tr("Preview of the first pages"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    // Pages scroll sideways on a narrow screen rather than widen the dialog past it.
    auto *scroll = new QScrollArea(previewBox);
    auto *strip = new QWidget(scroll);
    strip->setLayout(m_previewRow);
    scroll->setWidget(strip);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumSize(3 * 282, 420);
    previewLayout->addWidget(scroll);
    m_previewNote->setWordWrap(true);
    m_previewNote->setTextFormat(Qt::PlainText);
    m_previewNote->setObjectName(QStringLiteral("previewStatus"));
    previewLayout->addWidget(m_previewNote);
    m_previewBar->setObjectName(QStringLiteral("previewProgress"));
    m_previewBar->setTextVisible(false);
    // Its room kept while hidden: the pages do not jump when a preview ends.
    QSizePolicy barPolicy = m_previewBar->sizePolicy();
    barPolicy.setRetainSizeWhenHidden(true);
    m_previewBar->setSizePolicy(barPolicy);
    m_previewBar->setVisible(false);
    previewLayout->addWidget(m_previewBar);
    previewLayout->addStretch();

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addWidget(previewBox, 3);

    m_progress->setVisible(false);
    m_progress->setTextVisible(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_export->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    // Typing redraws the preview once the analyst pauses, not at every key.
    m_typing->setSingleShot(true);
    m_typing->setInterval(400);
    connect(m_typing, &QTimer::timeout, this, &ReportExportDialog::requestPreview);
    for (QLineEdit *edit : {m_title, m_analyst})
        connect(edit, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_text, &QPlainTextEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_paper, &QComboBox::currentIndexChanged, this, &ReportExportDialog::requestPreview);
    // Polled rather than signalled from the worker, as the export's progress is.
    m_previewPoll->setInterval(100);
    connect(m_previewPoll, &QTimer::timeout, this, &ReportExportDialog::pollPreview);

    connect(m_export, &QPushButton::clicked, this, &ReportExportDialog::chooseFileAndExport);
    connect(m_close, &QPushButton::clicked, this, &ReportExportDialog::reject);
    connect(m_job, &report::ReportExportJob::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(done < total - 1 ? tr("Reading the case: section %1 of %2").arg(done + 1).arg(total - 1)
                                               : tr("Drawing the pages"));
    });
    connect(m_job, &report::ReportExportJob::finished, this, &ReportExportDialog::onExportFinished);

    requestPreview();
}

ReportExportDialog::~ReportExportDialog()
{
    m_job->cancel();
}

report::ReportRequest ReportExportDialog::request() const
{
    report::ReportRequest request;
    request.casePath = m_casePath;
    request.filter = m_filter;
    for (const report::ReportPart part : report::allReportParts())
        if (m_sections.at(part)->isChecked())
            request.parts.push_back(part);
    request.options.title = m_title->text().trimmed();
    request.options.analyst = m_analyst->text().trimmed();
    request.options.freeText = m_text->toPlainText();
    request.options.caseName = QFileInfo(m_casePath).fileName();
    request.options.pageSize = QPageSize::PageSizeId(m_paper->currentData().toInt());
    request.cache = m_cache;
    request.reader = m_reader;
    return request;
}

void ReportExportDialog::requestPreview()
{
    m_typing->stop();
    if (m_exporting) {
        m_previewWaitsForExport = true; // drawn again if the export does not close the dialog
        return;
    }
    auto state = std::make_shared<PreviewState>();
    m_previewState = state;
    m_firstPagesShown = false;
    m_sectionShown = -1;
    m_previewNote->setText(tr("Drawing the preview…"));
    m_previewBar->setRange(0, 0);
    m_previewBar->setVisible(true);
    m_previewPoll->start();
    m_preview.request([request = request(), state](const std::function<bool()> &stale) {
        Preview preview;
        report::PreviewSteps steps;
        steps.progress = [state](const report::SectionProgress &progress) {
            const std::lock_guard lock(state->mutex);
            state->progress = progress;
        };
        steps.firstPages = [state](std::vector<QImage> pages) {
            const std::lock_guard lock(state->mutex);
            state->firstPages = std::move(pages);
        };
        try {
            preview.pages = report::buildReportPreview(request, kPreviewPages, kPreviewDotsPerInch, stale, steps);
        } catch (const report::ReportStopped &) {
        } catch (const std::exception &error) {
            if (!stale()) // an interrupted statement throws too
                preview.error = QString::fromStdString(error.what());
        }
        return preview;
    });
}

void ReportExportDialog::pollPreview()
{
    if (!m_previewState)
        return;
    report::SectionProgress progress;
    std::optional<std::vector<QImage>> firstPages;
    {
        const std::lock_guard lock(m_previewState->mutex);
        progress = m_previewState->progress;
        firstPages.swap(m_previewState->firstPages);
    }
    if (firstPages) {
        m_firstPagesShown = true;
        showPages(std::move(*firstPages));
        Q_EMIT firstPagesShown();
    }
    if (progress.reading) {
        if (progress.done != m_sectionShown) {
            m_sectionShown = progress.done;
            m_sectionSince.start();
        }
        const qint64 seconds = m_sectionSince.elapsed() / 1000;
        const QString section = seconds < 1 ? report::reportPartTitle(*progress.reading)
                                             : tr("%1, %2 s", "a section of the report and how long it has been read")
                                                   .arg(report::reportPartTitle(*progress.reading))
                                                   .arg(seconds);
        m_previewNote->setText(
            m_firstPagesShown
                ? tr("The first pages without their page numbers: reading the rest of the case, section %1 of %2 (%3)…")
                      .arg(progress.done + 1)
                      .arg(progress.total)
                      .arg(section)
                : tr("Reading the case: section %1 of %2 (%3)…").arg(progress.done + 1).arg(progress.total).arg(section));
        m_previewBar->setRange(0, progress.total);
        m_previewBar->setValue(progress.done);
    } else {
        m_previewNote->setText(tr("Drawing the preview…"));
        m_previewBar->setRange(0, 0);
    }
}

QString ReportExportDialog::previewStatus() const
{
    return m_previewNote->text();
}

void ReportExportDialog::showPages(std::vector<QImage> pages)
{
    while (QLayoutItem *item = m_previewRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_previewPages = std::move(pages);
    for (const QImage &page : m_previewPages) {
        auto *label = new QLabel;
        label->setPixmap(QPixmap::fromImage(page));
        label->setFrameShape(QFrame::Box);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        m_previewRow->addWidget(label);
    }
    m_previewRow->addStretch();
}

void ReportExportDialog::showPreview(Preview preview)
{
    m_previewPoll->stop();
    m_previewState.reset();
    m_previewBar->setVisible(false);
    showPages(std::move(preview.pages));
    m_previewNote->setText(preview.error.isEmpty() ? tr("The first pages as the PDF will print them.")
                                                   : tr("No preview: %1").arg(preview.error));
    Q_EMIT previewReady();
}

// The preview's job stops at its next check or inside its SQL statement;
// nothing of it is shown.
void ReportExportDialog::stopPreview()
{
    m_typing->stop();
    m_preview.cancel();
    m_previewPoll->stop();
    m_previewState.reset();
    m_previewBar->setVisible(false);
}

void ReportExportDialog::chooseFileAndExport()
{
    const QString folder = CsvExportController::lastFolder();
    const QString suggested = QFileInfo(m_casePath).completeBaseName() + QStringLiteral("-report.pdf");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Incident Report"), QDir(folder).filePath(suggested),
                                                      tr("PDF files (*.pdf);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(kLastFolderKey, QFileInfo(path).absolutePath());
    exportTo(path);
}

void ReportExportDialog::exportTo(const QString &path)
{
    m_outPath = path;
    QSettings().setValue(kAnalystKey, m_analyst->text().trimmed());
    // The export reads what the preview has not: both at once would read the case twice.
    if (m_preview.isBusy() || m_typing->isActive()) {
        stopPreview();
        m_previewWaitsForExport = true;
        m_previewNote->setText(tr("The preview waits for the export."));
    }
    setExporting(true);
    m_job->start(request(), path);
}

void ReportExportDialog::reject()
{
    if (isExporting())
        cancelExport();
    else
        QDialog::reject();
}

void ReportExportDialog::done(int result)
{
    stopPreview();
    QDialog::done(result);
}

void ReportExportDialog::cancelExport()
{
    m_job->cancel();
}

bool ReportExportDialog::isExporting() const
{
    return m_exporting;
}

void ReportExportDialog::setExporting(bool exporting)
{
    m_exporting = exporting;
    m_progress->setVisible(exporting);
    m_progress->setRange(0, 0);
    m_export->setEnabled(!exporting);
    m_close->setText(exporting ? tr("Cancel") : tr("Close"));
}

void ReportExportDialog::onExportFinished(const report::ReportOutcome &outcome)
{
    setExporting(false);
    const bool previewWaits = std::exchange(m_previewWaitsForExport, false);
    if (previewWaits && outcome.cancelled)
        requestPreview();
    const QString file = QDir::toNativeSeparators(m_outPath);
    if (outcome.cancelled) {
        Q_EMIT exportFinished(false, tr("Report cancelled: %1 was not written").arg(file));
    } else if (!outcome.ok) {
        m_previewNote->setText(tr("The report was not written: %1").arg(outcome.error));
        Q_EMIT exportFinished(false, tr("Report failed: %1").arg(outcome.error));
    } else {
        Q_EMIT exportFinished(true, tr("Incident report written to %1").arg(file));
        accept();
    }
}

} // namespace flowscope
