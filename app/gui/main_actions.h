// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The window's menus and their actions with shortcuts: File, View, Investigation and Help.
// It only builds them; the window connects them.

#include "app_palette.h"

#include <QKeySequence>
#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace flowscope {

class RecentCasesMenu;

class MainActions : public QObject {
    Q_OBJECT
public:
    explicit MainActions(QMainWindow *window);

    QAction *newCase;
    QAction *openCase;
    RecentCasesMenu *recentCases;
    QAction *importFiles;
    QAction *importFolder;
    QAction *loadSnapshot;
    QAction *snapshots; // File > Configuration Snapshots…: list and remove
    QAction *cancelImport;
    QAction *keepDuplicates; // checkable: imports store every copy of a record
    QAction *exportViewCsv; // File > Export > Export Flows (Findings, …) as CSV…: named after the current view
    QMenu *exportMenu;
    QAction *exportReport;  // File > Export > Incident Report (PDF)…
    QAction *iocLists; // Investigation > IOC Lists…
    QAction *runDetections; // Investigation > Run Detections
    QAction *detectionSettings; // Investigation > Detection Settings…
    QAction *goToTime;
    QAction *focusFilter;
    QAction *quit;
    QAction *about;
    QAction *aboutQt;

    // View > the docks' own toggle actions.
    void addViewToggle(QAction *toggle, const QKeySequence &shortcut = {});
    // Investigation > a dock's toggle action (the Incident Timeline).
    void addInvestigationToggle(QAction *toggle, const QKeySequence &shortcut = {});
    // View > Theme.
    void setTheme(AppPalette::Theme theme);
    // View > Language: an ISO 639 code, empty for the system's.
    void setLanguage(const QString &language);

    // While an import runs, what would change the case under it is off.
    void setImporting(bool importing);
    // So does loading a configuration snapshot.
    void setSnapshotLoading(bool loading);

Q_SIGNALS:
    void themeRequested(flowscope::AppPalette::Theme theme);
    void languageRequested(const QString &language);

private:
    QMenu *m_viewMenu;
    QMenu *m_investigationMenu;
    QAction *m_themeSeparator;
    QActionGroup *m_themes;
    QActionGroup *m_languages;
};

} // namespace flowscope
