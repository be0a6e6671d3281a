// SPDX-License-Identifier: GPL-3.0-or-later
// The field catalogue against the AWS field table (versions 2 to 8), the
// default format, and the text-slot layout FlowRecord depends on.

#include "format/field_catalog.h"
#include "format/field_description.h"

#include <QByteArray>
#include <QSet>
#include <QTest>
#include <QTranslator>

#include <limits>
#include <string_view>

using flowscope::Field;
using flowscope::FieldKind;

namespace {
std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

// The field a name resolves to, or -1: an int prints well in a QCOMPARE failure.
int lookup(const QByteArray &name)
{
    const auto field = flowscope::fieldByName(view(name));
    return field ? static_cast<int>(*field) : -1;
}

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

struct Expected {
    Field field;
    const char *name;
    int version;
    FieldKind kind;
    std::uint64_t maxValue; // Integer fields only
};

constexpr std::uint64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

// Written from FIELDS.md's table, independently of field_catalog.cpp.
// resource-id and encryption-status have no verified AWS version ("9?"/"10?"
// in FIELDS.md); the catalogue files them under 8, the newest verified one.
const Expected kExpected[] = {
    {Field::Version, "version", 2, FieldKind::Integer, 255},
    {Field::AccountId, "account-id", 2, FieldKind::Text, 0},
    {Field::InterfaceId, "interface-id", 2, FieldKind::Text, 0},
    {Field::SrcAddr, "srcaddr", 2, FieldKind::Address, 0},
    {Field::DstAddr, "dstaddr", 2, FieldKind::Address, 0},
    {Field::SrcPort, "srcport", 2, FieldKind::Integer, 65535},
    {Field::DstPort, "dstport", 2, FieldKind::Integer, 65535},
    {Field::Protocol, "protocol", 2, FieldKind::Integer, 255},
    {Field::Packets, "packets", 2, FieldKind::Integer, kInt64Max},
    {Field::Bytes, "bytes", 2, FieldKind::Integer, kInt64Max},
    {Field::Start, "start", 2, FieldKind::Integer, kInt64Max},
    {Field::End, "end", 2, FieldKind::Integer, kInt64Max},
    {Field::Action, "action", 2, FieldKind::Enum, 0},
    {Field::LogStatus, "log-status", 2, FieldKind::Enum, 0},
    {Field::VpcId, "vpc-id", 3, FieldKind::Text, 0},
    {Field::SubnetId, "subnet-id", 3, FieldKind::Text, 0},
    {Field::InstanceId, "instance-id", 3, FieldKind::Text, 0},
    {Field::TcpFlags, "tcp-flags", 3, FieldKind::Integer, 255},
    {Field::Type, "type", 3, FieldKind::Enum, 0},
    {Field::PktSrcAddr, "pkt-srcaddr", 3, FieldKind::Address, 0},
    {Field::PktDstAddr, "pkt-dstaddr", 3, FieldKind::Address, 0},
    {Field::Region, "region", 4, FieldKind::Text, 0},
    {Field::AzId, "az-id", 4, FieldKind::Text, 0},
    {Field::SublocationType, "sublocation-type", 4, FieldKind::Text, 0},
    {Field::SublocationId, "sublocation-id", 4, FieldKind::Text, 0},
    {Field::PktSrcAwsService, "pkt-src-aws-service", 5, FieldKind::Text, 0},
    {Field::PktDstAwsService, "pkt-dst-aws-service", 5, FieldKind::Text, 0},
    {Field::FlowDirection, "flow-direction", 5, FieldKind::Enum, 0},
    {Field::TrafficPath, "traffic-path", 5, FieldKind::Integer, 255},
    {Field::EcsClusterArn, "ecs-cluster-arn", 7, FieldKind::Text, 0},
    {Field::EcsClusterName, "ecs-cluster-name", 7, FieldKind::Text, 0},
    {Field::EcsContainerInstanceArn, "ecs-container-instance-arn", 7, FieldKind::Text, 0},
    {Field::EcsContainerInstanceId, "ecs-container-instance-id", 7, FieldKind::Text, 0},
    {Field::EcsContainerId, "ecs-container-id", 7, FieldKind::Text, 0},
    {Field::EcsSecondContainerId, "ecs-second-container-id", 7, FieldKind::Text, 0},
    {Field::EcsServiceName, "ecs-service-name", 7, FieldKind::Text, 0},
    {Field::EcsTaskDefinitionArn, "ecs-task-definition-arn", 7, FieldKind::Text, 0},
    {Field::EcsTaskArn, "ecs-task-arn", 7, FieldKind::Text, 0},
    {Field::EcsTaskId, "ecs-task-id", 7, FieldKind::Text, 0},
    {Field::RejectReason, "reject-reason", 8, FieldKind::Text, 0},
    {Field::ResourceId, "resource-id", 8, FieldKind::Text, 0},
    {Field::EncryptionStatus, "encryption-status", 8, FieldKind::Integer, 3},
};
static_assert(std::size(kExpected) == flowscope::kFieldCount, "one expectation per field");
} // namespace

