// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_status_label.h"

#include "store/case_summary.h"

#include <QLocale>

#include <limits>

namespace flowscope {

namespace {
// Plural forms take an int; counts beyond it are shown as a number alone.
int pluralCount(std::uint64_t n)
{
    return static_cast<int>(std::min<std::uint64_t>(n, std::numeric_limits<int>::max()));
}
} // namespace

CaseStatusLabel::CaseStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    showNoCase();
}

void CaseStatusLabel::showSummary(const CaseSummary &summary)
{
    const QLocale locale;
    const QString records = summary.records > std::uint64_t(std::numeric_limits<int>::max())
                                ? tr("%1 records").arg(locale.toString(static_cast<qulonglong>(summary.records)))
                                : tr("%Ln record(s)", nullptr, pluralCount(summary.records));
    setText(tr("%1, %2, %3")
                .arg(records, tr("%Ln file(s)", nullptr, pluralCount(summary.files)),
                     tr("%Ln error(s)", nullptr, pluralCount(summary.errors))));
    setToolTip(summary.failedFiles > 0 ? tr("%Ln file(s) could not be imported: see the import report",
                                            nullptr, pluralCount(summary.failedFiles))
                                       : QString());
}

void CaseStatusLabel::showNoCase()
{
    setText(tr("No case open"));
    setToolTip(QString());
}

} // namespace flowscope
