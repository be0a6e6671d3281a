// SPDX-License-Identifier: GPL-3.0-or-later
// The filter fields a configuration snapshot answers (security-group,
// instance-name, subnet-name, vpc-name): parsed through an abstract lookup,
// an error without one, printed back, and selecting on a small case exactly
// the records a brute-force scan of every block finds, through the block
// preselection, the record predicate and the record totals.

#include "ingest/case_importer.h"
#include "query/athena_sql.h"
#include "query/filter_canonical.h"
#include "query/filter_parser.h"
#include "selection/case_filter.h"
#include "selection/match_collection.h"
#include "selection/summary_count.h"
#include "store/block_codec.h"
#include "store/case_db.h"
#include "store/dictionaries.h"
#include "store/sqlite_handle.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <random>
#include <set>

using namespace flowscope;

namespace {

// A lookup from a table, standing in for a configuration snapshot.
class TableAttributes : public InterfaceAttributes {
public:
    std::map<InterfaceAttribute, std::map<std::string, std::vector<std::string>, std::less<>>> table;

    std::vector<std::string> interfacesWith(InterfaceAttribute attribute, std::string_view value) const override
    {
        const auto &values = table.at(attribute);
        const auto it = values.find(value);
        return it == values.end() ? std::vector<std::string>() : it->second;
    }
    std::vector<std::string> valuesOf(InterfaceAttribute attribute) const override
    {
        std::vector<std::string> out;
        for (const auto &[value, ids] : table.at(attribute))
            out.push_back(value);
        return out;
    }
};

TableAttributes estate()
{
    TableAttributes a;
    a.table[InterfaceAttribute::SecurityGroup] = {{"sg-0web", {"eni-0a", "eni-0b"}},
                                                  {"web", {"eni-0a", "eni-0b"}},
                                                  {"sg-0db", {"eni-0c"}},
                                                  {"db", {"eni-0c"}},
                                                  {"sg-0gone", {"eni-0zz"}}};
    a.table[InterfaceAttribute::InstanceName] = {{"web-1", {"eni-0a"}}, {"web-2", {"eni-0b"}}, {"db-1", {"eni-0c"}}};
    a.table[InterfaceAttribute::SubnetName] = {{"public", {"eni-0a", "eni-0b", "eni-0d"}}, {"private", {"eni-0c"}}};
    a.table[InterfaceAttribute::VpcName] = {{"prod", {"eni-0a", "eni-0b", "eni-0c", "eni-0d"}}};
    return a;
}

const QList<QByteArray> kEnis{"eni-0a", "eni-0b", "eni-0c", "eni-0d", "eni-0e"};

QByteArray generate(std::uint64_t seed, int count, std::int64_t base)
{
    std::mt19937_64 random(seed);
    QByteArray out = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
                     "action log-status\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray eni = kEnis[static_cast<int>(random() % kEnis.size())];
        const std::int64_t start = base + i;
        if (random() % 40 == 0) {
            out += "2 123456789012 " + eni + " - - - - - - - " + QByteArray::number(start) + ' '
                + QByteArray::number(start + 60) + " - NODATA\n";
            continue;
        }
        out += "2 123456789012 " + eni + " 10.0." + QByteArray::number(static_cast<int>(random() % 4)) + ".9 198.51.100."
            + QByteArray::number(static_cast<int>(random() % 200)) + ' '
            + QByteArray::number(static_cast<int>(1024 + random() % 60000)) + (random() % 2 ? " 443" : " 22") + " 6 3 "
            + QByteArray::number(static_cast<int>(random() % 5000)) + ' ' + QByteArray::number(start) + ' '
            + QByteArray::number(start + 30) + (random() % 100 < 15 ? " REJECT OK\n" : " ACCEPT OK\n");
    }
    return out;
}

std::set<std::string> parseSet(const QString &text)
{
    std::set<std::string> out;
    for (const QString &id : text.split(u',', Qt::SkipEmptyParts))
        out.insert(id.trimmed().toStdString());
    return out;
}

} // namespace

