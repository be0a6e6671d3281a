// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The status bar's count of what the table shows against the whole case:
// "Shown: 1,204 of 10,000,000 (0.01%)", or "Filtering… at least 256 of
// 10,000,000" while a filter's matches are still being counted, so a partial
// count is never mistaken for the answer.

#include <QLabel>

namespace flowscope {

class ShownRecordsLabel : public QLabel {
    Q_OBJECT
public:
    explicit ShownRecordsLabel(QWidget *parent = nullptr);

    void showCounts(qint64 shown, qint64 total, bool counting);
    void clear();
};

} // namespace flowscope
