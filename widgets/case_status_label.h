// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The status bar's summary of the open case: "29,627 records, 22 files, 3 errors".

#include <QLabel>

namespace flowscope {

struct CaseSummary;

class CaseStatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit CaseStatusLabel(QWidget *parent = nullptr);

    void showSummary(const CaseSummary &summary);
    void showNoCase();
};

} // namespace flowscope
