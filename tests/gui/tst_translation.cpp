// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation loads and translates the window; the language
// setting chooses it.

#include "app_translation.h"
#include "itemmodels/flow_table_model.h"
#include "main_window.h"

#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace flowscope;

class TestTranslation : public QObject {
    Q_OBJECT

private:
    static QStringList menuTitles(const QMainWindow &window)
    {
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text();
        return titles;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void germanTranslatesTheMainMenu()
    {
        QVERIFY(installAppTranslation(QLocale(QLocale::German, QLocale::Germany)));
        MainWindow window;
        QCOMPARE(menuTitles(window), (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht"),
                                                  QStringLiteral("&Ermittlung"), QStringLiteral("&Hilfe")}));
        const int source = int(window.flowModel()->columns().indexOf(Field::SrcAddr));
        QCOMPARE(window.flowModel()->headerData(source, Qt::Horizontal).toString(), QStringLiteral("Quelle"));
        QCOMPARE(QCoreApplication::translate("flowscope::ImportProgressWidget", "Cancel"), QStringLiteral("Abbrechen"));
    }

    void englishIsTheSourceLanguage()
    {
        QVERIFY(installAppTranslation(QLocale(QLocale::English)));
        MainWindow window;
        QCOMPARE(menuTitles(window), (QStringList{QStringLiteral("&File"), QStringLiteral("&View"),
                                                  QStringLiteral("&Investigation"), QStringLiteral("&Help")}));
        // Plural forms come from the English translation.
        QCOMPARE(QCoreApplication::translate("flowscope::CaseSummaryView", "%n format(s)", nullptr, 1),
                 QStringLiteral("1 format"));
    }

    void unknownLanguageFallsBackToNone()
    {
        QVERIFY(!installAppTranslation(QLocale(QLocale::Japanese)));
        QCOMPARE(QCoreApplication::translate("flowscope::MainActions", "&File"), QStringLiteral("&File"));
    }

    void settingChoosesTheLanguage()
    {
        setConfiguredLanguage(QStringLiteral("de"));
        QCOMPARE(configuredLanguage(), QStringLiteral("de"));
        const QLocale system;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        installConfiguredTranslation();
        QCOMPARE(QCoreApplication::translate("flowscope::MainActions", "&File"), QStringLiteral("&Datei"));
        // German digit grouping with the German language, whatever the system's.
        QCOMPARE(QLocale().toString(39815), QStringLiteral("39.815"));
        QLocale::setDefault(system);
        setConfiguredLanguage(QString());
        QVERIFY(configuredLanguage().isEmpty());
        QVERIFY(!QSettings().contains(QStringLiteral("language")));
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
