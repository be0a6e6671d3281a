// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/whole_file_bytes.h"

#include <QTest>

#include <zlib.h>

using namespace flowscope;

namespace {

// gzip bytes of `text`, made with zlib's own encoder.
QByteArray gzipped(const QByteArray &text)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(text.size()))) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.constData()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray sampleText()
{
    QByteArray text;
    for (int i = 0; i < 20000; ++i)
        text += "{\"eventName\":\"RunInstances\",\"n\":" + QByteArray::number(i) + "}\n";
    return text;
}

} // namespace

class TestWholeFileBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognisesGzip()
    {
        QVERIFY(looksGzip(gzipped("x")));
        QVERIFY(!looksGzip("{\"Records\":[]}"));
        QVERIFY(!looksGzip(QByteArray("\x1f")));
    }

    void inflatesTheWholeStream()
    {
        const QByteArray text = sampleText();
        QByteArray out;
        QCOMPARE(gunzipBytes(gzipped(text), out), GunzipFailure::None);
        QCOMPARE(out, text);
    }

    void saysTruncatedOrCorrupt()
    {
        const QByteArray packed = gzipped(sampleText());
        QByteArray out;
        QCOMPARE(gunzipBytes(packed.left(packed.size() / 2), out), GunzipFailure::Truncated);
        QByteArray broken = packed;
        for (qsizetype i = 20; i < 60; ++i)
            broken[i] = static_cast<char>(0xff);
        out.clear();
        QCOMPARE(gunzipBytes(broken, out), GunzipFailure::Corrupt);
    }

    // A file's head: enough to recognise it, from a cut stream too.
    void inflatesAHead()
    {
        const QByteArray text = sampleText();
        const QByteArray packed = gzipped(text);
        QByteArray out;
        QCOMPARE(gunzipBytes(packed.left(packed.size() / 2), out, 4096), GunzipFailure::None);
        QVERIFY(out.size() >= 4096);
        QVERIFY(out.size() < text.size());
        QVERIFY(text.startsWith(out));
    }

    void textPosition_data()
    {
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<qsizetype>("line");
        QTest::addColumn<qsizetype>("column");
        QTest::newRow("start") << qsizetype(0) << qsizetype(1) << qsizetype(1);
        QTest::newRow("first line") << qsizetype(2) << qsizetype(1) << qsizetype(3);
        QTest::newRow("line start") << qsizetype(4) << qsizetype(2) << qsizetype(1);
        QTest::newRow("third line") << qsizetype(11) << qsizetype(3) << qsizetype(2);
        QTest::newRow("past the end") << qsizetype(99) << qsizetype(3) << qsizetype(3);
    }

    void textPosition()
    {
        QFETCH(qsizetype, offset);
        QFETCH(qsizetype, line);
        QFETCH(qsizetype, column);
        const QByteArray text = "abc\ndefgh\nij"; // lines start at 0, 4, 10
        const TextPosition at = flowscope::textPosition(text, offset);
        QCOMPARE(at.line, line);
        QCOMPARE(at.column, column);
    }
};

QTEST_GUILESS_MAIN(TestWholeFileBytes)
#include "tst_wholefilebytes.moc"
