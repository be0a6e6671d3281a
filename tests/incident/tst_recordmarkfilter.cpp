// SPDX-License-Identifier: GPL-3.0-or-later
// `starred` and `tag` in filters, compiled as every view and command compiles
// them: the matches, the candidate blocks and the counts against a brute-force
// scan of every record of a case of several blocks; no summary answers them;
// the filter bar's check and completion know them.

#include "explain/case_enrichment.h"
#include "filterbar/filter_completion.h"
#include "filterbar/filter_syntax_state.h"
#include "incident/incident_record_marks.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "ingest/case_importer.h"
#include "query/filter_canonical.h"
#include "selection/case_filter.h"
#include "selection/match_collection.h"
#include "selection/summary_count.h"
#include "store/block_codec.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <random>
#include <set>

using namespace flowscope;
using namespace flowscope::incident;

namespace {

constexpr int kRecords = 10000; // three blocks

QByteArray records()
{
    std::mt19937_64 random(13);
    QByteArray out = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end"
                     " action log-status\n";
    for (int i = 0; i < kRecords; ++i) {
        const int dstport = random() % 3 == 0 ? 443 : 22;
        out += "2 123456789012 eni-0" + QByteArray::number(static_cast<int>(random() % 4)) + " 10.0.0."
            + QByteArray::number(static_cast<int>(random() % 200 + 1)) + " 198.51.100."
            + QByteArray::number(static_cast<int>(random() % 200 + 1)) + ' ' + QByteArray::number(40000 + i % 1000)
            + ' ' + QByteArray::number(dstport) + " 6 3 300 " + QByteArray::number(1700000000 + i) + ' '
            + QByteArray::number(1700000030 + i) + (random() % 5 == 0 ? " REJECT OK\n" : " ACCEPT OK\n");
    }
    return out;
}

struct Marks {
    std::set<std::int64_t> starred;
    std::map<std::int64_t, std::set<std::string>> tags;
    bool tagged(std::int64_t id, const std::string &tag) const
    {
        const auto it = tags.find(id);
        return it != tags.end() && it->second.count(tag) > 0;
    }
};

using Expected = bool (*)(const Marks &, const FlowRow &);

struct Case {
    const char *filter;
    Expected expected;
};

std::int64_t dstport(const FlowRow &row) { return std::get<std::int64_t>(row.value(Field::DstPort)); }

const Case kCases[] = {
    {"starred", [](const Marks &m, const FlowRow &r) { return m.starred.count(r.id) > 0; }},
    {"not starred", [](const Marks &m, const FlowRow &r) { return m.starred.count(r.id) == 0; }},
    {"tag == \"c2\"", [](const Marks &m, const FlowRow &r) { return m.tagged(r.id, "c2"); }},
    {"tag == C2", [](const Marks &m, const FlowRow &r) { return m.tagged(r.id, "c2"); }},
    {"tag != \"c2\"", [](const Marks &m, const FlowRow &r) { return !m.tagged(r.id, "c2"); }},
    {"tag contains \"ex\"", [](const Marks &m, const FlowRow &r) { return m.tagged(r.id, "exfil"); }},
    {"tag matches \"^(c2|exfil)$\"",
     [](const Marks &m, const FlowRow &r) { return m.tagged(r.id, "c2") || m.tagged(r.id, "exfil"); }},
    {"tag == \"nothing\"", [](const Marks &, const FlowRow &) { return false; }},
    {"starred and dstport == 443",
     [](const Marks &m, const FlowRow &r) { return m.starred.count(r.id) > 0 && dstport(r) == 443; }},
    {"starred or tag == \"exfil\"",
     [](const Marks &m, const FlowRow &r) { return m.starred.count(r.id) > 0 || m.tagged(r.id, "exfil"); }},
    {"action == reject and not tag == \"c2\"",
     [](const Marks &m, const FlowRow &r) {
         return std::get<std::string>(r.value(Field::Action)) == "REJECT" && !m.tagged(r.id, "c2");
     }},
};

} // namespace

class TestRecordMarkFilter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    Marks m_marks;
    std::vector<FlowRow> m_rows;

