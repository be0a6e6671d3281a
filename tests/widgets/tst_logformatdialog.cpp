// SPDX-License-Identifier: GPL-3.0-or-later
// The format dialog checks the format string as it is typed, says what is
// wrong, and offers the strings used before.

#include "log_format_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace flowscope;

class TestLogFormatDialog : public QObject {
    Q_OBJECT

private:
    static QPushButton *okButton(LogFormatDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void validatesAsTyped()
    {
        LogFormatDialog dialog;
        dialog.setExample(2, QStringLiteral("/logs/custom.log"), QStringLiteral("eni-1 10.0.0.1 443"), 3);
        auto *edit = dialog.findChild<QComboBox *>()->lineEdit();
        QVERIFY(!dialog.isValid());
        QVERIFY(!okButton(dialog)->isEnabled());

        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("${interface-id} ${srcaddr} ${no-such-field}"));
        QVERIFY(!dialog.isValid());
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(dialog.validationText().contains(QStringLiteral("no-such-field")), qPrintable(dialog.validationText()));

        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("${interface-id} ${srcaddr} ${dstport}"));
        QVERIFY(dialog.isValid());
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog.formatString(), QStringLiteral("${interface-id} ${srcaddr} ${dstport}"));

        // A valid format that does not fit the file's records is said, not refused.
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("${interface-id} ${srcaddr}"));
        QVERIFY(dialog.isValid());
        QVERIFY2(dialog.validationText().contains(QStringLiteral("first record has 3")), qPrintable(dialog.validationText()));
    }

    void offersTheFormatsUsedBefore()
    {
        LogFormatDialog dialog;
        const QStringList history{QStringLiteral("${version} ${srcaddr}"), QStringLiteral("${interface-id} ${action}")};
        dialog.setHistory(history);
        auto *combo = dialog.findChild<QComboBox *>();
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->itemText(1), history.at(1));
        QCOMPARE(dialog.formatString(), history.at(0)); // the newest is proposed
        QVERIFY(dialog.isValid());
        combo->setCurrentIndex(1);
        QCOMPARE(dialog.formatString(), history.at(1));
    }
};

QTEST_MAIN(TestLogFormatDialog)
#include "tst_logformatdialog.moc"
