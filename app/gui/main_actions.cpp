// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_actions.h"

#include "recent_cases_menu.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenuBar>

namespace flowscope {

MainActions::MainActions(QMainWindow *window)
    : QObject(window)
{
    QMenu *file = window->menuBar()->addMenu(tr("&File"));
    newCase = file->addAction(tr("&New Case…"));
    newCase->setShortcut(QKeySequence::New);
    newCase->setStatusTip(tr("Create an empty case file (.flowcase)"));
    openCase = file->addAction(tr("&Open Case…"));
    openCase->setShortcut(QKeySequence::Open);
    openCase->setStatusTip(tr("Open a case file"));
    recentCases = new RecentCasesMenu(window);
    file->addMenu(recentCases);
    file->addSeparator();
    importFiles = file->addAction(tr("&Import Files…"));
    importFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importFiles->setStatusTip(tr("Import flow-log files into the case"));
    importFolder = file->addAction(tr("Import &Folder…"));
    importFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    importFolder->setStatusTip(tr("Import every flow-log file under a folder into the case"));
    loadSnapshot = file->addAction(tr("Load &Configuration Snapshot…"));
    loadSnapshot->setStatusTip(tr("Load describe-* JSON of security groups, network ACLs, interfaces and routes into the case"));
    snapshots = file->addAction(tr("Configuration &Snapshots…"));
    snapshots->setObjectName(QStringLiteral("configurationSnapshots"));
    snapshots->setStatusTip(tr("List the case's configuration snapshots and remove one"));
    keepDuplicates = file->addAction(tr("Keep &Duplicate Records"));
    keepDuplicates->setObjectName(QStringLiteral("keepDuplicates"));
    keepDuplicates->setCheckable(true);
    keepDuplicates->setStatusTip(tr("Imports store records that other files of the case already hold (the same flow "
                                    "delivered to S3 and CloudWatch) instead of counting them as duplicates"));
    cancelImport = file->addAction(tr("&Cancel Import"));
    cancelImport->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelImport->setEnabled(false);
    file->addSeparator();
    exportMenu = file->addMenu(tr("&Export"));
    exportViewCsv = exportMenu->addAction(tr("Export Flows as &CSV…")); // renamed after the current view
    exportViewCsv->setObjectName(QStringLiteral("exportViewCsv"));
    exportViewCsv->setStatusTip(tr("Write every record of the filter, or the statistic, reject groups, findings or "
                                   "incident timeline last brought to the front or clicked, to a CSV file"));
    exportReport = exportMenu->addAction(tr("Incident &Report (PDF)…"));
    exportReport->setObjectName(QStringLiteral("exportReport"));
    exportReport->setStatusTip(tr("Write a PDF report of the case and the current filter for the incident ticket"));
    file->addSeparator();
    quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    m_viewMenu = window->menuBar()->addMenu(tr("&View"));
    goToTime = m_viewMenu->addAction(tr("&Go to Time…"));
    goToTime->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    goToTime->setStatusTip(tr("Scroll the flow table to the first record starting at a time"));
    focusFilter = m_viewMenu->addAction(tr("&Filter"));
    focusFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    focusFilter->setStatusTip(tr("Edit the display filter"));
    m_themeSeparator = m_viewMenu->addSeparator();
    QMenu *theme = m_viewMenu->addMenu(tr("&Theme"));
    m_themes = new QActionGroup(this);
    const std::pair<AppPalette::Theme, QString> themes[] = {
        {AppPalette::Theme::FollowDesktop, tr("Follow the &Desktop")},
        {AppPalette::Theme::Light, tr("&Light")},
        {AppPalette::Theme::Dark, tr("D&ark")},
    };
    for (const auto &[value, text] : themes) {
        QAction *action = theme->addAction(text);
        action->setCheckable(true);
        action->setData(static_cast<int>(value));
        m_themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, value] { Q_EMIT themeRequested(value); });
    }

    QMenu *language = m_viewMenu->addMenu(tr("&Language"));
    m_languages = new QActionGroup(this);
    // Each language in its own name, so it can be found whatever is shown now.
    const std::pair<QString, QString> languages[] = {
        {QString(), tr("Follow the &System")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
    };
    for (const auto &[code, text] : languages) {
        QAction *action = language->addAction(text);
        action->setCheckable(true);
        action->setData(code);
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { Q_EMIT languageRequested(code); });
    }

    QMenu *investigation = window->menuBar()->addMenu(tr("&Investigation"));
    m_investigationMenu = investigation;
    iocLists = investigation->addAction(tr("&IOC Lists…"));
    iocLists->setStatusTip(tr("Add, remove and hunt lists of indicators (addresses, CIDR blocks, address:port); filters name them @name"));
    iocLists->setEnabled(false); // until a case is open
    runDetections = investigation->addAction(tr("Run &Detections"));
    runDetections->setStatusTip(tr("Run the detectors over the current filter's records and list their findings"));
    detectionSettings = investigation->addAction(tr("Detection &Settings…"));
    detectionSettings->setStatusTip(tr("Change the detectors' thresholds for the next runs"));

    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    about = help->addAction(tr("&About Flowscope"));
    about->setMenuRole(QAction::AboutRole);
    aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainActions::addViewToggle(QAction *toggle, const QKeySequence &shortcut)
{
    if (!shortcut.isEmpty())
        toggle->setShortcut(shortcut);
    m_viewMenu->insertAction(m_themeSeparator, toggle);
}

void MainActions::addInvestigationToggle(QAction *toggle, const QKeySequence &shortcut)
{
    if (!shortcut.isEmpty())
        toggle->setShortcut(shortcut);
    m_investigationMenu->addAction(toggle);
}

void MainActions::setLanguage(const QString &language)
{
    for (QAction *action : m_languages->actions())
        action->setChecked(action->data().toString() == language);
}

void MainActions::setTheme(AppPalette::Theme theme)
{
    for (QAction *action : m_themes->actions())
        action->setChecked(action->data().toInt() == static_cast<int>(theme));
}

void MainActions::setImporting(bool importing)
{
    for (QAction *action : {newCase, openCase, importFiles, importFolder, loadSnapshot, snapshots, keepDuplicates})
        action->setEnabled(!importing);
    recentCases->setEnabled(!importing);
    cancelImport->setEnabled(importing);
}

void MainActions::setSnapshotLoading(bool loading)
{
    for (QAction *action : {newCase, openCase, importFiles, importFolder, loadSnapshot, snapshots})
        action->setEnabled(!loading);
    recentCases->setEnabled(!loading);
}

} // namespace flowscope
