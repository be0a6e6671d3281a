// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline loader: results off the GUI thread, a burst of requests
// coalesced into few computations with only the newest delivered, errors
// reported, cancel delivering nothing.

#include "ingest/case_importer.h"
#include "itemmodels/timeline_loader.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace flowscope;

Q_DECLARE_METATYPE(flowscope::TimelineResult)

class TestTimelineLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;

    TimelineRequest request(const QString &filter, std::int64_t bucket = 100)
    {
        TimelineRequest r;
        r.casePath = m_case;
        r.filter = filter;
        r.options.bucketSeconds = bucket;
        return r;
    }

    static TimelineResult resultOf(const QSignalSpy &spy, int index)
    {
        return spy.at(index).at(0).value<TimelineResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<TimelineResult>();
        test::writeFile(m_dir.filePath(QStringLiteral("in.log")), test::smallTrafficRecords());
        m_case = m_dir.filePath(QStringLiteral("s.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in.log")).toStdString()}, {}).records, 5u);
    }

    void computesOffTheGuiThread()
    {
        TimelineLoader loader;
        QSignalSpy finished(&loader, &TimelineLoader::finished);
        loader.request(request(QStringLiteral("action == accept")));
        QVERIFY(loader.isBusy());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        const TimelineResult result = resultOf(finished, 0);
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.request.filter, QStringLiteral("action == accept"));
        QCOMPARE(result.timeline.bucketSeconds, 100);
        std::uint64_t accepts = 0, rejects = 0;
        for (const TimelineBucket &b : result.timeline.buckets) {
            accepts += b.accept;
            rejects += b.reject;
        }
        QCOMPARE(accepts, 3u);
        QCOMPARE(rejects, 0u);
        QVERIFY(!loader.isBusy());
    }

    // Zooming sends a request per step: only the last one is answered.
    void aBurstDeliversOnlyTheNewest()
    {
        TimelineLoader loader;
        QSignalSpy finished(&loader, &TimelineLoader::finished);
        for (int bucket = 1; bucket <= 20; ++bucket)
            loader.request(request({}, bucket * 10));
        QVERIFY(finished.wait(10000));
        // Nothing runs or waits any more, so nothing more can arrive.
        QVERIFY(!loader.isBusy());
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(resultOf(finished, 0).request.options.bucketSeconds, 200);
        QCOMPARE(resultOf(finished, 0).timeline.bucketSeconds, 200);
        QVERIFY2(loader.started() < 20, "waiting requests are replaced, not queued");
    }

    void reportsErrors_data()
    {
        QTest::addColumn<QString>("casePath");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qlonglong>("bucket");
        QTest::addColumn<QString>("error");
        QTest::newRow("invalid filter") << "" << "dstport ==" << 60LL << "position 10";
        QTest::newRow("missing case") << "/nonexistent/x.flowcase" << "" << 60LL << "x.flowcase";
        QTest::newRow("zero bucket") << "" << "" << 0LL << "at least one second";
    }

    void reportsErrors()
    {
        QFETCH(QString, casePath);
        QFETCH(QString, filter);
        QFETCH(qlonglong, bucket);
        QFETCH(QString, error);
        TimelineLoader loader;
        QSignalSpy finished(&loader, &TimelineLoader::finished);
        TimelineRequest r = request(filter, bucket);
        if (!casePath.isEmpty())
            r.casePath = casePath;
        loader.request(r);
        QVERIFY(finished.wait(10000));
        const TimelineResult result = resultOf(finished, 0);
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QVERIFY(result.timeline.buckets.empty());
    }

    void noCaseGivesAnEmptyTimeline()
    {
        TimelineLoader loader;
        QSignalSpy finished(&loader, &TimelineLoader::finished);
        TimelineRequest r = request({});
        r.casePath.clear();
        loader.request(r);
        QVERIFY(finished.wait(10000));
        QVERIFY(resultOf(finished, 0).error.isEmpty());
        QVERIFY(resultOf(finished, 0).timeline.buckets.empty());
    }

    // A computation that a newer request makes stale stops at its next
    // poll, its result is never delivered, and the newer one then runs.
    void aSupersededComputationStopsEarly()
    {
        TimelineLoader loader;
        QSemaphore release;
        std::atomic<int> held{0};
        loader.setStartHook([&] {
            if (held++ == 0)
                release.acquire();
        });
        QSignalSpy finished(&loader, &TimelineLoader::finished);
        loader.request(request(QStringLiteral("action == accept")));
        QTRY_COMPARE_WITH_TIMEOUT(held.load(), 1, 10000); // running, held at its start
        loader.request(request(QStringLiteral("action == reject")));
        release.release();
        QVERIFY(finished.wait(10000));
        QVERIFY(!loader.isBusy());
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(resultOf(finished, 0).request.filter, QStringLiteral("action == reject"));
        QVERIFY(!resultOf(finished, 0).cancelled);
        QCOMPARE(loader.started(), 2);
        QCOMPARE(loader.stoppedEarly(), 1);
    }

    void cancelDeliversNothing()
    {
        TimelineLoader loader;
        QSignalSpy finished(&loader, &TimelineLoader::finished);
        loader.request(request({}));
        loader.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 10000);
        QCoreApplication::processEvents(); // the stopped computation's end is handled
        QCOMPARE(finished.count(), 0);
        loader.request(request({}));
        QVERIFY(finished.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestTimelineLoader)
#include "tst_timelineloader.moc"
