// SPDX-License-Identifier: GPL-3.0-or-later
// A superseded job stops inside a long statement: while a QueryInterrupt
// says so, statements on the case fail (and are counted); otherwise, and
// once it is gone, they run to their end. The completion values of the
// filter bar stop the same way.

#include "filterbar/case_values.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"
#include "tasks/query_interrupt.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace flowscope;

namespace {
// About ten million virtual-machine steps, whatever the case holds.
constexpr const char *kLongQuery = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)"
                                   " SELECT count(*) FROM n";
} // namespace

class TestQueryInterrupt : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = m_dir.filePath(QStringLiteral("i.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
    }

    void stopsALongStatementWhenCancelled()
    {
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        std::atomic<int> asked{0};
        {
            const QueryInterrupt interrupt(*caseDb, [&] { return ++asked > 3; });
            QVERIFY_THROWS_EXCEPTION(StoreError, queryInt(caseDb->handle(), kLongQuery));
            QCOMPARE(interrupt.interruptions(), 1);
            QCOMPARE(asked.load(), 4); // stopped at the first check that said so, long before the end
        }
        // Gone: the same statement runs to its end.
        QCOMPARE(queryInt(caseDb->handle(), kLongQuery), 1000000);
    }

    void letsAStatementRunWhileNotCancelled()
    {
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        int asked = 0;
        const QueryInterrupt interrupt(*caseDb, [&] {
            ++asked;
            return false;
        });
        QCOMPARE(queryInt(caseDb->handle(), kLongQuery), 1000000);
        QCOMPARE(interrupt.interruptions(), 0);
        QVERIFY(asked > 100); // it was asked all along
    }

    // Completion values asked for a case and cancelled at once yield
    // nothing rather than a half-read list.
    void cancelledCaseValuesYieldNothing()
    {
        auto whole = loadCaseValuesAsync(m_case, kDefaultCaseValueLimit, std::make_shared<std::atomic_bool>(false));
        whole.waitForFinished();
        QVERIFY(!whole.result().addresses.isEmpty());
        auto cancelled = loadCaseValuesAsync(m_case, kDefaultCaseValueLimit, std::make_shared<std::atomic_bool>(true));
        cancelled.waitForFinished();
        QVERIFY(cancelled.result().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQueryInterrupt)
#include "tst_queryinterrupt.moc"