class TestFieldCatalog : public QObject {
    Q_OBJECT

    // One row per field, shared by names(), versions() and kinds().
    static void addFieldRows();

private Q_SLOTS:
    // Descriptions are shown in the window (column tooltips, the column
    // chooser, completion): they go through the translation.
    void descriptionsAreTranslatable()
    {
        QCOMPARE(flowscope::fieldDescription(Field::SrcAddr), QStringLiteral("Source address"));
        struct Upper : QTranslator {
            QString translate(const char *context, const char *source, const char *, int) const override
            {
                return QByteArray(context) == "flowscope::FieldCatalog" ? QString::fromUtf8(source).toUpper() : QString();
            }
            bool isEmpty() const override { return false; }
        } upper;
        QCoreApplication::installTranslator(&upper);
        for (const flowscope::FieldInfo &info : flowscope::allFields())
            QCOMPARE(flowscope::fieldDescription(info.field),
                     QString::fromUtf8(info.description.data(), qsizetype(info.description.size())).toUpper());
        QCoreApplication::removeTranslator(&upper);
    }

    void names_data() { addFieldRows(); }
    void names();
    void versions_data() { addFieldRows(); }
    void versions();
    void kinds_data() { addFieldRows(); }
    void kinds();
    void unknownNames_data();
    void unknownNames();
    void catalogueOrder();
    void defaultFormat();
    void textSlots();
    void noVersionSixFields();
};

void TestFieldCatalog::addFieldRows()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("kind");
    QTest::addColumn<quint64>("maxValue");

    for (const Expected &e : kExpected)
        QTest::newRow(e.name) << static_cast<int>(e.field) << QByteArray(e.name) << e.version
                              << static_cast<int>(e.kind) << quint64(e.maxValue);
}

void TestFieldCatalog::names()
{
    QFETCH(int, field);
    QFETCH(QByteArray, name);
    const auto f = static_cast<Field>(field);

    QCOMPARE(bytes(flowscope::fieldInfo(f).name), name);
    QCOMPARE(flowscope::fieldInfo(f).field, f);
    QVERIFY(!flowscope::fieldInfo(f).description.empty());

    QCOMPARE(lookup(name), field);
    // Parquet/Athena columns use underscores; people type upper case.
    QByteArray underscore = name;
    underscore.replace('-', '_');
    QCOMPARE(lookup(underscore), field);
    const QByteArray upper = name.toUpper();
    QCOMPARE(lookup(upper), field);
    const QByteArray upperUnderscore = underscore.toUpper();
    QCOMPARE(lookup(upperUnderscore), field);
}

void TestFieldCatalog::versions()
{
    QFETCH(int, field);
    QFETCH(int, version);
    QCOMPARE(flowscope::fieldInfo(static_cast<Field>(field)).version, version);
}

void TestFieldCatalog::kinds()
{
    QFETCH(int, field);
    QFETCH(int, kind);
    QFETCH(quint64, maxValue);
    const auto &info = flowscope::fieldInfo(static_cast<Field>(field));
    QCOMPARE(static_cast<int>(info.kind), kind);
    if (info.kind == FieldKind::Integer)
        QCOMPARE(quint64(info.maxValue), maxValue);
}

