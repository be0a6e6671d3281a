// SPDX-License-Identifier: GPL-3.0-or-later
// The case summary view shows what the case holds, and errors in its place.

#include "case_summary_view.h"
#include "store/case_summary.h"

#include <QLabel>
#include <QTest>
#include <QTreeWidget>

using namespace flowscope;

class TestCaseSummaryView : public QObject {
    Q_OBJECT

private:
    static QString valueOf(QTreeWidget *tree, const QString &property)
    {
        const auto items = tree->findItems(property, Qt::MatchExactly, 0);
        return items.isEmpty() ? QString() : items.first()->text(1);
    }

private Q_SLOTS:
    void showsSummary()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        CaseSummary summary;
        summary.records = 29627;
        summary.files = 22;
        summary.failedFiles = 1;
        summary.errors = 3;
        summary.firstStart = 1773108001;
        summary.lastEnd = 1773129599;
        summary.interfaces = 28;
        summary.accounts = {"123456789012", "210987654321"};
        summary.regions = {"us-east-1"};
        summary.formats = {{"s3-text", "version srcaddr", 12, 26036}};
        CaseSummaryView view;
        view.showSummary(QStringLiteral("demo.flowcase"), summary);
        auto *tree = view.findChild<QTreeWidget *>();
        QVERIFY(tree);
        QCOMPARE(valueOf(tree, QStringLiteral("Records")), QStringLiteral("29,627"));
        QCOMPARE(valueOf(tree, QStringLiteral("Files")), QStringLiteral("22 imported, 1 rejected"));
        QCOMPARE(valueOf(tree, QStringLiteral("Time range")),
                 QStringLiteral("2026-03-10 02:00:01 UTC to 2026-03-10 07:59:59 UTC"));
        QCOMPARE(valueOf(tree, QStringLiteral("Accounts")), QStringLiteral("123456789012, 210987654321"));
        QCOMPARE(valueOf(tree, QStringLiteral("Errors")), QStringLiteral("3"));
        const auto formats = tree->findItems(QStringLiteral("Formats"), Qt::MatchExactly, 0);
        QCOMPARE(formats.size(), 1);
        QCOMPARE(formats.first()->childCount(), 1);
        QCOMPARE(formats.first()->child(0)->text(0), QStringLiteral("s3-text"));
    }

    // Numbers as the language writes them (German groups with a dot), and
    // file and record counts by plural forms, never "1 files".
    void writesNumbersInTheLanguage()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        CaseSummary summary;
        summary.records = 39815;
        summary.files = 1234;
        summary.failedFiles = 1;
        summary.formats = {{"s3-text", "version srcaddr", 1, 39815}};
        CaseSummaryView view;
        view.showSummary(QStringLiteral("demo.flowcase"), summary);
        auto *tree = view.findChild<QTreeWidget *>();
        QVERIFY(tree);
        QCOMPARE(valueOf(tree, QStringLiteral("Records")), QStringLiteral("39.815"));
        QCOMPARE(valueOf(tree, QStringLiteral("Files")), QStringLiteral("1.234 imported, 1 rejected"));
        const QString line = tree->findItems(QStringLiteral("Formats"), Qt::MatchExactly, 0).first()->child(0)->text(1);
        QVERIFY2(line.contains(QStringLiteral("39.815")), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("1 files")), qPrintable(line));
        QVERIFY2(line.endsWith(QStringLiteral(": version srcaddr")), qPrintable(line));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void showsError()
    {
        CaseSummaryView view;
        view.showSummary(QStringLiteral("x"), CaseSummary{});
        view.showError(QStringLiteral("'x' is not a Flowscope case"));
        QCOMPARE(view.findChild<QLabel *>()->text(), QStringLiteral("'x' is not a Flowscope case"));
        QCOMPARE(view.findChild<QTreeWidget *>()->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestCaseSummaryView)
#include "tst_casesummaryview.moc"
