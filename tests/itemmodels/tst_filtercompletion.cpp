// SPDX-License-Identifier: GPL-3.0-or-later
// What the filter bar's core offers: the syntax state while typing, the
// completion at the cursor, and the values read from a case.

#include "filterbar/case_values.h"
#include "filterbar/filter_completion.h"
#include "filterbar/filter_history.h"
#include "filterbar/filter_syntax_state.h"
#include "ingest/case_importer.h"
#include "query/interface_attributes.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;

Q_DECLARE_METATYPE(flowscope::FilterSyntaxState)
Q_DECLARE_METATYPE(flowscope::FilterCompletionKind)

namespace {

// "dstport == |" -> the text without '|' and the cursor where it was.
std::pair<QString, int> withCursor(const QString &marked)
{
    const int cursor = static_cast<int>(marked.indexOf(QLatin1Char('|')));
    QString text = marked;
    text.remove(cursor, 1);
    return {text, cursor};
}

} // namespace

class TestFilterCompletion : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;
    CaseValues m_values;

private Q_SLOTS:
    void initTestCase()
    {
        // Three files, so three blocks: eni-a, 10.0.0.1 and port 443 are each in two.
        test::writeFile(m_dir.filePath(QStringLiteral("in/1.log")),
                        "2 111111111111 eni-a 10.0.0.1 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 ACCEPT OK\n");
        test::writeFile(m_dir.filePath(QStringLiteral("in/2.log")),
                        "2 111111111111 eni-a 10.0.0.1 10.0.0.3 40001 22 6 1 100 1700000100 1700000160 ACCEPT OK\n");
        test::writeFile(m_dir.filePath(QStringLiteral("in/3.log")),
                        "2 222222222222 eni-b 2001:db8::2 2001:db8::1 40002 443 6 1 100 1700000200 1700000260 REJECT OK\n");
        m_case = m_dir.filePath(QStringLiteral("values.flowcase"));
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::CreateIfMissing);
        QCOMPARE(CaseImporter(*caseDb).run({m_dir.filePath(QStringLiteral("in")).toStdString()}, {}).records, 3u);
        m_values = loadCaseValues(*caseDb);
    }

    void syntaxState_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<FilterSyntaxState>("state");
        using S = FilterSyntaxState;
        QTest::newRow("empty") << "" << S::Empty;
        QTest::newRow("blank") << "   " << S::Empty;
        QTest::newRow("valid") << "addr == 10.0.0.0/8 and action == reject" << S::Valid;
        QTest::newRow("no value yet") << "dstport ==" << S::Intermediate;
        QTest::newRow("open parenthesis") << "(addr == 1.2.3.4" << S::Intermediate;
        QTest::newRow("open string") << "vpc-id == \"vpc-" << S::Intermediate;
        QTest::newRow("field prefix") << "dstp" << S::Intermediate;
        QTest::newRow("protocol prefix") << "protocol == tc" << S::Intermediate;
        QTest::newRow("connective prefix") << "dstport == 22 an" << S::Intermediate;
        QTest::newRow("partial address") << "addr == 10.0." << S::Intermediate;
        QTest::newRow("partial CIDR") << "srcaddr == 10.0.0.0/" << S::Intermediate;
        QTest::newRow("partial IPv6") << "addr == 2001:db8:" << S::Intermediate;
        QTest::newRow("time without zone yet") << "time >= 2026-03-10T02:00" << S::Intermediate;
        QTest::newRow("unknown field") << "foo == 1" << S::Invalid;
        QTest::newRow("field prefix then space") << "dstp " << S::Invalid;
        QTest::newRow("out of range") << "dstport == 70000" << S::Invalid;
        QTest::newRow("bad prefix length") << "addr == 10.0.0.0/33" << S::Invalid;
        QTest::newRow("single equals") << "dstport = 22" << S::Invalid;
        QTest::newRow("unknown ioc list") << "addr in @bad" << S::Invalid;
    }

    void syntaxState()
    {
        QFETCH(QString, text);
        QFETCH(FilterSyntaxState, state);
        const FilterSyntax syntax = checkFilterSyntax(text);
        QCOMPARE(filterSyntaxStateName(syntax.state), filterSyntaxStateName(state));
        QCOMPARE(syntax.error.has_value(), state == FilterSyntaxState::Invalid || state == FilterSyntaxState::Intermediate);
    }

    void iocListResolver()
    {
        const auto known = [](const QString &name) { return name == QLatin1String("bad"); };
        QCOMPARE(filterSyntaxState(QStringLiteral("addr in @bad"), known), FilterSyntaxState::Valid);
        QCOMPARE(filterSyntaxState(QStringLiteral("addr in @worse"), known), FilterSyntaxState::Invalid);
    }

    void context_data()
    {
        QTest::addColumn<QString>("marked"); // '|' is the cursor
        QTest::addColumn<FilterCompletionKind>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QStringList>("firstMatches");
        using K = FilterCompletionKind;
        QTest::newRow("start") << "|" << K::FieldName << "" << "" << QStringList{"addr", "port", "eni", "time"};
        QTest::newRow("field prefix") << "dst|" << K::FieldName << "" << "dst" << QStringList{"dstaddr", "dstport"};
        QTest::newRow("field after and") << "action == reject and pro|" << K::FieldName << "" << "pro"
                                         << QStringList{"protocol"};
        QTest::newRow("field after parenthesis") << "not (log-|" << K::FieldName << "" << "log-" << QStringList{"log-status"};
        QTest::newRow("field in the middle") << "dst|port == 22" << K::FieldName << "" << "dst"
                                             << QStringList{"dstaddr", "dstport"};
        QTest::newRow("operator") << "dstport |" << K::Operator << "dstport" << "" << QStringList{"==", "!=", "<"};
        QTest::newRow("operator of text") << "vpc-id c|" << K::Operator << "vpc-id" << "c" << QStringList{"contains"};
        QTest::newRow("lone equals") << "dstport =|" << K::Operator << "dstport" << "=" << QStringList{"=="};
        QTest::newRow("lone bang") << "dstport !|" << K::Operator << "dstport" << "!" << QStringList{"!="};
        QTest::newRow("has") << "tcp-flags |" << K::Operator << "tcp-flags" << "" << QStringList{"has", "=="};
        QTest::newRow("protocol") << "protocol == |" << K::Value << "protocol" << ""
                                  << QStringList{"tcp", "udp", "icmp", "icmpv6"};
        QTest::newRow("protocol prefix") << "protocol == ic|" << K::Value << "protocol" << "ic" << QStringList{"icmp", "icmpv6"};
        QTest::newRow("protocol in set") << "protocol in {tcp, u|" << K::Value << "protocol" << "u" << QStringList{"udp"};
        QTest::newRow("action") << "action == |" << K::Value << "action" << "" << QStringList{"accept", "reject"};
        QTest::newRow("log-status") << "log-status != |" << K::Value << "log-status" << "" << QStringList{"ok", "nodata", "skipdata"};
        QTest::newRow("flow-direction") << "flow-direction == e|" << K::Value << "flow-direction" << "e" << QStringList{"egress"};
        QTest::newRow("type") << "type == |" << K::Value << "type" << "" << QStringList{"ipv4", "ipv6", "efa"};
        QTest::newRow("tcp flag") << "tcp-flags has s|" << K::Value << "tcp-flags" << "s" << QStringList{"syn"};
        QTest::newRow("traffic-path") << "traffic-path == |" << K::Value << "traffic-path" << ""
                                      << QStringList{"1", "2", "3", "4", "5", "6", "7", "8"};
        QTest::newRow("address") << "addr == |" << K::Value << "addr" << "" << QStringList{"10.0.0.1", "10.0.0.2"};
        QTest::newRow("address prefix") << "dstaddr == 2001|" << K::Value << "dstaddr" << "2001"
                                        << QStringList{"2001:db8::1", "2001:db8::2"};
        QTest::newRow("no space") << "srcaddr==10.0.0.|" << K::Value << "srcaddr" << "10.0.0."
                                  << QStringList{"10.0.0.1", "10.0.0.2", "10.0.0.3"};
        QTest::newRow("port") << "port == |" << K::Value << "port" << "" << QStringList{"443", "22"};
        QTest::newRow("port range end") << "dstport in {20..4|" << K::Value << "dstport" << "4" << QStringList{"443"};
        QTest::newRow("eni") << "eni == |" << K::Value << "eni" << "" << QStringList{"eni-a", "eni-b"};
        QTest::newRow("interface-id") << "interface-id != eni-b|" << K::Value << "interface-id" << "eni-b" << QStringList{"eni-b"};
        QTest::newRow("account") << "account-id == |" << K::Value << "account-id" << ""
                                 << QStringList{"111111111111", "222222222222"};
        QTest::newRow("connective") << "dstport == 22 |" << K::Connective << "" << "" << QStringList{"and", "or"};
        QTest::newRow("connective prefix") << "(dstport == 22) o|" << K::Connective << "" << "o" << QStringList{"or"};
        QTest::newRow("lone ampersand") << "dstport == 22 &|" << K::Connective << "" << "&" << QStringList{};
        QTest::newRow("inside a string") << "vpc-id == \"vp|" << K::None << "" << "" << QStringList{};
        QTest::newRow("after contains") << "vpc-id contains |" << K::None << "" << "" << QStringList{};
        QTest::newRow("after an unknown field") << "foo |" << K::None << "" << "" << QStringList{};
        QTest::newRow("recovers after and") << "foo == 1 and sr|" << K::FieldName << "" << "sr"
                                            << QStringList{"srcaddr", "srcport"};
    }

    void context()
    {
        QFETCH(QString, marked);
        QFETCH(FilterCompletionKind, kind);
        QFETCH(QString, target);
        QFETCH(QString, prefix);
        QFETCH(QStringList, firstMatches);
        const auto [text, cursor] = withCursor(marked);
        const FilterCompletion completion = completeFilter(text, cursor, &m_values);
        QCOMPARE(int(completion.kind), int(kind));
        QCOMPARE(completion.target, target);
        QCOMPARE(completion.prefix, prefix);
        QCOMPARE(completion.matching().mid(0, firstMatches.size()), firstMatches);
    }

    // security-group and the other snapshot fields: an error without a
    // snapshot, valid with one, their values offered from it.
    void snapshotFields_data()
    {
        QTest::addColumn<QString>("marked");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("matches");
        QTest::newRow("field name") << "secu|" << int(FilterCompletionKind::FieldName) << QStringList{QStringLiteral("security-group")};
        QTest::newRow("operators") << "vpc-name |" << int(FilterCompletionKind::Operator)
                                   << QStringList{QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("contains"),
                                                  QStringLiteral("matches")};
        QTest::newRow("group values") << "security-group == |" << int(FilterCompletionKind::Value)
                                      << QStringList{QStringLiteral("\"app tier\""), QStringLiteral("sg-0app"),
                                                     QStringLiteral("sg-0web"), QStringLiteral("web")};
        QTest::newRow("prefix") << "action == reject and instance-name == we|" << int(FilterCompletionKind::Value)
                                << QStringList{QStringLiteral("web-1")};
    }

    void snapshotFields()
    {
        QFETCH(QString, marked);
        QFETCH(int, kind);
        QFETCH(QStringList, matches);
        class Attributes : public InterfaceAttributes {
        public:
            std::vector<std::string> interfacesWith(InterfaceAttribute, std::string_view value) const override
            {
                return value.empty() ? std::vector<std::string>() : std::vector<std::string>{"eni-0a"};
            }
            std::vector<std::string> valuesOf(InterfaceAttribute attribute) const override
            {
                if (attribute == InterfaceAttribute::SecurityGroup)
                    return {"app tier", "sg-0app", "sg-0web", "web"};
                return {"db-1", "web-1"};
            }
        } attributes;
        const auto [text, cursor] = withCursor(marked);
        const FilterCompletion completion = completeFilter(text, cursor, &m_values, &attributes);
        QCOMPARE(int(completion.kind), kind);
        QCOMPARE(completion.matching(), matches);
        // Without a snapshot the values are not offered.
        if (kind == int(FilterCompletionKind::Value))
            QVERIFY(completeFilter(text, cursor, &m_values).candidates.isEmpty());

        const QString filter = QStringLiteral("security-group == sg-0web and action == reject");
        QCOMPARE(checkFilterSyntax(filter, {}, &attributes).state, FilterSyntaxState::Valid);
        const FilterSyntax without = checkFilterSyntax(filter);
        QCOMPARE(without.state, FilterSyntaxState::Invalid);
        QCOMPARE(QString::fromStdString(without.error->message),
                 QStringLiteral("no configuration snapshot loaded: security-group needs one"));
    }

    void valuesNeedTheCase()
    {
        QVERIFY(completeFilter(QStringLiteral("addr == "), 8).candidates.isEmpty());
        QVERIFY(!completeFilter(QStringLiteral("protocol == "), 12).candidates.isEmpty());
    }

    void apply_data()
    {
        QTest::addColumn<QString>("marked");
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<QString>("expected"); // '|' is the cursor after completing
        QTest::newRow("field at the end") << "dst|" << "dstport" << "dstport |";
        QTest::newRow("field in the middle") << "action == reject and pro| == tcp" << "protocol"
                                             << "action == reject and protocol |== tcp";
        QTest::newRow("whole word replaced") << "dst|xx == 22" << "dstport" << "dstport |== 22";
        QTest::newRow("operator") << "dstport =|" << "==" << "dstport == |";
        QTest::newRow("value") << "protocol == t|" << "tcp" << "protocol == tcp|";
        QTest::newRow("value in a set") << "protocol in {tcp, u|}" << "udp" << "protocol in {tcp, udp|}";
        QTest::newRow("ioc list") << "addr |" << "in @" << "addr in @|";
        QTest::newRow("non-ASCII before") << "vpc-id == \"ü\" or dst|" << "dstport" << "vpc-id == \"ü\" or dstport |";
    }

    void apply()
    {
        QFETCH(QString, marked);
        QFETCH(QString, candidate);
        QFETCH(QString, expected);
        const auto [text, cursor] = withCursor(marked);
        const CompletedText done = applyCompletion(text, completeFilter(text, cursor, &m_values), candidate);
        QString result = done.text;
        result.insert(done.cursor, QLatin1Char('|'));
        QCOMPARE(result, expected);
    }

    void caseValuesByPopularity()
    {
        // 10.0.0.1 is in two blocks; equally common ones follow in address order, IPv4 first.
        QCOMPARE(m_values.addresses, (QStringList{"10.0.0.1", "10.0.0.2", "10.0.0.3", "2001:db8::1", "2001:db8::2"}));
        QCOMPARE(m_values.ports, (QStringList{"443", "22"})); // 40000 and up are ephemeral, not indexed
        QCOMPARE(m_values.textValues(Field::InterfaceId), (QStringList{"eni-a", "eni-b"}));
        QCOMPARE(m_values.textValues(Field::AccountId), (QStringList{"111111111111", "222222222222"}));
        QVERIFY(m_values.textValues(Field::VpcId).isEmpty()); // not in the default format
    }

    void caseValuesLimit()
    {
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        const CaseValues values = loadCaseValues(*caseDb, 2);
        QCOMPARE(values.addresses, (QStringList{"10.0.0.1", "10.0.0.2"}));
        QCOMPARE(values.ports.size(), 2);
        QCOMPARE(values.textValues(Field::InterfaceId).size(), 2);
    }

    void caseValuesCancelled()
    {
        auto caseDb = CaseDb::open(m_case.toStdString(), CaseDb::Mode::ReadOnly);
        const std::atomic_bool cancel{true};
        QVERIFY(loadCaseValues(*caseDb, 50, &cancel).isEmpty());
    }

    void caseValuesOffThread()
    {
        QFuture<CaseValues> future = loadCaseValuesAsync(m_case);
        future.waitForFinished();
        QCOMPARE(future.result().addresses, m_values.addresses);
        QCOMPARE(future.result().textValues(Field::InterfaceId), m_values.textValues(Field::InterfaceId));
        QFuture<CaseValues> missing = loadCaseValuesAsync(m_dir.filePath(QStringLiteral("absent.flowcase")));
        missing.waitForFinished();
        QVERIFY(missing.result().isEmpty());
    }

    void historyOrder()
    {
        QStringList h;
        h = FilterHistory::added(h, QStringLiteral("a"));
        h = FilterHistory::added(h, QStringLiteral("b"));
        h = FilterHistory::added(h, QStringLiteral(" a "));
        h = FilterHistory::added(h, QStringLiteral("   "));
        QCOMPARE(h, (QStringList{"a", "b"}));
        for (int i = 0; i < 60; ++i)
            h = FilterHistory::added(h, QStringLiteral("dstport == %1").arg(i));
        QCOMPARE(h.size(), FilterHistory::kMaxEntries);
        QCOMPARE(h.first(), QStringLiteral("dstport == 59"));
    }
};

QTEST_GUILESS_MAIN(TestFilterCompletion)
#include "tst_filtercompletion.moc"
