// SPDX-License-Identifier: GPL-3.0-or-later
// Configuration snapshots kept in a case: stored with their files' bytes and
// loaded again from the case alone, as-of by default the newest file time,
// the one in force chosen by time, all or nothing on bad input, and a case of
// schema 4 upgraded to hold them.

#include "explain/snapshot_store.h"
#include "store/case_db.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "schema4_case.h"
#include "test_files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace flowscope;
using namespace flowscope::explain;

namespace {

const QString kData = QStringLiteral(FLOWSCOPE_EXPLAIN_DATA);

const QByteArray kVpcs = R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16", "OwnerId": "111122223333"}]})";
const QByteArray kSubnets = R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.1.0.0/24"}]})";

QByteArray aclAllowingSsh(bool allow)
{
    return QByteArray(R"({"NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1", "IsDefault": true, "Entries": [)"
                      R"({"RuleNumber": 100, "Egress": false, "Protocol": "6", "PortRange": {"From": 22, "To": 22}, )"
                      R"("RuleAction": ")")
        + (allow ? "allow" : "deny") + R"(", "CidrBlock": "0.0.0.0/0"}]}]})";
}

QDateTime isoTime(const char *text) { return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate); }
QDateTime utc(const char *text) { return isoTime(text).toUTC(); }

void writeAt(const QString &path, const QByteArray &content, const QDateTime &modified)
{
    test::writeFile(path, content);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
}

QString fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

QStringList messages(const SnapshotLoad &load, SnapshotMessage::Severity severity)
{
    QStringList texts;
    for (const SnapshotMessage &message : load.messages)
        if (message.severity == severity)
            texts << message.toString();
    return texts;
}

// Everything the case holds about snapshots, to tell that a refusal changed nothing.
QByteArray snapshotTables(CaseDb &caseDb)
{
    QByteArray dump;
    for (const char *sql : {"SELECT id, as_of, loaded_at, label FROM config_snapshot ORDER BY id",
                            "SELECT snapshot, position, path, sha256, modified, documents, size, hex(data)"
                            " FROM config_snapshot_file ORDER BY snapshot, position"}) {
        Statement rows(caseDb.handle(), sql);
        while (rows.step()) {
            for (int column = 0; column < sqlite3_column_count(rows.get()); ++column)
                dump += QByteArray::fromStdString(rows.text(column)) + '|';
            dump += '\n';
        }
    }
    return dump;
}

} // namespace

class TestSnapshotStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_cases = 0;

    std::unique_ptr<CaseDb> newCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("case%1.flowcase").arg(++m_cases));
        return CaseDb::open(path.toStdString(), CaseDb::Mode::CreateIfMissing);
    }

