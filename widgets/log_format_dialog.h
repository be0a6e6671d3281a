// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Asks for a flow log's format string ("${version} ${vpc-id} ..." as the AWS
// console shows it) when files have no header and are not in the default
// format. Checks it as it is typed and says what is wrong; offers the format
// strings used before.

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace flowscope {

class LogFormatDialog : public QDialog {
    Q_OBJECT
public:
    explicit LogFormatDialog(QWidget *parent = nullptr);

    // What needs a format: how many files, the first one and its first record.
    void setExample(int files, const QString &file, const QString &record, int fields);
    // Format strings used before, newest first; the newest is proposed.
    void setHistory(const QStringList &formats);

    QString formatString() const;
    bool isValid() const { return m_valid; }
    QString validationText() const;

private:
    void validate();

    QLabel *m_intro;
    QLabel *m_example;
    QComboBox *m_format;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    int m_exampleFields = 0;
    bool m_valid = false;
};

} // namespace flowscope
