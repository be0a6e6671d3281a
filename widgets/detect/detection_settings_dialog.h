// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Investigation > Detection Settings…: every detector's thresholds as the
// registry gives them, one group per detector, each with an editor of its
// kind: spin boxes for counts and seconds (with their unit), a check box for
// a yes/no, a line for byte counts (shown with units: 500 MB; typed as
// 500MB, 2GiB or plain bytes), ratios and port lists. A value is checked as
// it is typed, as `--set` checks it, and the reason is shown next to it; OK
// waits until every value is valid. The changes are kept in the
// application's settings for every later Run Detections.

#include "detect/detection_settings.h"
#include "detect/detector_parameter.h"

#include <QDialog>
#include <QString>

#include <vector>

class QLabel;
class QPushButton;

namespace flowscope {

class DetectionSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit DetectionSettingsDialog(QWidget *parent = nullptr);

    // Every setting by its `--set` name ("exfiltration.min-bytes"), in registry order.
    QStringList names() const;
    // The editor of a setting (QSpinBox, QCheckBox or QLineEdit); null for an unknown name.
    QWidget *editor(const QString &name) const;
    // Why the value in that editor is refused; empty when it is valid.
    QString problem(const QString &name) const;
    // A byte count as the editor shows it: "500 MB", "2 GiB", "1500 B".
    static QString bytesText(qint64 bytes);

    // The values that differ from their defaults, as `--set` takes them.
    DetectorSettings changes() const;

public Q_SLOTS:
    // Saves the values when all are valid; otherwise says which is not and stays open.
    void accept() override;
    void restoreDefaults();

private:
    struct Setting {
        QString name; // "detector.parameter"
        DetectorParameter::Kind kind;
        QString defaultValue; // as the parameter writes it
        QWidget *editor = nullptr;
        QLabel *note = nullptr; // the meaning, or the reason a value is refused
        QString meaning;
        QString problem;
    };
    QWidget *makeEditor(Setting &setting);
    void showValue(Setting &setting, const QString &value);
    QString typed(const Setting &setting) const;
    void check(Setting &setting);
    void updateOk();

    std::vector<Setting> m_settings;
    QLabel *m_error;
    QPushButton *m_ok = nullptr;
};

} // namespace flowscope