private Q_SLOTS:
    // The case alone loads the snapshot again: the files may be gone.
    void roundTripsFromTheCaseAlone()
    {
        QTemporaryDir files;
        for (const QString &folder : {QStringLiteral("estate"), QStringLiteral("prefix-list-entries")})
            for (const QFileInfo &info : QDir(kData + u'/' + folder).entryInfoList(QDir::Files))
                QVERIFY(QFile::copy(info.filePath(), files.filePath(info.fileName())));
        const SnapshotLoad direct = loadSnapshot(QStringList{files.path()});
        QStringList shas;
        for (const SnapshotFile &file : direct.snapshot.files)
            shas << fileSha256(file.path);

        const QString casePath = m_dir.filePath(QStringLiteral("roundtrip.flowcase"));
        qint64 id = 0;
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            const SnapshotImport imported = importSnapshot(*caseDb, {files.path()}, std::nullopt, QStringLiteral("before the change"));
            QVERIFY2(imported.isStored(), qPrintable(messages(imported.load, SnapshotMessage::Severity::Error).join(u'\n')));
            QCOMPARE(imported.load.filesLoaded, 11);
            QCOMPARE(messages(imported.load, SnapshotMessage::Severity::Warning).size(), 1); // sg-0peer of another account
            id = imported.id;
        }
        QVERIFY(files.remove());

        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        const std::vector<StoredSnapshot> stored = listSnapshots(*caseDb);
        QCOMPARE(stored.size(), 1u);
        QCOMPARE(stored[0].id, id);
        QCOMPARE(stored[0].label, QStringLiteral("before the change"));
        QCOMPARE(stored[0].files.size(), 11u);
        QStringList storedShas;
        for (const SnapshotFile &file : stored[0].files)
            storedShas << file.sha256;
        QCOMPARE(storedShas, shas);
        QCOMPARE(stored[0].files[0].documents, direct.snapshot.files[0].documents);

        const std::optional<SnapshotLoad> again = loadStoredSnapshot(*caseDb, id);
        QVERIFY(again);
        QCOMPARE(messages(*again, SnapshotMessage::Severity::Warning),
                 messages(direct, SnapshotMessage::Severity::Warning));
        const ConfigSnapshot &s = again->snapshot;
        QCOMPARE(s.securityGroups.size(), direct.snapshot.securityGroups.size());
        QCOMPARE(s.networkAcls.size(), direct.snapshot.networkAcls.size());
        QCOMPARE(s.interfaces.size(), direct.snapshot.interfaces.size());
        QCOMPARE(s.routeTables.at("rtb-0main").routes.size(), direct.snapshot.routeTables.at("rtb-0main").routes.size());
        QCOMPARE(s.prefixLists.at("pl-0corp").cidrs->size(), 2u);
        QCOMPARE(s.securityGroups.at("sg-0mgmt").rules[0].ruleId, QStringLiteral("sgr-0mgmt22"));
        QVERIFY(!loadStoredSnapshot(*caseDb, id + 1));

        const SnapshotTimeline timeline = loadSnapshotTimeline(*caseDb);
        QCOMPARE(timeline.snapshots().size(), 1u);
        QCOMPARE(timeline.snapshots()[0].id, id);
        QCOMPARE(timeline.snapshots()[0].snapshot->interfaces.size(), direct.snapshot.interfaces.size());
    }

    void asOfDefaultsToTheNewestFileTime_data()
    {
        QTest::addColumn<QDateTime>("explicitAsOf");
        QTest::addColumn<QDateTime>("expected");
        QTest::addRow("default") << QDateTime() << utc("2026-03-02T10:15:00Z");
        QTest::addRow("explicit") << utc("2026-03-05T08:00:00Z") << utc("2026-03-05T08:00:00Z");
        QTest::addRow("explicit with an offset") << isoTime("2026-03-05T09:00:00+01:00") << utc("2026-03-05T08:00:00Z");
    }

    void asOfDefaultsToTheNewestFileTime()
    {
        QFETCH(QDateTime, explicitAsOf);
        QFETCH(QDateTime, expected);
        QTemporaryDir files;
        writeAt(files.filePath(QStringLiteral("vpcs.json")), kVpcs, utc("2026-03-01T09:00:00Z"));
        writeAt(files.filePath(QStringLiteral("subnets.json")), kSubnets, utc("2026-03-02T10:15:00Z"));
        writeAt(files.filePath(QStringLiteral("acls.json")), aclAllowingSsh(true), utc("2026-02-27T23:59:59Z"));
        auto caseDb = newCase();
        const std::optional<QDateTime> asOf = explicitAsOf.isValid() ? std::optional(explicitAsOf) : std::nullopt;
        const SnapshotImport imported = importSnapshot(*caseDb, {files.path()}, asOf);
        QVERIFY(imported.isStored());
        QCOMPARE(imported.asOf, expected);
        QCOMPARE(imported.label, QFileInfo(files.path()).fileName());
        const std::vector<StoredSnapshot> stored = listSnapshots(*caseDb);
        QCOMPARE(stored.size(), 1u);
        QCOMPARE(stored[0].asOf, expected);
        QCOMPARE(stored[0].files.size(), 3u);
        QCOMPARE(stored[0].files[0].modified, utc("2026-02-27T23:59:59Z")); // acls.json first: folders are walked in name order
        QVERIFY(stored[0].loadedAt.isValid());
    }

    // Before and after a change: a record gets the snapshot in force at its time.
    void choosesTheSnapshotInForceByTime()
    {
        QTemporaryDir before, after;
        writeAt(before.filePath(QStringLiteral("acls.json")), aclAllowingSsh(true), utc("2026-03-01T09:00:00Z"));
        writeAt(after.filePath(QStringLiteral("acls.json")), aclAllowingSsh(false), utc("2026-03-01T12:00:00Z"));
        auto caseDb = newCase();
        // Loaded newest first: the timeline orders by as-of, not by loading.
        const SnapshotImport second = importSnapshot(*caseDb, {after.path()});
        const SnapshotImport first = importSnapshot(*caseDb, {before.path()});
        QVERIFY(first.isStored() && second.isStored());
        const std::vector<StoredSnapshot> stored = listSnapshots(*caseDb);
        QCOMPARE(stored.size(), 2u);
        QCOMPARE(stored[0].id, first.id);

        const SnapshotTimeline timeline = loadSnapshotTimeline(*caseDb);
        const auto allowsSsh = [&](const char *time) {
            const auto inForce = timeline.inForceAt(utc(time).toSecsSinceEpoch());
            return inForce->snapshot->networkAcls.at("acl-1").entries.front().allow;
        };
        QCOMPARE(timeline.inForceAt(utc("2026-03-01T10:00:00Z").toSecsSinceEpoch())->id, first.id);
        QVERIFY(allowsSsh("2026-03-01T10:00:00Z"));
        QCOMPARE(timeline.inForceAt(utc("2026-03-01T12:00:00Z").toSecsSinceEpoch())->id, second.id);
        QVERIFY(!allowsSsh("2026-03-01T13:00:00Z"));
        const auto early = timeline.inForceAt(utc("2026-03-01T08:00:00Z").toSecsSinceEpoch());
        QCOMPARE(early->id, first.id);
        QVERIFY(early->takenAfter());
        QCOMPARE(early->secondsApart, -3600);
    }

    // A removed snapshot takes its files with it; the timeline then chooses among the others.
    void removesASnapshotAndItsFiles()
    {
        QTemporaryDir before, after;
        writeAt(before.filePath(QStringLiteral("acls.json")), aclAllowingSsh(true), utc("2026-03-01T09:00:00Z"));
        writeAt(after.filePath(QStringLiteral("acls.json")), aclAllowingSsh(false), utc("2026-03-01T12:00:00Z"));
        writeAt(after.filePath(QStringLiteral("vpcs.json")), kVpcs, utc("2026-03-01T12:00:00Z"));
        auto caseDb = newCase();
        const SnapshotImport first = importSnapshot(*caseDb, {before.path()});
        const QByteArray withFirstOnly = snapshotTables(*caseDb);
        const SnapshotImport second = importSnapshot(*caseDb, {after.path()});
        QVERIFY(first.isStored() && second.isStored());
        QCOMPARE(queryInt(caseDb->handle(), "SELECT count(*) FROM config_snapshot_file"), 3);

        const std::optional<StoredSnapshot> removed = removeSnapshot(*caseDb, second.id);
        QVERIFY(removed);
        QCOMPARE(removed->id, second.id);
        QCOMPARE(removed->asOf, second.asOf);
        QCOMPARE(removed->files.size(), 2u);
        QCOMPARE(snapshotTables(*caseDb), withFirstOnly); // nothing of it is left
        const SnapshotTimeline timeline = loadSnapshotTimeline(*caseDb);
        QCOMPARE(timeline.snapshots().size(), 1u);
        const auto inForce = timeline.inForceAt(utc("2026-03-01T13:00:00Z").toSecsSinceEpoch());
        QCOMPARE(inForce->id, first.id);
        QVERIFY(inForce->snapshot->networkAcls.at("acl-1").entries.front().allow);

        QVERIFY(!removeSnapshot(*caseDb, second.id)); // gone already
        QVERIFY(!removeSnapshot(*caseDb, 999));
        QCOMPARE(snapshotTables(*caseDb), withFirstOnly);
    }

    void refusesToRemoveFromAReadOnlyCase()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("readonly-remove.flowcase"));
        QTemporaryDir files;
        test::writeFile(files.filePath(QStringLiteral("vpcs.json")), kVpcs);
        qint64 id = 0;
        {
            auto writable = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
            id = importSnapshot(*writable, {files.path()}).id;
        }
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        QVERIFY_THROWS_EXCEPTION(StoreError, removeSnapshot(*caseDb, id));
        QCOMPARE(listSnapshots(*caseDb).size(), 1u);
    }

    void refusesBadInputAndLeavesTheCaseAsItWas_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        const QByteArray group = R"({"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "g", "IpPermissions": [)"
                                 R"({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}]})";
        QTest::addRow("malformed json") << "groups.json" << QByteArray("{\"SecurityGroups\": [\n  {\"GroupId\": \"sg-1\",, }\n]}")
                                        << "groups.json: line 2, column 23: malformed or truncated JSON";
        QTest::addRow("truncated json") << "groups.json" << group.left(group.size() - 20)
                                        << "groups.json: line 1, column 152: malformed or truncated JSON";
        QTest::addRow("truncated gzip") << "groups.json.gz" << test::gzip(group).left(60) << "groups.json.gz: the gzip stream is truncated";
        QTest::addRow("unknown key") << "lbs.json" << QByteArray(R"({"LoadBalancerDescriptions": []})")
                                     << "lbs.json: LoadBalancerDescriptions: unknown top-level key";
        QTest::addRow("bad item") << "groups.json" << QByteArray(group).replace("10.0.0.0/8", "10.0.0.0/33")
                                  << "groups.json: SecurityGroups[0] sg-1 IpPermissions[0] IpRanges[0]: 10.0.0.0/33 is not a CIDR block";
    }

    // One refused file refuses the snapshot: the good files beside it are not stored either.
    void refusesBadInputAndLeavesTheCaseAsItWas()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir earlier, files;
        test::writeFile(earlier.filePath(QStringLiteral("vpcs.json")), kVpcs);
        test::writeFile(files.filePath(QStringLiteral("vpcs.json")), kVpcs);
        test::writeFile(files.filePath(name), content);
        auto caseDb = newCase();
        QVERIFY(importSnapshot(*caseDb, {earlier.path()}).isStored());
        const QByteArray before = snapshotTables(*caseDb);

        const SnapshotImport refused = importSnapshot(*caseDb, {files.path()});
        QVERIFY(!refused.isStored());
        QCOMPARE(refused.load.filesRefused, 1);
        const QStringList errors = messages(refused.load, SnapshotMessage::Severity::Error);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(files.filePath(message)), qPrintable(errors.first()));
        QCOMPARE(snapshotTables(*caseDb), before);
        QCOMPARE(listSnapshots(*caseDb).size(), 1u);
    }

    void refusesPathsWithoutDocuments()
    {
        QTemporaryDir files;
        test::writeFile(files.filePath(QStringLiteral("notes.txt")), "not a document");
        auto caseDb = newCase();
        const SnapshotImport empty = importSnapshot(*caseDb, {files.path()});
        QVERIFY(!empty.isStored());
        QVERIFY2(messages(empty.load, SnapshotMessage::Severity::Error).first().endsWith(u"no describe-* file (*.json or *.json.gz) found"),
                 qPrintable(messages(empty.load, SnapshotMessage::Severity::Error).join(u'\n')));
        const SnapshotImport missing = importSnapshot(*caseDb, {files.filePath(QStringLiteral("gone.json"))});
        QVERIFY(!missing.isStored());
        QVERIFY(messages(missing.load, SnapshotMessage::Severity::Error).first().endsWith(u"gone.json: no such file or folder"));
        QVERIFY(listSnapshots(*caseDb).empty());
    }

    void storesReferencesItCannotResolveWithAWarning_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("warning");
        QTest::addRow("missing group") << QByteArray(R"({"SecurityGroups": [{"GroupId": "sg-1", "OwnerId": "111122223333", "IpPermissions": [)"
                                                     R"({"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": "sg-0gone", "UserId": "111122223333"}]}]}]})")
                                       << "sg-1 inbound all: references group sg-0gone, which the snapshot lacks";
        QTest::addRow("another account's group") << QByteArray(R"({"SecurityGroups": [{"GroupId": "sg-1", "OwnerId": "111122223333", "IpPermissions": [)"
                                                               R"({"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, )"
                                                               R"("UserIdGroupPairs": [{"GroupId": "444455556666/sg-0far"}]}]}]})")
                                                 << "sg-1 inbound tcp: references group sg-0far of another account (444455556666)";
        QTest::addRow("missing prefix list") << QByteArray(R"({"SecurityGroups": [{"GroupId": "sg-1", "IpPermissionsEgress": [)"
                                                           R"({"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "PrefixListIds": [{"PrefixListId": "pl-0gone"}]}]}]})")
                                             << "sg-1 outbound tcp: references prefix list pl-0gone, which the snapshot lacks";
        QTest::addRow("route through a missing interface")
            << QByteArray(R"({"NetworkInterfaces": [], "RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Routes": [)"
                          R"({"DestinationCidrBlock": "0.0.0.0/0", "NetworkInterfaceId": "eni-0gone", "State": "blackhole"}]}]})")
            << "rtb-1 0.0.0.0/0: routes through interface eni-0gone, which the snapshot lacks";
    }

    // Stored with the warning, which names the file and item, and comes back with the snapshot.
    void storesReferencesItCannotResolveWithAWarning()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, warning);
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("config.json"));
        test::writeFile(path, content);
        auto caseDb = newCase();
        const SnapshotImport imported = importSnapshot(*caseDb, {path});
        QVERIFY(imported.isStored());
        const QStringList warnings = messages(imported.load, SnapshotMessage::Severity::Warning);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(path + QStringLiteral(": ") + warning), qPrintable(warnings.first()));
        QCOMPARE(messages(*loadStoredSnapshot(*caseDb, imported.id), SnapshotMessage::Severity::Warning), warnings);
    }

    void storesNothingWhenCancelled()
    {
        QTemporaryDir files;
        test::writeFile(files.filePath(QStringLiteral("vpcs.json")), kVpcs);
        auto caseDb = newCase();
        const std::atomic<bool> cancel{true};
        const SnapshotImport cancelled = importSnapshot(*caseDb, {files.path()}, std::nullopt, {}, &cancel);
        QVERIFY(cancelled.cancelled);
        QVERIFY(!cancelled.isStored());
        QVERIFY(listSnapshots(*caseDb).empty());
    }

    void refusesToWriteAReadOnlyCase()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("readonly.flowcase"));
        CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing).reset();
        QTemporaryDir files;
        test::writeFile(files.filePath(QStringLiteral("vpcs.json")), kVpcs);
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        QVERIFY_THROWS_EXCEPTION(StoreError, importSnapshot(*caseDb, {files.path()}));
        QVERIFY(listSnapshots(*caseDb).empty());
    }

    // A case of schema 4 holds no snapshot read-only, and is upgraded in place to hold them.
    void upgradesASchema4Case()
    {
        const QString casePath = m_dir.filePath(QStringLiteral("schema4.flowcase"));
        CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing).reset();
        test::downgradeToSchema4(casePath.toStdString());
        {
            auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
            QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), 4);
            QVERIFY(listSnapshots(*caseDb).empty());
            QVERIFY(loadSnapshotTimeline(*caseDb).isEmpty());
        }
        QTemporaryDir files;
        test::writeFile(files.filePath(QStringLiteral("vpcs.json")), kVpcs);
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadWrite);
        QCOMPARE(queryInt(caseDb->handle(), "PRAGMA user_version"), currentSchemaVersion());
        QVERIFY(currentSchemaVersion() >= 5); // snapshots came with schema 5
        QVERIFY(importSnapshot(*caseDb, {files.path()}).isStored());
        QCOMPARE(loadSnapshotTimeline(*caseDb).snapshots().size(), 1u);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshotstore.moc"
