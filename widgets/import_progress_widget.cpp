// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_progress_widget.h"

#include "ingest/import_rate.h"
#include "ingest/import_report.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <cmath>
#include <limits>

namespace flowscope {

namespace {
constexpr int kBarSteps = 1000;

int pluralCount(std::uint64_t n)
{
    return static_cast<int>(std::min<std::uint64_t>(n, std::numeric_limits<int>::max()));
}
} // namespace

ImportProgressWidget::ImportProgressWidget(QWidget *parent)
    : QWidget(parent)
    , m_case(new QLabel(this))
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label->setTextFormat(Qt::PlainText);
    m_bar->setRange(0, kBarSteps);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_cancel->setToolTip(tr("Stop the import: the file being imported is left out, the files before it stay"));
    m_cancel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_case->setTextFormat(Qt::PlainText);
    layout->addWidget(m_case);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &ImportProgressWidget::cancelRequested);
}

void ImportProgressWidget::setCasePath(const QString &casePath)
{
    m_case->setText(tr("Into %1:").arg(QFileInfo(casePath).fileName()));
    m_case->setToolTip(casePath);
}

QString ImportProgressWidget::caseText() const { return m_case->text(); }

void ImportProgressWidget::showChecking()
{
    m_bar->setRange(0, 0); // busy
    m_cancel->setEnabled(true);
    m_label->setText(tr("Looking at the files…"));
}

void ImportProgressWidget::showProgress(const ImportProgress &progress)
{
    const ImportRate rate = importRate(progress);
    const QLocale locale;
    m_bar->setRange(0, kBarSteps);
    m_bar->setValue(static_cast<int>(std::lround(rate.fraction * kBarSteps)));
    const QString file = locale.toString(static_cast<qulonglong>(progress.fileIndex + 1));
    const QString files = locale.toString(static_cast<qulonglong>(progress.fileCount));
    const QString records = locale.toString(static_cast<qulonglong>(progress.records));
    const QString perSecond = locale.toString(static_cast<qulonglong>(std::llround(rate.recordsPerSecond)));
    if (rate.secondsLeft)
        m_label->setText(tr("File %1 of %2, %3 records, %4 records/s, about %5 left")
                             .arg(file, files, records, perSecond, durationText(*rate.secondsLeft)));
    else
        m_label->setText(tr("File %1 of %2, %3 records, %4 records/s").arg(file, files, records, perSecond));
    m_label->setToolTip(QString::fromStdString(progress.currentFile));
}

void ImportProgressWidget::showCancelling()
{
    m_cancel->setEnabled(false);
    m_label->setText(tr("Cancelling…"));
}

QString ImportProgressWidget::text() const { return m_label->text(); }

QString ImportProgressWidget::outcomeText(const ImportReport &report)
{
    const QLocale locale;
    QStringList parts;
    if (report.cancelled)
        parts << (report.files > 0 ? tr("Import cancelled: %Ln file(s) imported before it stay in the case",
                                        nullptr, pluralCount(report.files))
                                   : tr("Import cancelled: the case is as it was"));
    else
        parts << tr("Imported %1 with %2")
                     .arg(tr("%Ln file(s)", nullptr, pluralCount(report.files)),
                          report.records > std::uint64_t(std::numeric_limits<int>::max())
                              ? tr("%1 records").arg(locale.toString(static_cast<qulonglong>(report.records)))
                              : tr("%Ln record(s)", nullptr, pluralCount(report.records)));
    if (report.skippedDuplicateFiles > 0)
        parts << tr("%Ln file(s) already in the case", nullptr, pluralCount(report.skippedDuplicateFiles));
    if (report.hasRejections())
        parts << tr("%Ln error(s): see the import report", nullptr, pluralCount(report.errorCount));
    return parts.join(QStringLiteral("; "));
}

QString ImportProgressWidget::durationText(double seconds)
{
    const auto whole = static_cast<long long>(std::ceil(std::max(seconds, 0.0)));
    if (whole < 60)
        return tr("%n s", nullptr, static_cast<int>(whole));
    if (whole < 3600)
        return tr("%n min", nullptr, static_cast<int>((whole + 59) / 60));
    return tr("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60);
}

} // namespace flowscope
