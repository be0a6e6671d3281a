// SPDX-License-Identifier: GPL-3.0-or-later
// CloudTrail files at import: recognised by content (plain, gzip, in an
// AWSLogs tree or not), network events stored with the ids they name (nested
// ones too), other events counted as skipped, bad items reported with their
// place and the good ones kept, a bad file refused whole.

#include "cloudtrail_sample.h"
#include "test_files.h"

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/cloudtrail_event_rows.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace flowscope::test;

namespace {

const QString kEni = QStringLiteral("eni-0123456789abcdef0");
const QString kInstance = QStringLiteral("i-0123456789abcdef0");

QJsonObject authorize(int second, const QString &id, const QString &group)
{
    QJsonObject e = cloudTrailEvent(QStringLiteral("AuthorizeSecurityGroupIngress"), second, id);
    e.insert(QStringLiteral("requestParameters"),
             QJsonObject{{QStringLiteral("groupId"), group},
                         {QStringLiteral("ipPermissions"),
                          QJsonObject{{QStringLiteral("items"),
                                       QJsonArray{QJsonObject{{QStringLiteral("ipProtocol"), QStringLiteral("tcp")},
                                                              {QStringLiteral("fromPort"), 22}}}}}}});
    return e;
}

struct Imported {
    ImportReport report;
    std::vector<CloudTrailEventRow> events;
};

Imported importInto(const QString &casePath, const QStringList &paths)
{
    auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::CreateIfMissing);
    std::vector<std::filesystem::path> inputs;
    for (const QString &p : paths)
        inputs.emplace_back(p.toStdString());
    Imported out;
    out.report = CaseImporter(*caseDb).run(inputs, {});
    out.events = readCloudTrailEvents(caseDb->handle());
    return out;
}

bool contains(const std::vector<std::string> &list, const QString &item)
{
    return std::find(list.begin(), list.end(), item.toStdString()) != list.end();
}

} // namespace

class TestCloudTrailImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void storesNetworkEventsAndSkipsOthers()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("trail.json"));
        writeFile(file, cloudTrailFile({cloudTrailEvent(QStringLiteral("ConsoleLogin"), 0, QStringLiteral("1"),
                                                        QStringLiteral("signin.amazonaws.com")),
                                        runInstances(10, QStringLiteral("2"), {{kInstance, kEni}}),
                                        cloudTrailEvent(QStringLiteral("DescribeInstances"), 20, QStringLiteral("3")),
                                        authorize(30, QStringLiteral("4"), QStringLiteral("sg-0aaaaaaaaaaaaaaa1"))}));
        const Imported imported = importInto(dir.filePath(QStringLiteral("c.flowcase")), {file});
        QCOMPARE(imported.report.errorCount, 0u);
        QCOMPARE(imported.report.cloudTrailEvents, 2u);
        QCOMPARE(imported.report.skippedEvents, 2u);
        QCOMPARE(imported.report.records, 0u);
        QCOMPARE(imported.report.fileResults.size(), std::size_t(1));
        QCOMPARE(imported.report.fileResults[0].delivery, std::string("CloudTrail"));
        QCOMPARE(imported.report.fileResults[0].events, 2u);
        QCOMPARE(imported.report.fileResults[0].skippedEvents, 2u);

        QCOMPARE(imported.events.size(), std::size_t(2));
        const CloudTrailEventRow &launch = imported.events[0];
        QCOMPARE(launch.eventName, std::string("RunInstances"));
        QCOMPARE(launch.eventId, std::string("ev-2"));
        QCOMPARE(launch.time, std::int64_t(1773104410));
        QCOMPARE(launch.principal, std::string("arn:aws:sts::123456789012:assumed-role/pipeline/run-1"));
        QCOMPARE(launch.sourceIp, std::string("198.51.100.23"));
        QCOMPARE(launch.userAgent, std::string("aws-cli/2.15.30"));
        QCOMPARE(launch.item, std::int64_t(2));
        // The interface comes from responseElements.instancesSet.items[].networkInterfaceSet.items[].
        QVERIFY(contains(launch.resources, kEni));
        QVERIFY(contains(launch.resources, kInstance));
        QVERIFY(contains(launch.resources, QStringLiteral("sg-0aaaaaaaaaaaaaaa1")));
        QVERIFY(!contains(launch.resources, QStringLiteral("eni-attach-0123456789abcdef0")));
        QCOMPARE(launch.attachments.size(), std::size_t(1));
        QCOMPARE(launch.attachments[0].first, kEni.toStdString());
        QCOMPARE(launch.attachments[0].second, kInstance.toStdString());
        QVERIFY(launch.request.find("subnet-0123456789abcdef0") != std::string::npos);
        QVERIFY(launch.response.find("r-0123456789abcdef0") != std::string::npos);
        QCOMPARE(imported.events[1].resources, std::vector<std::string>{"sg-0aaaaaaaaaaaaaaa1"});
        QCOMPARE(imported.events[1].response, std::string("null"));
    }

    void recognisesGzipInAnAwsLogsTree()
    {
        QTemporaryDir dir;
        const QString tree = dir.filePath(QStringLiteral("AWSLogs/123456789012/CloudTrail/us-east-1/2026/03/10"));
        QVERIFY(QDir().mkpath(tree));
        writeGzip(tree + QStringLiteral("/123456789012_CloudTrail_us-east-1_20260310T0100Z_abc.json.gz"),
                  cloudTrailFile({runInstances(0, QStringLiteral("1"), {{kInstance, kEni}})}));
        // By content alone, whatever the name says.
        writeFile(dir.filePath(QStringLiteral("AWSLogs/exported.txt")),
                  "  \n" + cloudTrailFile({authorize(5, QStringLiteral("2"), QStringLiteral("sg-0aaaaaaaaaaaaaaa1"))}));
        // Digests hold hashes, no events: passed over in a folder.
        const QString digests = dir.filePath(QStringLiteral("AWSLogs/123456789012/CloudTrail-Digest/us-east-1"));
        QVERIFY(QDir().mkpath(digests));
        writeGzip(digests + QStringLiteral("/123456789012_CloudTrail-Digest_us-east-1_x.json.gz"), "{\"awsAccountId\":\"1\"}");
        const Imported imported =
            importInto(dir.filePath(QStringLiteral("c.flowcase")), {dir.filePath(QStringLiteral("AWSLogs"))});
        QCOMPARE(imported.report.failedFiles, 0u);
        QCOMPARE(imported.report.errorCount, 0u);
        QCOMPARE(imported.report.files, 2u);
        QCOMPARE(imported.events.size(), std::size_t(2));
    }

    void refusesBadFilesWhole_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("gzipped");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        const QByteArray good = cloudTrailFile({runInstances(0, QStringLiteral("1"), {{kInstance, kEni}})});
        QTest::newRow("truncated JSON") << good.left(good.size() - 20) << false << QStringLiteral("t.json")
                                        << QStringLiteral("malformed or truncated JSON at line 1, column");
        QTest::newRow("truncated gzip") << gzip(good).left(gzip(good).size() - 12) << false << QStringLiteral("t.json.gz")
                                        << QStringLiteral("the gzip stream is truncated");
        QTest::newRow("Records not an array") << QByteArray("{\"Records\": {\"eventName\": \"RunInstances\"}}") << false
                                              << QStringLiteral("r.json") << QStringLiteral("no object with a \"Records\" array");
        QTest::newRow("named as CloudTrail, no Records") << QByteArray("[1, 2]") << true
                                                         << QStringLiteral("123456789012_CloudTrail_us-east-1_x.json.gz")
                                                         << QStringLiteral("no object with a \"Records\" array");
    }

    void refusesBadFilesWhole()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, gzipped);
        QFETCH(QString, name);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString file = dir.filePath(name);
        gzipped ? writeGzip(file, content) : writeFile(file, content);
        const Imported imported = importInto(dir.filePath(QStringLiteral("c.flowcase")), {file});
        QCOMPARE(imported.report.failedFiles, 1u);
        QCOMPARE(imported.report.errors.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(imported.report.errors[0].file), file);
        QCOMPARE(imported.report.errors[0].line, 0u);
        QVERIFY2(QString::fromStdString(imported.report.errors[0].reason).contains(reason),
                 imported.report.errors[0].reason.c_str());
        QVERIFY(imported.events.empty());
    }

    void reportsBadItemsAndKeepsTheGoodOnes()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("trail.json"));
        QJsonObject noTime = authorize(0, QStringLiteral("2"), QStringLiteral("sg-0aaaaaaaaaaaaaaa1"));
        noTime.insert(QStringLiteral("eventTime"), QStringLiteral("yesterday"));
        QJsonObject noId = authorize(0, QStringLiteral("3"), QStringLiteral("sg-0aaaaaaaaaaaaaaa1"));
        noId.remove(QStringLiteral("eventID"));
        writeFile(file, cloudTrailFile({runInstances(0, QStringLiteral("1"), {{kInstance, kEni}}), noTime, 42, noId,
                                        QJsonObject{{QStringLiteral("eventSource"), QStringLiteral("ec2.amazonaws.com")}}}));
        const Imported imported = importInto(dir.filePath(QStringLiteral("c.flowcase")), {file});
        QCOMPARE(imported.report.failedFiles, 0u);
        QCOMPARE(imported.report.cloudTrailEvents, 1u);
        QCOMPARE(imported.events.size(), std::size_t(1));
        QCOMPARE(imported.report.errorCount, 4u);
        QStringList errors;
        for (const ImportIssue &issue : imported.report.errors) {
            QCOMPARE(QString::fromStdString(issue.file), file);
            errors << QString::number(issue.line) + QLatin1Char(' ') + QString::fromStdString(issue.reason);
        }
        QCOMPARE(errors, (QStringList{
            QStringLiteral("2 Records item 2: AuthorizeSecurityGroupIngress ev-2: eventTime 'yesterday' is not an ISO 8601 time"),
            QStringLiteral("3 Records item 3: not a JSON object"),
            QStringLiteral("4 Records item 4: AuthorizeSecurityGroupIngress: no eventID"),
            QStringLiteral("5 Records item 5: no eventName")}));
    }

    void storesAFileAndAnEventOnce()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("a.json"));
        const QString again = dir.filePath(QStringLiteral("copy-of-a.json"));
        const QString overlapping = dir.filePath(QStringLiteral("b.json"));
        writeFile(first, cloudTrailFile({runInstances(0, QStringLiteral("1"), {{kInstance, kEni}})}));
        writeFile(again, cloudTrailFile({runInstances(0, QStringLiteral("1"), {{kInstance, kEni}})}));
        writeFile(overlapping, cloudTrailFile({runInstances(0, QStringLiteral("1"), {{kInstance, kEni}}),
                                               authorize(9, QStringLiteral("9"), QStringLiteral("sg-0aaaaaaaaaaaaaaa1"))}));
        const Imported imported = importInto(dir.filePath(QStringLiteral("c.flowcase")), {first, again, overlapping});
        QCOMPARE(imported.report.skippedDuplicateFiles, 1u);
        QCOMPARE(imported.report.fileResults[1].duplicateOf, first.toStdString());
        QCOMPARE(imported.report.fileResults[2].events, 1u);
        QCOMPARE(imported.report.fileResults[2].duplicateEvents, 1u);
        QCOMPARE(imported.events.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestCloudTrailImport)
#include "tst_cloudtrailimport.moc"
