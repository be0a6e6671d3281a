// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The status bar's import indicator: a progress bar, where the import is
// ("file 3 of 12, 1,204,311 records, 912,004 records/s, about 20 s left")
// and a Cancel button.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace flowscope {

struct ImportProgress;
struct ImportReport;

class ImportProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit ImportProgressWidget(QWidget *parent = nullptr);

    // Before the import starts, while the input is looked at.
    // The case receiving the files, named before the progress (full path in its tooltip).
    void setCasePath(const QString &casePath);
    QString caseText() const;
    void showChecking();
    void showProgress(const ImportProgress &progress);
    // Cancel was asked: the import stops after the batch it is writing.
    void showCancelling();

    QString text() const;
    // What an import did, in a sentence for the status bar.
    static QString outcomeText(const ImportReport &report);
    // "about 2 min" and the like.
    static QString durationText(double seconds);

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_case;
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace flowscope
