// SPDX-License-Identifier: GPL-3.0-or-later
// Records ordered by any column, checked against a brute-force sort of every
// record read back in time order: several columns, both directions, with and
// without a filter, and the cap that keeps only the first rows of the order.

#include "format/ip_address.h"
#include "ingest/case_importer.h"
#include "selection/case_filter.h"
#include "selection/record_sort.h"
#include "store/case_db.h"
#include "store/flow_pager.h"
#include "store/sqlite_handle.h"
#include "test_files.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace flowscope;

namespace {

QByteArray pick(QRandomGenerator &random, std::initializer_list<const char *> values)
{
    return QByteArray(*(values.begin() + random.bounded(int(values.size()))));
}

// Many ties and absent values, both address families, dictionary texts.
QByteArray randomFile(QRandomGenerator &random, int count)
{
    QByteArray out("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
                   "action log-status vpc-id tcp-flags flow-direction pkt-src-aws-service\n");
    const auto maybe = [&](const QByteArray &value) { return random.bounded(12) == 0 ? QByteArray("-") : value; };
    const auto address = [&] {
        if (random.bounded(5) == 0)
            return "2001:db8::" + QByteArray::number(random.bounded(300), 16);
        return "10." + QByteArray::number(random.bounded(3)) + ".0." + QByteArray::number(random.bounded(256));
    };
    for (int i = 0; i < count; ++i) {
        const qint64 start = 1700000000 + random.bounded(7200);
        const bool undated = random.bounded(40) == 0;
        out += "5 123456789012 " + maybe("eni-" + QByteArray::number(random.bounded(7))) + ' ' + maybe(address()) + ' '
            + address() + ' ' + maybe(QByteArray::number(random.bounded(65536))) + ' '
            + maybe(QByteArray::number(random.bounded(1200))) + ' ' + pick(random, {"6", "17", "1"}) + ' '
            + maybe(QByteArray::number(random.bounded(20))) + ' ' + maybe(QByteArray::number(random.bounded(1000)))
            + ' ' + (undated ? QByteArray("- -") : QByteArray::number(start) + ' ' + QByteArray::number(start + random.bounded(90)))
            + ' ' + pick(random, {"ACCEPT", "REJECT", "-"}) + ' ' + pick(random, {"OK", "OK", "NODATA", "SKIPDATA"}) + ' '
            + pick(random, {"vpc-b", "vpc-a", "vpc-0c", "-"}) + ' ' + pick(random, {"0", "2", "18", "19", "-"}) + ' '
            + pick(random, {"ingress", "egress", "-"}) + ' ' + pick(random, {"S3", "AMAZON", "EC2", "-"}) + '\n';
    }
    return out;
}

std::int64_t startOf(const FlowRow &row)
{
    const auto *start = std::get_if<std::int64_t>(&row.value(Field::Start));
    return start ? *start : INT64_MIN;
}

bool isAddress(Field f) { return fieldInfo(f).kind == FieldKind::Address; }

// The brute force: the values as the table shows them, compared directly.
// <0, 0, >0 as a before b, equal, after.
int compareValues(Field field, const FieldValue &a, const FieldValue &b)
{
    if (const auto *x = std::get_if<std::int64_t>(&a))
        return *x < std::get<std::int64_t>(b) ? -1 : *x > std::get<std::int64_t>(b);
    const std::string &x = std::get<std::string>(a);
    const std::string &y = std::get<std::string>(b);
    if (!isAddress(field))
        return x.compare(y) < 0 ? -1 : x.compare(y) > 0;
    const IpAddress p = *IpAddress::parse(x);
    const IpAddress q = *IpAddress::parse(y);
    if (p.isV4() != q.isV4())
        return p.isV4() ? -1 : 1;
    return p.bytes < q.bytes ? -1 : p.bytes > q.bytes;
}

std::vector<std::int64_t> bruteForce(const std::vector<FlowRow> &rows, const RecordSortSpec &spec)
{
    std::vector<const FlowRow *> sorted;
    for (const FlowRow &row : rows)
        sorted.push_back(&row);
    std::stable_sort(sorted.begin(), sorted.end(), [&](const FlowRow *a, const FlowRow *b) {
        const FieldValue &x = a->value(spec.field);
        const FieldValue &y = b->value(spec.field);
        const bool absentX = std::holds_alternative<std::monostate>(x);
        const bool absentY = std::holds_alternative<std::monostate>(y);
        if (absentX != absentY)
            return absentY;
        if (!absentX) {
            if (const int c = compareValues(spec.field, x, y); c != 0)
                return spec.descending ? c > 0 : c < 0;
        }
        return startOf(*a) != startOf(*b) ? startOf(*a) < startOf(*b) : a->id < b->id;
    });
    std::vector<std::int64_t> ids;
    for (const FlowRow *row : sorted)
        ids.push_back(row->id);
    return ids;
}

bool valueIs(const FlowRow &row, Field field, const char *text)
{
    const auto *value = std::get_if<std::string>(&row.value(field));
    return value && *value == text;
}

bool numberAbove(const FlowRow &row, Field field, std::int64_t bound)
{
    const auto *value = std::get_if<std::int64_t>(&row.value(field));
    return value && *value > bound;
}

} // namespace

