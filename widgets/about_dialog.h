// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Help > About: the version, what Flowscope is, and its licence.

#include <QDialog>

namespace flowscope {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString versionText();
    static QString licenseText();
};

} // namespace flowscope
