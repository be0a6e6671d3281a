// SPDX-License-Identifier: GPL-3.0-or-later
// Where file dialogs start: the folder chosen last for that purpose while it
// exists, else the case's folder, else home; never the working folder. The
// IOC lists', the graph export's and the CSV export's dialogs start there.

#include "dialog_folder.h"
#include "export/csv_export_controller.h"
#include "graph/graph_view.h"
#include "incident/ioc_lists_dialog.h"
#include "itemmodels/ioc_lists_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestDialogFolder : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_last, m_caseFolder, m_case, m_work;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlowscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dialogfolder"));
        QVERIFY(m_dir.isValid());
        const QDir dir(m_dir.path());
        for (const char *name : {"last", "cases", "work"})
            QVERIFY(dir.mkpath(QString::fromLatin1(name)));
        m_last = dir.filePath(QStringLiteral("last"));
        m_caseFolder = dir.filePath(QStringLiteral("cases"));
        m_work = dir.filePath(QStringLiteral("work"));
        m_case = QDir(m_caseFolder).filePath(QStringLiteral("incident.flowcase"));
        QFile file(m_case);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(QDir::setCurrent(m_work)); // must never be chosen
    }
    void init() { QSettings().clear(); }

    void startFolder_data()
    {
        QTest::addColumn<QString>("kept");     // "last", "gone" or none
        QTest::addColumn<bool>("withCase");
        QTest::addColumn<QString>("expected"); // "last", "case" or "home"
        QTest::newRow("last folder") << "last" << true << "last";
        QTest::newRow("last folder gone: the case's") << "gone" << true << "case";
        QTest::newRow("never chosen: the case's") << "" << true << "case";
        QTest::newRow("no case: home") << "" << false << "home";
        QTest::newRow("gone and no case: home") << "gone" << false << "home";
        QTest::newRow("demo case in the cache: home") << "" << true << "demo";
    }

    void startFolder()
    {
        QFETCH(QString, kept);
        QFETCH(bool, withCase);
        QFETCH(QString, expected);
        if (kept == QLatin1String("last"))
            rememberDialogFolder(QStringLiteral("folders/test"), QDir(m_last).filePath(QStringLiteral("chosen.txt")));
        else if (kept == QLatin1String("gone"))
            QSettings().setValue(QStringLiteral("folders/test"), QDir(m_dir.path()).filePath(QStringLiteral("removed")));
        QString caseFile = m_case;
        if (expected == QLatin1String("demo")) { // the bundled demo case lives in the application's cache
            const QDir demo(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/demo"));
            QVERIFY(demo.mkpath(QStringLiteral(".")));
            caseFile = demo.filePath(QStringLiteral("demo.flowcase"));
            QFile file(caseFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            expected = QStringLiteral("home");
        }
        const QString folder = dialogStartFolder(QStringLiteral("folders/test"), withCase ? QStringList{caseFile} : QStringList{});
        const QString wanted = expected == QLatin1String("last") ? m_last
            : expected == QLatin1String("case")                  ? m_caseFolder
                                                                 : QDir::homePath();
        QCOMPARE(QDir(folder).canonicalPath(), QDir(wanted).canonicalPath());
        QVERIFY(QDir(folder).canonicalPath() != QDir(m_work).canonicalPath());
    }

    void iocListsStartAtTheCaseThenTheLastFolder()
    {
        IocListsController controller;
        controller.setCase(m_case);
        IocListsDialog dialog(&controller);
        QCOMPARE(QDir(dialog.startFolder()).canonicalPath(), QDir(m_caseFolder).canonicalPath());
        QSettings().setValue(QStringLiteral("folders/iocLists"), m_last);
        QCOMPARE(QDir(dialog.startFolder()).canonicalPath(), QDir(m_last).canonicalPath());
    }

    void exportsStartAtTheCaseThenTheLastExport()
    {
        GraphView graph;
        graph.setCase(m_case);
        QCOMPARE(QDir(graph.exportFolder()).canonicalPath(), QDir(m_caseFolder).canonicalPath());
        QCOMPARE(QDir(CsvExportController::lastFolder(m_case)).canonicalPath(), QDir(m_caseFolder).canonicalPath());
        QCOMPARE(QDir(CsvExportController::lastFolder()).canonicalPath(), QDir::home().canonicalPath());
        CsvExportController::rememberFolder(QDir(m_last).filePath(QStringLiteral("flows.csv")));
        QCOMPARE(QDir(graph.exportFolder()).canonicalPath(), QDir(m_last).canonicalPath());
        QCOMPARE(QDir(CsvExportController::lastFolder(m_case)).canonicalPath(), QDir(m_last).canonicalPath());
    }
};

QTEST_MAIN(TestDialogFolder)
#include "tst_dialogfolder.moc"
