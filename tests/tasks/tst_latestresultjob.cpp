// SPDX-License-Identifier: GPL-3.0-or-later
// The views' background job: only the newest request's result is delivered,
// a waiting request is replaced rather than queued, a newer request or a
// cancel makes the running job stale, and a cancel delivers nothing. Jobs
// are held on a semaphore, so the order of events never depends on timing.

#include "tasks/case_job.h"
#include "tasks/latest_result_job.h"

#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace flowscope;

class TestLatestResultJob : public QObject {
    Q_OBJECT

private:
    QThreadPool m_pool;

    // A job that waits for its release, then answers its number and whether it had gone stale.
    static LatestResultJob<QString>::Work held(int number, const std::shared_ptr<QSemaphore> &release)
    {
        return [number, release](const LatestResultJob<QString>::Stale &stale) {
            release->acquire();
            return QStringLiteral("%1%2").arg(number).arg(stale() ? QStringLiteral(" stale") : QString());
        };
    }

private Q_SLOTS:
    void deliversOnlyTheNewestRequest()
    {
        QStringList delivered;
        auto release = std::make_shared<QSemaphore>();
        LatestResultJob<QString> job(&m_pool, [&](QString result) { delivered << result; });
        job.request(held(1, release));
        job.request(held(2, release)); // waits, then is replaced
        job.request(held(3, release));
        QVERIFY(job.isBusy());
        QCOMPARE(job.started(), 1);
        release->release(3);
        QTRY_COMPARE(delivered, QStringList{QStringLiteral("3")});
        QCOMPARE(job.started(), 2); // the first, then the newest: the one between never ran
    }

    void aNewerRequestMakesTheRunningJobStale()
    {
        QStringList delivered;
        auto release = std::make_shared<QSemaphore>();
        auto seen = std::make_shared<QString>();
        LatestResultJob<QString> job(&m_pool, [&](QString result) { delivered << result; });
        job.request([release, seen](const LatestResultJob<QString>::Stale &stale) {
            release->acquire();
            *seen = stale() ? QStringLiteral("stale") : QStringLiteral("current");
            return QStringLiteral("old");
        });
        job.request(held(2, release));
        release->release(2);
        QTRY_COMPARE(delivered, QStringList{QStringLiteral("2")});
        QCOMPARE(*seen, QStringLiteral("stale"));
    }

    void cancelDeliversNothing()
    {
        QStringList delivered;
        auto release = std::make_shared<QSemaphore>();
        LatestResultJob<QString> job(&m_pool, [&](QString result) { delivered << result; });
        job.request(held(1, release));
        job.request(held(2, release));
        job.cancel();
        QVERIFY(job.isBusy()); // the first still runs until it notices
        release->release(2);
        QTRY_VERIFY(!job.isBusy());
        QCOMPARE(job.started(), 1);
        QVERIFY(delivered.isEmpty());
        // A request after the cancel is delivered again.
        job.request(held(4, release));
        release->release(1);
        QTRY_COMPARE(delivered, QStringList{QStringLiteral("4")});
    }

    // Busy until the result is delivered here, not only while the work runs:
    // a view that waits for "not busy" must then find the result shown.
    void busyUntilTheResultIsDelivered()
    {
        QStringList delivered;
        LatestResultJob<QString> job(&m_pool, [&](QString result) { delivered << result; });
        job.request([](const LatestResultJob<QString>::Stale &) { return QStringLiteral("done"); });
        QVERIFY(m_pool.waitForDone(10000)); // the work has finished; its result has not crossed yet
        QVERIFY(delivered.isEmpty());
        QVERIFY(job.isBusy());
        QTRY_VERIFY(!job.isBusy());
        QCOMPARE(delivered, QStringList{QStringLiteral("done")});
    }

    void aDeliveryMayAskAgain()
    {
        QStringList delivered;
        auto release = std::make_shared<QSemaphore>(10);
        std::unique_ptr<LatestResultJob<QString>> job;
        job = std::make_unique<LatestResultJob<QString>>(&m_pool, [&](QString result) {
            delivered << result;
            if (delivered.size() < 3)
                job->request(held(int(delivered.size()) + 1, release));
        });
        job->request(held(1, release));
        QTRY_COMPARE(delivered.size(), 3);
        QCOMPARE(delivered, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    }

    void aCaseJobReportsErrorsOnlyWhileCurrent()
    {
        int ran = 0;
        QVERIFY(runOnCase({}, [] { return false; }, [&](CaseDb &) { ++ran; }).isEmpty());
        QCOMPARE(ran, 0); // no case: nothing to do
        const QString missing = QStringLiteral("/nonexistent-folder/missing.flowcase");
        QVERIFY(!runOnCase(missing, [] { return false; }, [&](CaseDb &) { ++ran; }).isEmpty());
        QVERIFY(runOnCase(missing, [] { return true; }, [&](CaseDb &) { ++ran; }).isEmpty());
        QCOMPARE(ran, 0);
    }
};

QTEST_GUILESS_MAIN(TestLatestResultJob)
#include "tst_latestresultjob.moc"