class TestInterfaceAttributeFilter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDb> m_case;
    TableAttributes m_attributes = estate();

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = CaseDb::open(m_dir.filePath(QStringLiteral("c.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
        const QString input = m_dir.filePath(QStringLiteral("in.log"));
        test::writeFile(input, generate(7, 3 * 4096 + 500, 1773100800));
        CaseImporter(*m_case).run({input.toStdString()}, {});
    }

    void needsASnapshot_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("field");
        QTest::newRow("security-group") << "security-group == sg-0web and action == reject" << "security-group";
        QTest::newRow("instance-name") << "instance-name == web-1" << "instance-name";
        QTest::newRow("subnet-name upper case") << "SUBNET-NAME contains pub" << "subnet-name";
        QTest::newRow("vpc-name nested") << "port == 22 or not (vpc-name != prod)" << "vpc-name";
    }

    void needsASnapshot()
    {
        QFETCH(QString, filter);
        QFETCH(QString, field);
        const FilterParseResult parsed = parseFilter(filter.toStdString());
        QVERIFY(!parsed.ok());
        QCOMPARE(QString::fromStdString(parsed.error->message),
                 QStringLiteral("no configuration snapshot loaded: %1 needs one").arg(field));
        QCOMPARE(filter.mid(static_cast<int>(parsed.error->position), field.size()).toLower(), field);
    }

    void wrongUse_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("message");
        QTest::newRow("ordering") << "security-group > sg-0web" << "expected ==, !=, contains or matches after security-group";
        QTest::newRow("set") << "vpc-name in {prod}" << "expected ==, !=, contains or matches after vpc-name";
        QTest::newRow("no value") << "instance-name ==" << "expected a name or id for instance-name";
        QTest::newRow("bad regex") << "subnet-name matches \"(\"" << "invalid regular expression";
    }

    void wrongUse()
    {
        QFETCH(QString, filter);
        QFETCH(QString, message);
        FilterParseOptions options;
        options.interfaceAttributes = &m_attributes;
        const FilterParseResult parsed = parseFilter(filter.toStdString(), options);
        QVERIFY(!parsed.ok());
        QVERIFY2(QString::fromStdString(parsed.error->message).startsWith(message), parsed.error->message.c_str());
    }

    void resolves_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("interfaces"); // what the lookup table gives, by hand
        QTest::newRow("group id") << "security-group == sg-0web" << "security-group == \"sg-0web\"" << "eni-0a,eni-0b";
        QTest::newRow("group name") << "security-group == \"db\"" << "security-group == \"db\"" << "eni-0c";
        QTest::newRow("unknown group") << "security-group == sg-0nope" << "security-group == \"sg-0nope\"" << "";
        QTest::newRow("not equal") << "instance-name != web-1" << "instance-name != \"web-1\"" << "eni-0a";
        QTest::newRow("contains") << "instance-name contains web" << "instance-name contains \"web\"" << "eni-0a,eni-0b";
        QTest::newRow("matches") << "subnet-name matches \"^p(ub|riv)\"" << "subnet-name matches \"^p(ub|riv)\""
                                 << "eni-0a,eni-0b,eni-0c,eni-0d";
    }

    void resolves()
    {
        QFETCH(QString, filter);
        QFETCH(QString, canonical);
        QFETCH(QString, interfaces);
        FilterParseOptions options;
        options.interfaceAttributes = &m_attributes;
        const FilterParseResult parsed = parseFilter(filter.toStdString(), options);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error->message.c_str());
        QCOMPARE(QString::fromStdString(toCanonicalString(*parsed.root)), canonical);
        const auto &node = std::get<InterfaceAttributeNode>(parsed.root->node);
        const std::set<std::string> ids(node.interfaceIds.begin(), node.interfaceIds.end());
        QCOMPARE(ids, parseSet(interfaces));
        QCOMPARE(node.interfaceIds.size(), ids.size());
        // The canonical text parses to the same interfaces.
        const FilterParseResult again = parseFilter(toCanonicalString(*parsed.root), options);
        QVERIFY(again.ok());
        QCOMPARE(std::get<InterfaceAttributeNode>(again.root->node).interfaceIds, node.interfaceIds);
    }

    void athenaSpellsOutTheInterfaces()
    {
        FilterParseOptions options;
        options.interfaceAttributes = &m_attributes;
        AthenaSqlOptions athena;
        athena.database = "d";
        athena.table = "t";
        const auto sqlOf = [&](const char *filter) {
            const FilterParseResult parsed = parseFilter(filter, options);
            return QString::fromStdString(toAthenaSql(*parsed.root, athena).sql);
        };
        QVERIFY(sqlOf("security-group == web").contains(QStringLiteral("interface_id IN ('eni-0a', 'eni-0b')")));
        QVERIFY(sqlOf("vpc-name != prod").contains(QStringLiteral("NOT COALESCE(interface_id IN (")));
        QVERIFY(sqlOf("vpc-name == staging").contains(QStringLiteral("WHERE FALSE")));
    }

    void selectsLikeABruteForceScan_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("interfaces"); // the interfaces the snapshot part stands for
        QTest::addColumn<bool>("negated");
        QTest::addColumn<QString>("rest"); // the remainder of the filter, joined by and
        QTest::newRow("group and reject") << "security-group == sg-0web and action == reject" << "eni-0a,eni-0b"
                                          << false << "action == reject";
        QTest::newRow("group by name") << "security-group == db" << "eni-0c" << false << "";
        QTest::newRow("instance") << "instance-name == web-2 and dstport == 22" << "eni-0b" << false << "dstport == 22";
        QTest::newRow("subnet") << "subnet-name == public" << "eni-0a,eni-0b,eni-0d" << false << "";
        QTest::newRow("vpc not") << "vpc-name != prod" << "eni-0a,eni-0b,eni-0c,eni-0d" << true << "";
        QTest::newRow("not subnet and nodata") << "not subnet-name == private and log-status == nodata" << "eni-0c"
                                               << true << "log-status == nodata";
        QTest::newRow("none") << "security-group == sg-0gone" << "" << false << "";
        QTest::newRow("contains") << "instance-name contains \"-1\" and bytes > 2000" << "eni-0a,eni-0c" << false
                                  << "bytes > 2000";
    }

    void selectsLikeABruteForceScan()
    {
        QFETCH(QString, filter);
        QFETCH(QString, interfaces);
        QFETCH(bool, negated);
        QFETCH(QString, rest);
        FilterParseOptions options;
        options.interfaceAttributes = &m_attributes;
        const auto compiled = CaseFilter::compile(*m_case, filter.toStdString(), options);
        QVERIFY(std::holds_alternative<std::shared_ptr<const CaseFilter>>(compiled));
        const auto &caseFilter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
        const auto restFilter = std::get<std::shared_ptr<const CaseFilter>>(CaseFilter::compile(*m_case, rest.toStdString()));

        // Brute force: every record of every block, its interface-id read as text.
        const std::set<std::string> chosen = parseSet(interfaces);
        StringDictionary strings;
        InterfaceDictionary dictionary;
        strings.load(m_case->handle());
        dictionary.load(m_case->handle(), strings);
        std::vector<std::int64_t> expected;
        std::set<std::int64_t> blocksWithMatch;
        Statement blocks(m_case->handle(), "SELECT id, data FROM flow_block ORDER BY id");
        while (blocks.step()) {
            const std::vector<EncodedFlow> rows = decodeBlock(blocks.blob(1));
            for (std::size_t slot = 0; slot < rows.size(); ++slot) {
                const EncodedFlow &f = rows[slot];
                const std::string eni = f.interface == 0 ? std::string() : strings.value(dictionary.key(f.interface)[0]);
                const bool member = chosen.count(eni) > 0;
                if (member != negated && (restFilter->matchesEverything() || restFilter->predicate()(f))) {
                    expected.push_back(recordId(blocks.int64(0), slot));
                    blocksWithMatch.insert(blocks.int64(0));
                }
            }
        }
        QVERIFY(!expected.empty() || interfaces.isEmpty());

        if (const auto &selected = caseFilter->blocks())
            for (const std::int64_t block : blocksWithMatch)
                QVERIFY2(std::binary_search(selected->begin(), selected->end(), block), "a block with a match left out");
        const auto matches = collectMatches(*m_case, *caseFilter);
        QCOMPARE(matches->total(), static_cast<std::int64_t>(expected.size()));
        for (const std::int64_t id : expected)
            QVERIFY(matches->contains(id));
        if (const auto totals = countFromSummaries(*m_case, *caseFilter))
            QCOMPARE(*totals, static_cast<std::int64_t>(expected.size()));
    }
};

QTEST_GUILESS_MAIN(TestInterfaceAttributeFilter)
#include "tst_interfaceattributefilter.moc"
