// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "case_summary_view.h"
#include "store/case_db.h"
#include "store/case_summary.h"

#include <QLocale>
#include <QStatusBar>

namespace flowscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_summary(new CaseSummaryView(this))
{
    setWindowTitle(tr("Flowscope"));
    setCentralWidget(m_summary);
    resize(1100, 700);
}

void MainWindow::openCase(const QString &path)
{
    try {
        auto caseDb = CaseDb::open(path.toStdString(), CaseDb::Mode::ReadOnly);
        const CaseSummary summary = summarizeCase(*caseDb);
        m_summary->showSummary(path, summary);
        setWindowTitle(tr("%1 - Flowscope").arg(path));
        statusBar()->showMessage(tr("%1 records").arg(QLocale().toString(static_cast<qulonglong>(summary.records))));
    } catch (const std::exception &error) {
        showError(QString::fromLocal8Bit(error.what()));
    }
}

void MainWindow::showError(const QString &message)
{
    m_summary->showError(message);
    statusBar()->showMessage(message);
}

} // namespace flowscope
