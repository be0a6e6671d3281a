// SPDX-License-Identifier: GPL-3.0-or-later
// Where file dialogs start: the folder shown last when it still exists,
// else near the evidence (a case's folder), else home; never the process's
// working folder.

#include "window_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestWindowSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("flowscope-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowsettings"));
        QSettings().clear();
    }

    void startFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("cases")));
        const QString caseFile = dir.filePath(QStringLiteral("cases/a.flowcase"));
        QFile file(caseFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        WindowSettings settings;
        QVERIFY(QDir::setCurrent(dir.path()));
        // Nothing saved, nothing to go by: home, not the working folder.
        QCOMPARE(settings.startFolder(QStringLiteral("imports")), QDir::homePath());
        // A case file stands for its folder; missing fallbacks are passed over.
        QCOMPARE(settings.startFolder(QStringLiteral("imports"), {dir.filePath(QStringLiteral("gone")), caseFile}),
                 dir.filePath(QStringLiteral("cases")));
        settings.setFolder(QStringLiteral("imports"), dir.path());
        QCOMPARE(settings.startFolder(QStringLiteral("imports"), {caseFile}), dir.path());
        // A saved folder that is gone gives way to the fallbacks.
        settings.setFolder(QStringLiteral("imports"), dir.filePath(QStringLiteral("removed")));
        QCOMPARE(settings.startFolder(QStringLiteral("imports"), {caseFile}), dir.filePath(QStringLiteral("cases")));
    }
};

QTEST_GUILESS_MAIN(TestWindowSettings)
#include "tst_windowsettings.moc"