class TestRecordSort : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    std::vector<FlowRow> m_all;

    std::shared_ptr<const CaseFilter> compile(const QString &expression)
    {
        auto compiled = CaseFilter::compile(*m_case, expression.toStdString());
        return std::get<std::shared_ptr<const CaseFilter>>(compiled);
    }

    // The records the filter keeps, by the brute force's own test.
    std::vector<FlowRow> kept(const QString &filter) const
    {
        std::vector<FlowRow> rows;
        for (const FlowRow &row : m_all) {
            if (filter.isEmpty() || (filter == QLatin1String("action == reject") && valueIs(row, Field::Action, "REJECT"))
                || (filter == QLatin1String("bytes > 500 and protocol == 6") && numberAbove(row, Field::Bytes, 500)
                    && std::get_if<std::int64_t>(&row.value(Field::Protocol))
                    && std::get<std::int64_t>(row.value(Field::Protocol)) == 6))
                rows.push_back(row);
        }
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QRandomGenerator random(1206);
        for (int f = 0; f < 3; ++f)
            test::writeGzip(m_dir.filePath(QStringLiteral("in/f%1.log.gz").arg(f)), randomFile(random, 5000 + 1500 * f));
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("s.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        const ImportReport report = CaseImporter(*m_case).run({m_dir.filePath(QStringLiteral("in")).toStdString()}, {});
        QCOMPARE(report.records, 19500u);
        FlowPager(*m_case).forEachFrom(0, [&](const FlowRow &row) {
            m_all.push_back(row);
            return true;
        });
        QCOMPARE(m_all.size(), 19500u);
    }

    void matchesBruteForce_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("filter");
        const QStringList fields{QStringLiteral("bytes"), QStringLiteral("packets"), QStringLiteral("srcaddr"),
                                 QStringLiteral("dstaddr"), QStringLiteral("dstport"), QStringLiteral("interface-id"),
                                 QStringLiteral("vpc-id"), QStringLiteral("action"), QStringLiteral("log-status"),
                                 QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("tcp-flags"),
                                 QStringLiteral("flow-direction"), QStringLiteral("pkt-src-aws-service"),
                                 QStringLiteral("protocol")};
        const QStringList filters{QString(), QStringLiteral("action == reject"), QStringLiteral("bytes > 500 and protocol == 6")};
        for (const QString &field : fields)
            for (const bool descending : {false, true})
                for (const QString &filter : filters)
                    QTest::addRow("%s %s %s", qPrintable(field), descending ? "desc" : "asc",
                                  filter.isEmpty() ? "all" : qPrintable(filter))
                        << field << descending << filter;
    }

    void matchesBruteForce()
    {
        QFETCH(QString, field);
        QFETCH(bool, descending);
        QFETCH(QString, filter);
        const RecordSortSpec spec{*fieldByName(field.toStdString()), descending};
        const std::vector<FlowRow> rows = kept(filter);
        const SortedRecords sorted = sortRecords(*m_case, *compile(filter), spec);
        QCOMPARE(sorted.matches, std::int64_t(rows.size()));
        QCOMPARE(sorted.caseRecords, std::int64_t(m_all.size()));
        QVERIFY(!sorted.isTop());
        QCOMPARE(sorted.ids, bruteForce(rows, spec));
        QCOMPARE(sorted.head.size(), std::min<std::size_t>(RecordSortLimits().headRows, rows.size()));
    }

    // Past `fullSort` matches only the first `top` of the order are kept.
    void keepsTheTopRows_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<qint64>("fullSort");
        QTest::addColumn<int>("top");
        QTest::newRow("largest bytes") << "bytes" << true << QString() << qint64(1000) << 250;
        QTest::newRow("smallest packets of rejects") << "packets" << false << "action == reject" << qint64(100) << 37;
        QTest::newRow("addresses") << "srcaddr" << true << QString() << qint64(0) << 10;
        QTest::newRow("nothing kept") << "dstport" << false << QString() << qint64(0) << 0;
        QTest::newRow("all under the bound") << "vpc-id" << false << "bytes > 500 and protocol == 6" << qint64(1000000) << 5;
    }

    void keepsTheTopRows()
    {
        QFETCH(QString, field);
        QFETCH(bool, descending);
        QFETCH(QString, filter);
        QFETCH(qint64, fullSort);
        QFETCH(int, top);
        const RecordSortSpec spec{*fieldByName(field.toStdString()), descending};
        const std::vector<FlowRow> rows = kept(filter);
        const SortedRecords sorted = sortRecords(*m_case, *compile(filter), spec, {fullSort, std::size_t(top)});
        std::vector<std::int64_t> expected = bruteForce(rows, spec);
        QCOMPARE(sorted.matches, std::int64_t(rows.size()));
        if (std::int64_t(rows.size()) > fullSort) {
            expected.resize(std::min<std::size_t>(expected.size(), std::size_t(std::min<qint64>(top, fullSort))));
            QVERIFY(sorted.isTop());
        }
        QCOMPARE(sorted.ids, expected);
        QCOMPARE(sorted.head.size(), std::min<std::size_t>(RecordSortLimits().headRows, expected.size()));
    }

    void aNewerRequestCancels()
    {
        int asked = 0;
        QVERIFY_THROWS_EXCEPTION(RecordSortCancelled,
                                 sortRecords(*m_case, *compile(QString()), {Field::Bytes, true}, {},
                                             [&] { return ++asked > 2; }));
        QCOMPARE(asked, 3); // asked once a block, stopped at the first "yes"
    }

    // The rows of a sorted order are read back by id, in that order.
    void rowsComeBackById()
    {
        const SortedRecords sorted = sortRecords(*m_case, *compile(QStringLiteral("action == reject")), {Field::SrcAddr, false});
        FlowPager pager(*m_case);
        const std::vector<FlowRow> rows = pager.rowsWithIds(sorted.ids);
        QCOMPARE(rows.size(), sorted.ids.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].id, sorted.ids[i]);
            const auto same = std::find_if(m_all.begin(), m_all.end(), [&](const FlowRow &r) { return r.id == rows[i].id; });
            QVERIFY(same != m_all.end());
            QVERIFY(same->values == rows[i].values);
            QCOMPARE(same->line, rows[i].line);
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, pager.rowsWithIds({std::int64_t(1) << 40}));
        // The records the sort kept for the first rows are those stored.
        QVERIFY(!sorted.head.empty());
        FlowPager knowing(*m_case);
        knowing.addKnownRecords(sorted.ids, sorted.head);
        const std::vector<FlowRow> known = knowing.rowsWithIds(sorted.ids);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(known[i].id, rows[i].id);
            QVERIFY(known[i].values == rows[i].values);
            QCOMPARE(known[i].line, rows[i].line);
            QCOMPARE(known[i].file, rows[i].file);
        }
        // In chunks (each block read once per chunk), the same rows in the same order, and a stop.
        std::vector<std::int64_t> seen;
        pager.forEachWithIds(sorted.ids, [&](const FlowRow &row) {
            seen.push_back(row.id);
            return seen.size() < sorted.ids.size() - 3;
        }, 7);
        QCOMPARE(seen, std::vector<std::int64_t>(sorted.ids.begin(), sorted.ids.end() - 3));
    }

    void parsesTheSortOption_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("field");
        QTest::addColumn<bool>("descending");
        QTest::newRow("field") << "bytes" << true << int(Field::Bytes) << false;
        QTest::newRow("descending") << "bytes:desc" << true << int(Field::Bytes) << true;
        QTest::newRow("ascending") << "interface-id:asc" << true << int(Field::InterfaceId) << false;
        QTest::newRow("athena spelling") << "pkt_srcaddr:desc" << true << int(Field::PktSrcAddr) << true;
        QTest::newRow("unknown field") << "size" << false << 0 << false;
        QTest::newRow("unknown direction") << "bytes:down" << false << 0 << false;
        QTest::newRow("empty") << "" << false << 0 << false;
    }

    void parsesTheSortOption()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, field);
        QFETCH(bool, descending);
        const auto spec = parseRecordSortSpec(text.toStdString());
        QCOMPARE(spec.has_value(), valid);
        if (spec) {
            QCOMPARE(int(spec->field), field);
            QCOMPARE(spec->descending, descending);
        }
    }
};

QTEST_GUILESS_MAIN(TestRecordSort)
#include "tst_recordsort.moc"