private Q_SLOTS:
    void initTestCase()
    {
        const QString input = m_dir.filePath(QStringLiteral("in.log"));
        test::writeFile(input, records());
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("marks.flowcase")).toStdString(),
                              CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*m_case).run({input.toStdString()}, {}).records, std::uint64_t(kRecords));
        FlowPager pager(*m_case);
        m_rows = pager.rowsAt(0, kRecords);
        std::set<std::int64_t> blocks;
        for (const FlowRow &row : m_rows)
            blocks.insert(row.id >> kBlockShift);
        QVERIFY(blocks.size() >= 3);
        // Marks in the first and last blocks only, so candidate blocks narrow.
        std::mt19937_64 random(7);
        std::vector<std::int64_t> toStar;
        RecordTags tags(*m_case);
        for (int i = 0; i < 40; ++i) {
            const FlowRow &row = m_rows[static_cast<std::size_t>(i % 2 == 0 ? random() % 3000 : kRecords - 1 - random() % 1500)];
            if (i % 3 != 2)
                toStar.push_back(row.id), m_marks.starred.insert(row.id);
            const std::string tag = i % 4 == 0 ? "exfil" : "c2";
            if (i % 2 == 0) {
                tags.add(row.id, {tag}, "t");
                m_marks.tags[row.id].insert(tag);
            }
        }
        RecordStars(*m_case).star(toStar, "t");
    }

    void matchesABruteForceScan_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < static_cast<int>(std::size(kCases)); ++i)
            QTest::newRow(kCases[i].filter) << i;
    }
    void matchesABruteForceScan()
    {
        QFETCH(int, index);
        const Case &c = kCases[index];
        const auto compiled = explain::compileWithSnapshot(*m_case, c.filter);
        QVERIFY(std::holds_alternative<std::shared_ptr<const CaseFilter>>(compiled));
        const CaseFilter &filter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);

        std::set<std::int64_t> expected;
        for (const FlowRow &row : m_rows)
            if (c.expected(m_marks, row))
                expected.insert(row.id);
        std::set<std::int64_t> found;
        FlowPager pager(*m_case, collectMatches(*m_case, filter));
        for (const FlowRow &row : pager.rowsAt(0, kRecords))
            found.insert(row.id);
        QCOMPARE(found, expected);
        // Every block holding a match is a candidate.
        if (const auto &blocks = filter.blocks())
            for (const std::int64_t id : expected)
                QVERIFY(std::binary_search(blocks->begin(), blocks->end(), id >> kBlockShift));
        // No summary can tell which records are marked.
        QVERIFY(!countFromSummaries(*m_case, filter));
    }

    void candidateBlocksAreTheMarkedRecordsBlocks()
    {
        const auto compiled = explain::compileWithSnapshot(*m_case, "starred");
        const CaseFilter &filter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);
        std::set<std::int64_t> blocks;
        for (const std::int64_t id : m_marks.starred)
            blocks.insert(id >> kBlockShift);
        QVERIFY(filter.blocks().has_value());
        QCOMPARE(std::set<std::int64_t>(filter.blocks()->begin(), filter.blocks()->end()), blocks);
        QVERIFY(blocks.size() < 3); // the middle block is never read
        QCOMPARE(toCanonicalString(filter.root()), std::string("starred"));
    }

    void starsAddedLaterAreSeenByTheNextFilter()
    {
        const std::int64_t id = m_rows[5000].id;
        QVERIFY(!m_marks.starred.count(id));
        RecordStars(*m_case).star({id}, "t");
        const auto compiled = explain::compileWithSnapshot(*m_case, "starred");
        const CaseFilter &filter = *std::get<std::shared_ptr<const CaseFilter>>(compiled);
        FlowPager pager(*m_case, collectMatches(*m_case, filter));
        QCOMPARE(pager.recordCount(), static_cast<std::int64_t>(m_marks.starred.size() + 1));
        RecordStars(*m_case).unstar({id});
    }

    void filterBarChecksAndCompletes()
    {
        const RecordMarksSnapshot marks(*m_case);
        QCOMPARE(checkFilterSyntax(QStringLiteral("starred"), {}, nullptr, &marks).state, FilterSyntaxState::Valid);
        QCOMPARE(checkFilterSyntax(QStringLiteral("tag == \"c2\""), {}, nullptr, &marks).state,
                 FilterSyntaxState::Valid);
        QCOMPARE(checkFilterSyntax(QStringLiteral("tag =="), {}, nullptr, &marks).state,
                 FilterSyntaxState::Intermediate);
        QVERIFY(checkFilterSyntax(QStringLiteral("starred"), {}).state != FilterSyntaxState::Valid);

        QVERIFY(completeFilter(QStringLiteral("sta"), 3).matching().contains(QStringLiteral("starred")));
        QVERIFY(completeFilter(QStringLiteral("ta"), 2).matching().contains(QStringLiteral("tag")));
        const FilterCompletion values = completeFilter(QStringLiteral("tag == "), 7, nullptr, nullptr, &marks);
        QCOMPARE(values.kind, FilterCompletionKind::Value);
        QCOMPARE(values.matching(), (QStringList{QStringLiteral("\"c2\""), QStringLiteral("\"exfil\"")}));
        const FilterCompletion next = completeFilter(QStringLiteral("starred "), 8, nullptr, nullptr, &marks);
        QCOMPARE(next.kind, FilterCompletionKind::Connective);
    }
};

QTEST_GUILESS_MAIN(TestRecordMarkFilter)
#include "tst_recordmarkfilter.moc"
