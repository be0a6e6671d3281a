// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Findings dock: the case's findings, a Run Detections button that runs
// every detector over the current filter off the GUI thread with a progress
// bar and Cancel, and a double-click that asks for a finding's evidence
// filter in the filter bar. Its context menu exports the findings as CSV.
// The list opens most severe first (the earliest first among equals); a
// header click sorts by that column. Whichever way a finding's evidence was
// applied (here, its timeline marker, the incident timeline), that finding
// is the one selected here.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace flowscope {

class FindingsModel;

class FindingsView : public QWidget {
    Q_OBJECT
public:
    explicit FindingsView(QWidget *parent = nullptr);

    FindingsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Loads the findings stored in the case (none when empty).
    void setCase(const QString &casePath);
    // The filter a run covers.
    void setFilter(const QString &expression) { m_filter = expression; }

public Q_SLOTS:
    void runDetections();
    // Selects the finding named `id` ("beaconing-1") and scrolls to it, as
    // its evidence is now shown; none selected when no finding has that name.
    void showFinding(const QString &id);
    void cancel();

Q_SIGNALS:
    // A finding was double-clicked: show its evidence records (`finding`
    // its name, "beaconing-1", and `title` what it found).
    void filterRequested(const QString &expression, const QString &finding, const QString &title);
    // Export Findings as CSV… from the table's context menu.
    void exportRequested();

private:
    void setBusy(bool busy);
    // How many findings, and when the detectors last ran with which
    // settings, or that they never ran on the case.
    void showRunStatus();
    void fitColumns();
    void selectShown();

    FindingsModel *m_model;
    QTableView *m_table;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QString m_case, m_filter;
    QString m_shown; // the finding whose evidence was last shown, selected again after a reload
};

} // namespace flowscope