void TestFieldCatalog::unknownNames_data()
{
    QTest::addColumn<QByteArray>("name");

    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("dash") << QByteArray("-");
    QTest::newRow("hyphen inside word") << QByteArray("src-addr");
    QTest::newRow("missing hyphen") << QByteArray("accountid");
    QTest::newRow("double hyphen") << QByteArray("account--id");
    QTest::newRow("trailing blank") << QByteArray("srcaddr ");
    QTest::newRow("leading blank") << QByteArray(" srcaddr");
    QTest::newRow("console form") << QByteArray("${srcaddr}");
    QTest::newRow("plural") << QByteArray("versions");
    QTest::newRow("prefix only") << QByteArray("pkt-src");
    QTest::newRow("record value") << QByteArray("ACCEPT");
    // Transit gateway flow logs are a different log type.
    QTest::newRow("tgw resource-type") << QByteArray("resource-type");
    QTest::newRow("tgw-id") << QByteArray("tgw-id");
    QTest::newRow("tgw packets-lost") << QByteArray("packets-lost-no-route");
    QTest::newRow("nul inside") << QByteArray("end\0", 4);
}

void TestFieldCatalog::unknownNames()
{
    QFETCH(QByteArray, name);
    QCOMPARE(lookup(name), -1);
}

void TestFieldCatalog::catalogueOrder()
{
    const auto &all = flowscope::allFields();
    QCOMPARE(int(all.size()), flowscope::kFieldCount);
    QSet<QByteArray> names;
    for (int i = 0; i < flowscope::kFieldCount; ++i) {
        QCOMPARE(static_cast<int>(all[i].field), i);
        names.insert(bytes(all[i].name));
    }
    QCOMPARE(names.size(), flowscope::kFieldCount);
}

void TestFieldCatalog::defaultFormat()
{
    const Field expected[] = {
        Field::Version, Field::AccountId, Field::InterfaceId, Field::SrcAddr, Field::DstAddr,
        Field::SrcPort, Field::DstPort, Field::Protocol, Field::Packets, Field::Bytes,
        Field::Start, Field::End, Field::Action, Field::LogStatus};
    const auto &fields = flowscope::defaultFormatFields();
    QCOMPARE(fields.size(), std::size(expected));
    QByteArray joined;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        QCOMPARE(fields[i], expected[i]);
        QCOMPARE(flowscope::fieldInfo(fields[i]).version, 2);
        if (i)
            joined += ' ';
        joined += bytes(flowscope::fieldInfo(fields[i]).name);
    }
    QCOMPARE(joined, QByteArray("version account-id interface-id srcaddr dstaddr srcport dstport "
                                "protocol packets bytes start end action log-status"));
}

void TestFieldCatalog::textSlots()
{
    // Every text field owns one slot, the slots are 0..kTextSlotCount-1 and
    // every other field has none: FlowRecord::text is indexed by them.
    QSet<int> slots;
    for (const auto &info : flowscope::allFields()) {
        const int slot = flowscope::textSlot(info.field);
        if (info.kind == FieldKind::Text) {
            QVERIFY2(slot >= 0 && slot < flowscope::kTextSlotCount, info.name.data());
            QVERIFY2(!slots.contains(slot), info.name.data());
            slots.insert(slot);
        } else {
            QCOMPARE(slot, -1);
        }
    }
    QCOMPARE(slots.size(), flowscope::kTextSlotCount);
}

void TestFieldCatalog::noVersionSixFields()
{
    // Version 6 introduced only transit-gateway fields; a VPC log has none.
    for (const auto &info : flowscope::allFields()) {
        QVERIFY(info.version >= 2 && info.version <= 8);
        QVERIFY2(info.version != 6, info.name.data());
    }
}

QTEST_GUILESS_MAIN(TestFieldCatalog)
#include "tst_fieldcatalog.moc"
