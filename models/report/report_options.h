// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the caller tells the report beside its sections: the title page's
// words and the paper. Every text here is the analyst's and is drawn as
// plain text, never read as markup.

#include <QDateTime>
#include <QPageSize>
#include <QString>

namespace flowscope::report {

struct ReportOptions {
    QString title;       // "Incident report" when empty
    QString caseName;    // the case file's name
    QString analyst;
    QString freeText;    // the analyst's words, line breaks kept
    QDateTime exportedAt; // now when invalid
    QPageSize::PageSizeId pageSize = QPageSize::A4;
};

} // namespace flowscope::report
