// SPDX-License-Identifier: GPL-3.0-or-later
#include "shown_records_label.h"

#include <QLocale>

namespace flowscope {

ShownRecordsLabel::ShownRecordsLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setAccessibleName(tr("Records shown"));
    clear();
}

void ShownRecordsLabel::showCounts(qint64 shown, qint64 total, bool counting)
{
    const QLocale locale;
    if (counting) {
        setText(tr("Filtering… at least %1 of %2").arg(locale.toString(shown), locale.toString(total)));
        setToolTip(tr("The first matches are shown while the rest are counted"));
        return;
    }
    if (shown == total) {
        setText(tr("Shown: all %1").arg(locale.toString(total)));
        setToolTip(QString());
        return;
    }
    // Two decimals down to 0.01%; a rarer match still shows that it is not zero.
    const double percent = total > 0 ? 100.0 * double(shown) / double(total) : 0.0;
    const QString share = shown > 0 && percent < 0.01 ? QStringLiteral("<0.01%") : locale.toString(percent, 'f', 2) + QLatin1Char('%');
    setText(tr("Shown: %1 of %2 (%3)").arg(locale.toString(shown), locale.toString(total), share));
    setToolTip(tr("Records the filter matches, of all records in the case"));
}

void ShownRecordsLabel::clear()
{
    setText(QString());
    setToolTip(QString());
}

} // namespace flowscope
