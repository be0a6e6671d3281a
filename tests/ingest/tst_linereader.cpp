// SPDX-License-Identifier: GPL-3.0-or-later
// LineReader over gzip input: every member of a stream, the same lines as
// the plain text, and a truncated, corrupt or trailing-garbage stream told
// apart, with the lines before the damage kept.
#include "ingest/line_reader.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace flowscope;

namespace {

// Lines of varied length and content (so that the compressed stream has
// literals and matches), more than one text buffer of the reader in all.
QByteArray sampleText(int lines, unsigned seed)
{
    std::mt19937 random(seed);
    QByteArray text;
    for (int i = 0; i < lines; ++i) {
        text += "5 123456789012 eni-" + QByteArray::number(random() % 300, 16) + " 10.0."
            + QByteArray::number(random() % 4) + "." + QByteArray::number(random() % 250) + " 203.0.113."
            + QByteArray::number(random() % 250) + " " + QByteArray::number(random() % 65536) + " 443 6 "
            + QByteArray::number(random() % 1000) + " " + QByteArray::number(random()) + " "
            + QByteArray::number(1700000000 + i) + " " + QByteArray::number(1700000060 + i) + " ACCEPT OK\n";
    }
    return text;
}

struct ReadResult {
    QList<QByteArray> lines;
    bool truncated = false;
    std::string error;
};

ReadResult readAll(const QString &path)
{
    ReadResult result;
    LineReader reader(path.toStdString());
    if (!reader.open()) {
        result.error = reader.error();
        return result;
    }
    std::string_view line;
    std::uint64_t number = 0;
    while (reader.next(line, number)) {
        if (number != static_cast<std::uint64_t>(result.lines.size()) + 1)
            break;
        result.lines.append(QByteArray(line.data(), static_cast<qsizetype>(line.size())));
    }
    result.truncated = reader.truncated();
    result.error = reader.error();
    return result;
}

QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestLineReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gzipGivesTheLinesOfThePlainText()
    {
        QTemporaryDir dir;
        const QByteArray text = sampleText(40000, 1); // about 4 MB, several buffers
        test::writeFile(dir.filePath("plain.log"), text);
        test::writeGzip(dir.filePath("packed.log.gz"), text);
        const ReadResult plain = readAll(dir.filePath("plain.log"));
        const ReadResult packed = readAll(dir.filePath("packed.log.gz"));
        QVERIFY2(packed.error.empty(), packed.error.c_str());
        QVERIFY(!packed.truncated);
        QCOMPARE(plain.lines.size(), 40000);
        QCOMPARE(packed.lines, plain.lines);
        QCOMPARE(packed.lines, linesOf(text));
    }

    void readsEveryMemberOfAStream()
    {
        QTemporaryDir dir;
        const QByteArray first = sampleText(3000, 2);
        const QByteArray second = sampleText(5, 3);
        const QByteArray third = sampleText(20000, 4);
        test::writeFile(dir.filePath("members.log.gz"), test::gzip(first) + test::gzip(second) + test::gzip(third));
        const ReadResult result = readAll(dir.filePath("members.log.gz"));
        QVERIFY2(result.error.empty(), result.error.c_str());
        QCOMPARE(result.lines, linesOf(first + second + third));
    }

    void truncatedStreamKeepsTheLinesBefore()
    {
        QTemporaryDir dir;
        const QByteArray text = sampleText(30000, 5);
        const QByteArray packed = test::gzip(text);
        test::writeFile(dir.filePath("cut.log.gz"), packed.left(packed.size() / 2));
        const ReadResult result = readAll(dir.filePath("cut.log.gz"));
        QVERIFY(result.truncated);
        QVERIFY2(result.error.find("gzip stream is truncated") != std::string::npos, result.error.c_str());
        const QList<QByteArray> all = linesOf(text);
        QVERIFY(result.lines.size() > 1000);
        QVERIFY(result.lines.size() <= all.size());
        // Every line but the last one read (which the cut may have shortened) is whole.
        for (qsizetype i = 0; i + 1 < result.lines.size(); ++i)
            QCOMPARE(result.lines[i], all[i]);
    }

    void aMemberCutAfterAnotherIsTruncated()
    {
        QTemporaryDir dir;
        const QByteArray first = sampleText(100, 6);
        const QByteArray second = test::gzip(sampleText(100, 7));
        test::writeFile(dir.filePath("cut.log.gz"), test::gzip(first) + second.left(second.size() - 4));
        const ReadResult result = readAll(dir.filePath("cut.log.gz"));
        QVERIFY(result.truncated);
        QVERIFY2(result.error.find("truncated") != std::string::npos || result.error.find("corrupt") != std::string::npos,
                 result.error.c_str());
        QVERIFY(result.lines.size() >= 100);
        QCOMPARE(result.lines.mid(0, 100), linesOf(first));
    }

    void corruptDataIsSaid()
    {
        QTemporaryDir dir;
        const QByteArray text = sampleText(20000, 8);
        QByteArray packed = test::gzip(text);
        // A flipped byte in the middle breaks the data or, at the latest, the CRC at the end.
        packed[packed.size() / 2] = static_cast<char>(packed[packed.size() / 2] ^ 0x5a);
        test::writeFile(dir.filePath("bad.log.gz"), packed);
        const ReadResult result = readAll(dir.filePath("bad.log.gz"));
        QVERIFY(result.truncated);
        QVERIFY2(result.error.rfind("corrupt gzip data: ", 0) == 0, result.error.c_str());
        QVERIFY2(result.error.find("(at byte ") != std::string::npos, result.error.c_str());
    }

    void trailingGarbageIsSaidAfterTheLines()
    {
        QTemporaryDir dir;
        const QByteArray text = sampleText(500, 9);
        test::writeFile(dir.filePath("garbage.log.gz"), test::gzip(text) + "not gzip at all\n");
        const ReadResult result = readAll(dir.filePath("garbage.log.gz"));
        QVERIFY(result.truncated);
        QCOMPARE(result.error, std::string("trailing garbage after the gzip stream"));
        QCOMPARE(result.lines, linesOf(text));
    }

    void wrongChecksumIsCorrupt()
    {
        QTemporaryDir dir;
        const QByteArray text = sampleText(200, 10);
        QByteArray packed = test::gzip(text);
        packed[packed.size() - 8] = static_cast<char>(packed[packed.size() - 8] ^ 1); // the CRC-32
        test::writeFile(dir.filePath("crc.log.gz"), packed);
        const ReadResult result = readAll(dir.filePath("crc.log.gz"));
        QVERIFY(result.truncated);
        QVERIFY2(result.error.rfind("corrupt gzip data: ", 0) == 0, result.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestLineReader)
#include "tst_linereader.moc"
