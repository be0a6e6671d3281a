// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled demo, end to end: every delivery it writes imports without an
// error, and what the case holds matches what the generator says it wrote.

#include "demo/demo_case.h"
#include "store/case_db.h"
#include "store/case_summary.h"
#include "store/flow_reader.h"
#include "store/sqlite_handle.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace flowscope;

class TestDemoImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void demoImportsCompletely()
    {
        auto caseDb = CaseDb::open(m_dir.filePath(QStringLiteral("demo.flowcase")).toStdString(),
                                   CaseDb::Mode::CreateIfMissing);
        const DemoCaseResult result = importDemoInput(*caseDb, m_dir.filePath(QStringLiteral("input")).toStdString());
        QCOMPARE(result.errors, 0u);
        QCOMPARE(result.records, result.input.records);

        const CaseSummary summary = summarizeCase(*caseDb);
        QCOMPARE(summary.records, result.input.records);
        QCOMPARE(summary.files, std::uint64_t(result.input.files.size()));
        QCOMPARE(summary.errors, 0u);
        std::set<std::string> deliveries;
        for (const FormatCount &format : summary.formats)
            deliveries.insert(format.delivery);
        for (const char *expected : {"s3-text", "cloudwatch-export", "cloudwatch-json", "json-lines"})
            QVERIFY2(deliveries.count(expected), expected);

        std::uint64_t nodata = 0, skipdata = 0, ipv6 = 0, rejects = 0, beacon = 0, rows = 0;
        std::int64_t previousStart = INT64_MIN;
        bool ordered = true;
        FlowReader(*caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
            ++rows;
            const std::string status = fieldText(row.value(Field::LogStatus));
            nodata += status == "NODATA";
            skipdata += status == "SKIPDATA";
            rejects += fieldText(row.value(Field::Action)) == "REJECT";
            const std::string src = fieldText(row.value(Field::SrcAddr));
            ipv6 += src.find(':') != std::string::npos;
            beacon += src == result.input.beaconSource
                && fieldText(row.value(Field::DstAddr)) == result.input.beaconDestination;
            if (const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start))) {
                ordered = ordered && *start >= previousStart;
                previousStart = *start;
            }
            return true;
        });
        QCOMPARE(rows, result.input.records);
        QVERIFY(ordered);
        QCOMPARE(nodata, result.input.nodataRecords);
        QCOMPARE(skipdata, result.input.skipdataRecords);
        QCOMPARE(rejects, result.input.rejectRecords);
        QVERIFY(ipv6 > 0);
        QCOMPARE(beacon, result.input.beaconRecords);

        // The rollups agree with the records.
        QCOMPARE(std::uint64_t(queryInt(caseDb->handle(), "SELECT sum(flows) FROM rollup_minute")), result.input.records);
    }
};

QTEST_GUILESS_MAIN(TestDemoImport)
#include "tst_demoimport.moc"
