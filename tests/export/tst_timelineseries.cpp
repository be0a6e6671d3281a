// SPDX-License-Identifier: GPL-3.0-or-later
// A timeline's series as CSV and JSON: the JSON names the ENIs missing
// coverage in each bucket, the very ones the view's tooltip names, and the
// CSV counts them.

#include "analysis/timeline_coverage.h"
#include "export/timeline_series.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <sstream>

using namespace flowscope;

namespace {

// Coverage of a few ENIs, intervals of both statuses, some reaching
// beyond the buckets on either side; counts as the analysis would set them.
Timeline randomTimeline(QRandomGenerator &random)
{
    Timeline timeline;
    timeline.bucketSeconds = 1 + random.bounded(120);
    const std::int64_t origin = 1700000000 - 1700000000 % timeline.bucketSeconds;
    const int buckets = 1 + random.bounded(40);
    for (int i = 0; i < buckets; ++i)
        timeline.buckets.push_back({origin + i * timeline.bucketSeconds, 0, 0, 0, 0});
    const std::int64_t extent = buckets * timeline.bucketSeconds;
    const int enis = random.bounded(6);
    for (int e = 0; e < enis; ++e) {
        EniCoverage coverage{"eni-" + std::to_string(100 + e), {}};
        for (const LogStatus status : {LogStatus::NoData, LogStatus::SkipData}) {
            std::int64_t at = origin - timeline.bucketSeconds + random.bounded(int(extent / 2 + 1));
            for (int n = random.bounded(4); n > 0 && at < origin + extent + timeline.bucketSeconds; --n) {
                const std::int64_t end = at + 1 + random.bounded(int(extent / 3 + 1));
                coverage.intervals.push_back({at, end, status});
                at = end + 1 + random.bounded(int(extent / 3 + 1));
            }
        }
        std::sort(coverage.intervals.begin(), coverage.intervals.end(),
                  [](const CoverageInterval &a, const CoverageInterval &b) { return a.begin < b.begin; });
        timeline.coverage.push_back(std::move(coverage));
    }
    for (TimelineBucket &b : timeline.buckets) {
        const TimeRange range{b.start, b.start + timeline.bucketSeconds};
        b.nodataEnis = std::uint32_t(enisMissingIn(timeline, range, LogStatus::NoData).size());
        b.skipdataEnis = std::uint32_t(enisMissingIn(timeline, range, LogStatus::SkipData).size());
    }
    return timeline;
}

QStringList names(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &name : value.toArray())
        out << name.toString();
    return out;
}

QStringList expectedNames(const Timeline &timeline, const TimelineBucket &b, LogStatus status)
{
    QStringList out;
    for (const std::string &eni : enisMissingIn(timeline, {b.start, b.start + timeline.bucketSeconds}, status))
        out << QString::fromStdString(eni);
    return out;
}

} // namespace

class TestTimelineSeries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonNamesTheEnisTheTooltipNames()
    {
        QRandomGenerator random(20261206);
        for (int round = 0; round < 300; ++round) {
            const Timeline timeline = randomTimeline(random);
            std::ostringstream json;
            writeTimelineJson(json, timeline);
            QJsonParseError error;
            const QJsonArray rows = QJsonDocument::fromJson(QByteArray::fromStdString(json.str()), &error).array();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(rows.size(), qsizetype(timeline.buckets.size()));
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const TimelineBucket &b = timeline.buckets[std::size_t(i)];
                const QJsonObject row = rows[i].toObject();
                QCOMPARE(row.value(QStringLiteral("bucket_start")).toInteger(), qint64(b.start));
                QCOMPARE(names(row.value(QStringLiteral("nodata_enis"))), expectedNames(timeline, b, LogStatus::NoData));
                QCOMPARE(names(row.value(QStringLiteral("skipdata_enis"))), expectedNames(timeline, b, LogStatus::SkipData));
            }
        }
    }

    void csvCountsThem()
    {
        Timeline timeline;
        timeline.bucketSeconds = 60;
        timeline.buckets = {{0, 3, 1, 0, 0}, {60, 0, 2, 0, 0}};
        timeline.coverage = {{"eni-a", {{0, 61, LogStatus::NoData}}}, {"eni-\"b\"", {{30, 40, LogStatus::NoData}}}};
        timeline.buckets[0].nodataEnis = 2;
        timeline.buckets[1].nodataEnis = 1;
        std::ostringstream csv;
        writeTimelineCsv(csv, timeline);
        QCOMPARE(csv.str(), std::string("bucket_start,accept,reject,nodata_enis,skipdata_enis\r\n0,3,1,2,0\r\n60,0,2,1,0\r\n"));
        std::ostringstream json;
        writeTimelineJson(json, timeline);
        QCOMPARE(json.str(), std::string("[\n{\"bucket_start\":0,\"accept\":3,\"reject\":1,\"nodata_enis\":[\"eni-a\",\"eni-\\\"b\\\"\"],"
                                         "\"skipdata_enis\":[]},\n{\"bucket_start\":60,\"accept\":0,\"reject\":2,"
                                         "\"nodata_enis\":[\"eni-a\"],\"skipdata_enis\":[]}\n]\n"));
    }
};

QTEST_GUILESS_MAIN(TestTimelineSeries)
#include "tst_timelineseries.moc"
