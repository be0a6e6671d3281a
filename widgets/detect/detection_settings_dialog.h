// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Investigation > Detection Settings…: every detector's thresholds as the
// registry gives them, with their defaults and meaning; the values are
// edited in place, checked as `--set` checks them, and kept in the
// application's settings for every later Run Detections.

#include "detect/detection_settings.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace flowscope {

class DetectionSettingsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { DetectorColumn, SettingColumn, ValueColumn, DefaultColumn, MeaningColumn, ColumnCount };

    explicit DetectionSettingsDialog(QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The values that differ from their defaults, as the table holds them now.
    DetectorSettings changes() const;

public Q_SLOTS:
    // Saves the values when all are valid; otherwise says which is not and stays open.
    void accept() override;
    void restoreDefaults();

private:
    QTableWidget *m_table;
    QLabel *m_error;
};

} // namespace flowscope
