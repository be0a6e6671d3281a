// SPDX-License-Identifier: GPL-3.0-or-later
// A connection for background reads caches little, reads the case like any
// other and cannot write to it.

#include "store/case_db.h"
#include "store/sqlite_handle.h"
#include "tasks/background_connection.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

class TestBackgroundConnection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cachesLittleAndOnlyReads()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("c.flowcase")).toStdString();
        const std::int64_t ownCache = queryInt(CaseDb::open(path, CaseDb::Mode::CreateIfMissing)->handle(),
                                               "PRAGMA cache_size");
        auto caseDb = openForBackgroundReads(path);
        QCOMPARE(queryInt(caseDb->handle(), "PRAGMA cache_size"), -kBackgroundCacheKiB);
        QVERIFY(-ownCache > kBackgroundCacheKiB);
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM flow_block"), 0);
        QVERIFY_THROWS_EXCEPTION(StoreError, execSql(caseDb->handle(), "DELETE FROM flow_block"));
    }

    void aMissingCaseIsAnError()
    {
        QVERIFY_THROWS_EXCEPTION(StoreError, openForBackgroundReads("/nonexistent/x.flowcase"));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundConnection)
#include "tst_backgroundconnection.moc"
