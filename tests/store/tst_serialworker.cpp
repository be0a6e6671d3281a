// SPDX-License-Identifier: GPL-3.0-or-later
// The worker an import gathers its derived tables on: jobs run in the order
// given, wait() returns once all have run, and a job's exception comes back
// to the giver, the jobs after it left out.

#include "store/serial_worker.h"

#include <QTest>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace flowscope;

class TestSerialWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsJobsInOrder_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("jobs");
        QTest::newRow("one waiting") << 1 << 200;
        QTest::newRow("eight waiting") << 8 << 200;
        QTest::newRow("none") << 4 << 0;
    }
    void runsJobsInOrder()
    {
        QFETCH(int, capacity);
        QFETCH(int, jobs);
        SerialWorker worker(static_cast<std::size_t>(capacity));
        std::vector<int> ran; // written by the worker only, read after wait()
        std::thread::id workerThread;
        for (int i = 0; i < jobs; ++i)
            worker.post([&ran, &workerThread, i] {
                ran.push_back(i);
                workerThread = std::this_thread::get_id();
            });
        worker.wait();
        QCOMPARE(static_cast<int>(ran.size()), jobs);
        for (int i = 0; i < jobs; ++i)
            QCOMPARE(ran[static_cast<std::size_t>(i)], i);
        if (jobs > 0)
            QVERIFY(workerThread != std::this_thread::get_id());
    }

    void waitRethrowsAndDropsTheJobsAfter()
    {
        SerialWorker worker(16);
        std::atomic<int> after{0};
        std::mutex gate;
        std::unique_lock hold(gate); // keeps the failing job from ending before the next ones are given
        worker.post([&gate] {
            std::lock_guard wait(gate);
            throw std::runtime_error("gathering failed");
        });
        for (int i = 0; i < 5; ++i)
            worker.post([&after] { ++after; });
        hold.unlock();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, worker.wait());
        QCOMPARE(after.load(), 0);
        // The worker goes on with the jobs given afterwards.
        worker.post([&after] { ++after; });
        worker.wait();
        QCOMPARE(after.load(), 1);
    }

    void postRethrowsAFailure()
    {
        SerialWorker worker(2);
        worker.post([] { throw std::runtime_error("gathering failed"); });
        bool thrown = false;
        // The failure reaches the giver by a later post at the latest, or else by wait().
        try {
            for (int i = 0; i < 1000 && !thrown; ++i)
                worker.post([] {});
            worker.wait();
        } catch (const std::runtime_error &) {
            thrown = true;
        }
        QVERIFY(thrown);
        worker.waitQuietly();
    }

    void waitQuietlyForgetsAFailure()
    {
        SerialWorker worker(2);
        worker.post([] { throw std::runtime_error("gathering failed"); });
        worker.waitQuietly();
        worker.wait(); // nothing left to throw
        int ran = 0;
        worker.post([&ran] { ++ran; });
        worker.wait();
        QCOMPARE(ran, 1);
    }

    void destructorRunsWaitingJobs()
    {
        std::atomic<int> ran{0};
        {
            SerialWorker worker(64);
            for (int i = 0; i < 50; ++i)
                worker.post([&ran] { ++ran; });
        }
        QCOMPARE(ran.load(), 50);
    }
};

QTEST_GUILESS_MAIN(TestSerialWorker)
#include "tst_serialworker.moc"
