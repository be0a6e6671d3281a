// SPDX-License-Identifier: GPL-3.0-or-later
// A CsvWriter's buffers written on a thread of their own: the bytes are
// those the writer writes straight to its sink, in order, whatever the
// buffer and queue sizes; a write that fails (a full device, a closed pipe)
// stops the writer and says so, and a writer dropped halfway never hangs.

#include "export/csv_writer.h"
#include "export/write_behind.h"

#include <QFile>
#include <QTest>

#include <atomic>
#include <csignal>
#include <thread>
#include <unistd.h>

using namespace flowscope;

namespace {

// Rows of every kind of cell, a few hundred bytes each.
void writeRows(CsvWriter &writer, int rows, int first = 0)
{
    for (int i = first; i < first + rows; ++i) {
        writer.number(i);
        writer.text(i % 7 == 0 ? "=cmd|' /C calc'!A0" : "eni-0a1b2c3d");
        writer.text(std::string(static_cast<std::size_t>(i % 300), 'x') + ",\"quoted\"");
        writer.address(IpAddress::parse(i % 2 ? "2001:db8::7" : "10.0.0.1").value());
        writer.isoTime(1700000000 + std::int64_t{i} * 3600);
        writer.absent();
        writer.endRow();
    }
}

QByteArray writtenDirectly(int rows)
{
    QByteArray out;
    {
        CsvWriter writer([&](std::string_view text) {
            out.append(text.data(), static_cast<qsizetype>(text.size()));
            return true;
        });
        writeRows(writer, rows);
    }
    return out;
}

} // namespace

class TestWriteBehind : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A closed pipe fails the write with EPIPE rather than ending the test.
        std::signal(SIGPIPE, SIG_IGN);
    }

    void bytesAreTheWritersInOrder_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("bufferBytes");
        QTest::addColumn<int>("queued");
        QTest::newRow("nothing") << 0 << 1024 << 4;
        QTest::newRow("one buffer") << 10 << (1 << 20) << 4;
        QTest::newRow("small buffers, one queued") << 5000 << 256 << 1;
        QTest::newRow("small buffers, many queued") << 5000 << 300 << 16;
        QTest::newRow("rows longer than the buffer") << 2000 << 64 << 2;
    }

    void bytesAreTheWritersInOrder()
    {
        QFETCH(int, rows);
        QFETCH(int, bufferBytes);
        QFETCH(int, queued);
        QByteArray out;
        std::atomic<int> writes{0};
        WriteBehind writeBehind(
            [&](std::string_view text) {
                out.append(text.data(), static_cast<qsizetype>(text.size()));
                ++writes;
                return true;
            },
            static_cast<std::size_t>(queued));
        {
            CsvWriter writer(writeBehind.sink(), CsvCells::Neutralised, static_cast<std::size_t>(bufferBytes));
            writeRows(writer, rows);
            QVERIFY(writer.flush());
        }
        QVERIFY(writeBehind.finish());
        QCOMPARE(out, writtenDirectly(rows));
        if (rows > 1000)
            QVERIFY(writes > 100); // handed over in many buffers
    }

    // A sink that fails on its n-th write: nothing after it is written, and
    // the writer learns of it and stops.
    void failedWriteStopsTheWriter()
    {
        QByteArray out;
        int calls = 0;
        WriteBehind writeBehind([&](std::string_view text) {
            if (++calls == 3)
                return false;
            out.append(text.data(), static_cast<qsizetype>(text.size()));
            return true;
        });
        CsvWriter writer(writeBehind.sink(), CsvCells::Neutralised, 256);
        int rows = 0;
        for (; rows < 100000 && writer.ok(); ++rows)
            writeRows(writer, 1, rows);
        QVERIFY(!writer.ok());
        QVERIFY(!writer.flush());
        QVERIFY(!writeBehind.finish());
        QCOMPARE(calls, 3);
        QVERIFY(rows < 100000);
        QVERIFY(!out.isEmpty());
        QVERIFY(writtenDirectly(rows).startsWith(out));
    }

    void fullDeviceFails()
    {
        QFile full(QStringLiteral("/dev/full"));
        if (!full.exists())
            QSKIP("no /dev/full here");
        QVERIFY(full.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        QString error;
        WriteBehind writeBehind([&](std::string_view text) {
            if (full.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size()))
                return true;
            error = full.errorString();
            return false;
        });
        {
            CsvWriter writer(writeBehind.sink(), CsvCells::Neutralised, 1024);
            writeRows(writer, 1000);
        }
        QVERIFY(!writeBehind.finish());
        QVERIFY2(error.contains(QStringLiteral("space"), Qt::CaseInsensitive), qPrintable(error));
    }

    void closedPipeFails()
    {
        int ends[2];
        QCOMPARE(::pipe(ends), 0);
        ::close(ends[0]);
        int reason = 0;
        WriteBehind writeBehind([&](std::string_view text) {
            if (::write(ends[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()))
                return true;
            reason = errno;
            return false;
        });
        {
            CsvWriter writer(writeBehind.sink(), CsvCells::Raw, 1024);
            writeRows(writer, 100);
        }
        QVERIFY(!writeBehind.finish());
        ::close(ends[1]);
        QCOMPARE(reason, EPIPE);
    }

    // A writer given up halfway (a cancelled export) with buffers still
    // queued behind a slow write: dropping it neither hangs nor writes on.
    void droppedWhileWritingDoesNotHang()
    {
        std::atomic<bool> release{false};
        std::atomic<int> writes{0};
        {
            WriteBehind writeBehind(
                [&](std::string_view) {
                    ++writes;
                    while (!release)
                        std::this_thread::yield();
                    return true;
                },
                2);
            CsvWriter writer(writeBehind.sink(), CsvCells::Raw, 64);
            writeRows(writer, 2); // the first write is under way, the second queued
            while (writes == 0)
                std::this_thread::yield();
            release = true;
        }
        QVERIFY(writes >= 1 && writes <= 2);
    }
};

QTEST_GUILESS_MAIN(TestWriteBehind)
#include "tst_writebehind.moc"
