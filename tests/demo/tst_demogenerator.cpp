// SPDX-License-Identifier: GPL-3.0-or-later
// The demo generator: determinism, summary = file contents, every record
// parses, records stay in their windows, the incident is there, and the
// benchmark file is exact and streamed.

#include "demo/demo_generator.h"
#include "format/record_parser.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <stdexcept>

#ifdef __linux__
#include <sys/resource.h>
#endif

using namespace flowscope;

namespace {

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string gunzip(const std::filesystem::path &path)
{
    gzFile file = gzopen(path.string().c_str(), "rb");
    if (!file)
        throw std::runtime_error("cannot open " + path.string());
    std::string out;
    char buffer[1 << 16];
    int n = 0;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0)
        out.append(buffer, static_cast<std::size_t>(n));
    gzclose(file);
    return out;
}

std::string contentOf(const std::filesystem::path &path)
{
    return path.extension() == ".gz" ? gunzip(path) : readFile(path);
}

std::vector<std::string> linesOf(const std::string &text)
{
    std::vector<std::string> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) {
            lines.push_back(text.substr(begin));
            break;
        }
        lines.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return lines;
}

// SHA-256 over every file's relative path and bytes, in path order.
QByteArray hashTree(const std::filesystem::path &root)
{
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(root))
        if (entry.is_regular_file())
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &file : files) {
        const std::string relative = std::filesystem::relative(file, root).generic_string();
        const std::string bytes = readFile(file);
        hash.addData(QByteArrayView(relative.data(), static_cast<qsizetype>(relative.size())));
        hash.addData(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())));
    }
    return hash.result();
}

std::int64_t epochOfCompactUtc(const QString &stamp) // 20260310T0230Z
{
    const QString iso = stamp.mid(0, 4) + u'-' + stamp.mid(4, 2) + u'-' + stamp.mid(6, 2) + u'T' + stamp.mid(9, 2)
        + u':' + stamp.mid(11, 2) + QStringLiteral(":00Z");
    return QDateTime::fromString(iso, Qt::ISODate).toSecsSinceEpoch();
}

IpAddress address(const std::string &text)
{
    const auto parsed = IpAddress::parse(text);
    if (!parsed)
        throw std::runtime_error("bad address " + text);
    return *parsed;
}

// What the checks need of a record; FlowRecord's text views die with the line.
struct Row {
    std::string file, delivery, interfaceId, rejectReason;
    FlowRecord record;
};

struct Tally {
    std::uint64_t records = 0, nodata = 0, skipdata = 0, ipv6 = 0, reject = 0;
};

} // namespace

class TestDemoGenerator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void sameSeedGivesIdenticalFiles();
    void contentMatchesTheGoldenHashes();
    void otherSeedGivesOtherFiles();
    void everyDeliveryIsPresent();
    void filesAreWhereAwsPutsThem();
    void everyRecordParses();
    void summaryCountsMatchFiles();
    void recordsStayInTheirWindows();
    void directionAndPathAreConsistent();
    void tcpFlagsAreRealistic();
    void cloudWatchEventsCarryTheStartTime();
    void hiveObjectsCarryEcsAndBpa();
    void beaconIsPresent();
    void portScanIsPresent();
    void lateralMovementIsPresent();
    void exfiltrationIsPresent();

    void benchmarkFileHasExactlyTheRecords();
    void benchmarkIsDeterministic();
    void benchmarkStreamsInConstantMemory();

    void unwritableRootThrowsNamingThePath();
    void invalidOptionsAreRejected();

private:
    void loadDataset();
    void loadFile(const DemoFile &file);
    void addRecord(const DemoFile &file, std::string_view line, const RecordParser &parser);
    void addEvent(const DemoFile &file, const std::string &message, const RecordParser &parser, std::int64_t timestamp);

    QTemporaryDir m_dir;
    std::filesystem::path m_root;
    DemoOptions m_options;
    DemoSummary m_summary;
    std::vector<Row> m_rows;
    std::map<std::string, Tally> m_perFile;
    std::vector<std::string> m_errors;
};

void TestDemoGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = std::filesystem::path(m_dir.path().toStdString()) / "demo";
    m_summary = writeDemoDataset(m_root, m_options);
    loadDataset();
}

void TestDemoGenerator::loadDataset()
{
    for (const DemoFile &file : m_summary.files)
        loadFile(file);
}

void TestDemoGenerator::loadFile(const DemoFile &file)
{
    const std::filesystem::path path = m_root / file.relativePath;
    const std::string text = contentOf(path);
    const std::vector<std::string> lines = linesOf(text);
    m_perFile[file.relativePath]; // files without records still count

    if (file.delivery == "s3-text" || file.delivery == "s3-hive") {
        if (lines.empty() || !LogFormat::looksLikeHeader(lines.front())) {
            m_errors.push_back(file.relativePath + ": no header line");
            return;
        }
        std::string error;
        const RecordParser parser(LogFormat::parse(lines.front(), &error));
        for (std::size_t i = 1; i < lines.size(); ++i)
            addRecord(file, lines[i], parser);
    } else if (file.delivery == "cloudwatch-export") {
        const RecordParser parser(LogFormat::defaultV2());
        for (const std::string &line : lines) {
            const auto space = line.find(' ');
            const QDateTime stamp = QDateTime::fromString(QString::fromStdString(line.substr(0, space)), Qt::ISODateWithMs);
            if (space == std::string::npos || !stamp.isValid()) {
                m_errors.push_back(file.relativePath + ": no timestamp in '" + line + "'");
                continue;
            }
            addEvent(file, line.substr(space + 1), parser, stamp.toMSecsSinceEpoch());
        }
    } else if (file.delivery == "cloudwatch-json") {
        std::string error;
        const RecordParser parser(LogFormat::parse(file.logFormat, &error));
        const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(text));
        if (!json.isObject() || !json.object().value(QStringLiteral("searchedLogStreams")).isArray()) {
            m_errors.push_back(file.relativePath + ": not a filter-log-events document");
            return;
        }
        for (const QJsonValue &event : json.object().value(QStringLiteral("events")).toArray()) {
            const QJsonObject object = event.toObject();
            if (object.value(QStringLiteral("ingestionTime")).toInteger() < object.value(QStringLiteral("timestamp")).toInteger())
                m_errors.push_back(file.relativePath + ": ingested before its timestamp");
            if (object.value(QStringLiteral("eventId")).toString().size() != 56)
                m_errors.push_back(file.relativePath + ": event id is not 56 digits");
            addEvent(file, object.value(QStringLiteral("message")).toString().toStdString(), parser,
                     object.value(QStringLiteral("timestamp")).toInteger());
        }
    } else if (file.delivery == "firehose-jsonl") {
        const RecordParser parser(LogFormat::defaultV2());
        for (const std::string &line : lines) {
            const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(line));
            addEvent(file, json.object().value(QStringLiteral("message")).toString().toStdString(), parser,
                     json.object().value(QStringLiteral("timestamp")).toInteger());
        }
    } else {
        m_errors.push_back(file.relativePath + ": unknown delivery " + file.delivery);
    }
}

void TestDemoGenerator::addEvent(const DemoFile &file, const std::string &message, const RecordParser &parser,
                                 std::int64_t timestamp)
{
    const std::size_t before = m_rows.size();
    addRecord(file, message, parser);
    // CloudWatch stamps a flow-log event with the record's start.
    if (m_rows.size() > before && m_rows.back().record.start * 1000 != timestamp)
        m_errors.push_back(file.relativePath + ": event time is not the start of '" + message + "'");
}

void TestDemoGenerator::addRecord(const DemoFile &file, std::string_view line, const RecordParser &parser)
{
    Row row;
    std::string reason;
    if (!parser.parse(line, row.record, &reason)) {
        m_errors.push_back(file.relativePath + ": " + reason + " in '" + std::string(line) + "'");
        return;
    }
    const FlowRecord &r = row.record;
    row.file = file.relativePath;
    row.delivery = file.delivery;
    row.interfaceId = std::string(r.textOf(Field::InterfaceId));
    if (parser.format().contains(Field::RejectReason))
        row.rejectReason = std::string(r.textOf(Field::RejectReason));
    row.record.text.fill({});

    Tally &tally = m_perFile[file.relativePath];
    ++tally.records;
    if (r.logStatus == LogStatus::NoData)
        ++tally.nodata;
    else if (r.logStatus == LogStatus::SkipData)
        ++tally.skipdata;
    else {
        if (!r.srcAddr.isV4())
            ++tally.ipv6;
        if (r.action == Action::Reject)
            ++tally.reject;
    }
    m_rows.push_back(std::move(row));
}

void TestDemoGenerator::sameSeedGivesIdenticalFiles()
{
    QTemporaryDir dir;
    DemoOptions options;
    options.hours = 2;
    options.recordsPerHour = 1500;
    const std::filesystem::path a = std::filesystem::path(dir.path().toStdString()) / "a";
    const std::filesystem::path b = std::filesystem::path(dir.path().toStdString()) / "b";
    const DemoSummary first = writeDemoDataset(a, options);
    const DemoSummary second = writeDemoDataset(b, options);
    QCOMPARE(hashTree(a), hashTree(b));
    QCOMPARE(first.records, second.records);
    QCOMPARE(first.files.size(), second.files.size());

    // Regenerating over an existing tree overwrites it with the same bytes.
    writeDemoDataset(a, options);
    QCOMPARE(hashTree(a), hashTree(b));
}

// The generated text must not depend on the compiler or standard library
// (argument evaluation order, distributions, sorting). The hashes cover the
// decompressed content, so another zlib build cannot change them. Update them
// only when the generator is changed on purpose.
void TestDemoGenerator::contentMatchesTheGoldenHashes()
{
    QTemporaryDir dir;
    const std::filesystem::path root(dir.path().toStdString());
    DemoOptions options;
    options.hours = 1;
    options.recordsPerHour = 1000;
    const DemoSummary summary = writeDemoDataset(root / "demo", options);
    QCryptographicHash dataset(QCryptographicHash::Sha256);
    for (const DemoFile &file : summary.files) {
        const std::string content = file.relativePath + '\n' + contentOf(root / "demo" / file.relativePath);
        dataset.addData(QByteArrayView(content.data(), static_cast<qsizetype>(content.size())));
    }
    writeBenchmarkFile(root / "bench.log.gz", 3000, 1);
    const std::string bench = gunzip(root / "bench.log.gz");
    const QByteArray benchHash = QCryptographicHash::hash(QByteArrayView(bench.data(), static_cast<qsizetype>(bench.size())),
                                                          QCryptographicHash::Sha256);
    QCOMPARE(dataset.result().toHex(), QByteArray("16a69a5de682cd023593866889c24cfccd5e644f2c61d44e1f0147f7e3c21834"));
    QCOMPARE(benchHash.toHex(), QByteArray("a274cc06b50e765724d5537b6ae965bd7d52bfdf587e978d795eeeb638741797"));
}

void TestDemoGenerator::otherSeedGivesOtherFiles()
{
    QTemporaryDir dir;
    DemoOptions options;
    options.hours = 2;
    options.recordsPerHour = 1500;
    const std::filesystem::path a = std::filesystem::path(dir.path().toStdString()) / "a";
    const std::filesystem::path b = std::filesystem::path(dir.path().toStdString()) / "b";
    writeDemoDataset(a, options);
    options.seed += 1;
    writeDemoDataset(b, options);
    QVERIFY(hashTree(a) != hashTree(b));
}

void TestDemoGenerator::everyDeliveryIsPresent()
{
    std::map<std::string, int> files;
    for (const DemoFile &file : m_summary.files) {
        ++files[file.delivery];
        QVERIFY2(std::filesystem::is_regular_file(m_root / file.relativePath), file.relativePath.c_str());
        // Only the header-less, non-default JSON document needs a format string.
        QCOMPARE(file.logFormat.empty(), file.delivery != "cloudwatch-json");
    }
    QVERIFY(files["s3-text"] >= 6 && files["s3-text"] <= 24); // a handful, not hundreds
    QVERIFY(files["s3-hive"] >= 1);
    QVERIFY(files["cloudwatch-export"] >= 1);
    QCOMPARE(files["cloudwatch-json"], 1);
    QCOMPARE(files["firehose-jsonl"], 1);

    // The S3 objects hold the bulk of the data.
    std::uint64_t s3 = 0;
    for (const DemoFile &file : m_summary.files)
        if (file.delivery == "s3-text")
            s3 += file.records;
    QVERIFY(s3 * 10 > m_summary.records * 7);
}

void TestDemoGenerator::filesAreWhereAwsPutsThem()
{
    const QRegularExpression s3(QStringLiteral(
        "^AWSLogs/123456789012/vpcflowlogs/us-east-1/\\d{4}/\\d\\d/\\d\\d/"
        "123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f6a7b8_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz$"));
    const QRegularExpression hive(QStringLiteral(
        "^AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/"
        "year=\\d{4}/month=\\d\\d/day=\\d\\d/hour=\\d\\d/123456789012_vpcflowlogs_eu-west-1_fl-[0-9a-f]{17}_"
        "\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz$"));
    const QRegularExpression exported(QStringLiteral(
        "^exportedlogs/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/eni-[0-9a-f]{17}-all/000000\\.gz$"));
    for (const DemoFile &file : m_summary.files) {
        const QString path = QString::fromStdString(file.relativePath);
        if (file.delivery == "s3-text")
            QVERIFY2(s3.match(path).hasMatch(), file.relativePath.c_str());
        else if (file.delivery == "s3-hive")
            QVERIFY2(hive.match(path).hasMatch(), file.relativePath.c_str());
        else if (file.delivery == "cloudwatch-export")
            QVERIFY2(exported.match(path).hasMatch(), file.relativePath.c_str());
    }
}

void TestDemoGenerator::everyRecordParses()
{
    QVERIFY2(m_errors.empty(), m_errors.empty() ? "" : m_errors.front().c_str());
    QVERIFY(m_rows.size() > 20000);
}

void TestDemoGenerator::summaryCountsMatchFiles()
{
    Tally total;
    for (const DemoFile &file : m_summary.files) {
        const Tally &tally = m_perFile[file.relativePath];
        QVERIFY2(tally.records == file.records, file.relativePath.c_str());
        total.records += tally.records;
        total.nodata += tally.nodata;
        total.skipdata += tally.skipdata;
        total.ipv6 += tally.ipv6;
        total.reject += tally.reject;
    }
    QCOMPARE(total.records, m_summary.records);
    QCOMPARE(total.nodata, m_summary.nodataRecords);
    QCOMPARE(total.skipdata, m_summary.skipdataRecords);
    QCOMPARE(total.ipv6, m_summary.ipv6Records);
    QCOMPARE(total.reject, m_summary.rejectRecords);
    QVERIFY(m_summary.nodataRecords > 0);
    QVERIFY(m_summary.skipdataRecords > 0);
    QVERIFY(m_summary.ipv6Records > 100);
    QVERIFY(m_summary.rejectRecords > 500);

    // Background volume follows recordsPerHour; the incident comes on top.
    const auto background = static_cast<std::uint64_t>(m_options.hours) * static_cast<std::uint64_t>(m_options.recordsPerHour);
    QVERIFY(m_summary.records >= background);
    QVERIFY(m_summary.records < background * 3 / 2);
}

void TestDemoGenerator::recordsStayInTheirWindows()
{
    const std::int64_t spanStart = m_options.startEpoch;
    const std::int64_t spanEnd = spanStart + m_options.hours * 3600;

    // Each S3 object covers [its name's time, the next object's time).
    const QRegularExpression stamp(QStringLiteral("_(\\d{8}T\\d{4}Z)_[0-9a-f]{8}\\.log\\.gz$"));
    std::map<std::int64_t, std::string> s3Objects;
    for (const DemoFile &file : m_summary.files)
        if (file.delivery == "s3-text")
            s3Objects[epochOfCompactUtc(stamp.match(QString::fromStdString(file.relativePath)).captured(1))] = file.relativePath;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> windows;
    for (auto it = s3Objects.begin(); it != s3Objects.end(); ++it) {
        const auto next = std::next(it);
        windows[it->second] = {it->first, next == s3Objects.end() ? spanEnd : next->first};
    }
    QCOMPARE(s3Objects.begin()->first, spanStart);

    for (const Row &row : m_rows) {
        const FlowRecord &r = row.record;
        QVERIFY(r.has(Field::Start) && r.has(Field::End));
        QVERIFY2(r.end >= r.start, row.file.c_str());
        QVERIFY(r.start >= spanStart && r.end < spanEnd);
        // 60-second aggregation: a record never spans more than one interval.
        QVERIFY(r.end - r.start < 60);
        if (const auto w = windows.find(row.file); w != windows.end())
            QVERIFY2(r.start >= w->second.first && r.end < w->second.second, row.file.c_str());
    }
}

void TestDemoGenerator::directionAndPathAreConsistent()
{
    for (const Row &row : m_rows) {
        const FlowRecord &r = row.record;
        if (r.logStatus != LogStatus::Ok || !r.has(Field::FlowDirection))
            continue;
        // traffic-path is only written for egress.
        if (r.direction == FlowDirection::Ingress)
            QVERIFY(!r.has(Field::TrafficPath));
        else
            QVERIFY(r.has(Field::TrafficPath) && r.trafficPath >= 1 && r.trafficPath <= 8);
        if (r.protocol == 1 || r.protocol == 58)
            QVERIFY(r.srcPort == 0 && r.dstPort == 0);
        QVERIFY(r.bytes >= r.packets * 28);
        QVERIFY(r.packets >= 1);
    }
}

void TestDemoGenerator::tcpFlagsAreRealistic()
{
    const std::set<int> allowed{0, 1, 2, 3, 6, 18, 19};
    std::set<int> seen;
    for (const Row &row : m_rows) {
        const FlowRecord &r = row.record;
        if (!r.has(Field::TcpFlags))
            continue;
        QVERIFY2(allowed.count(r.tcpFlags), std::to_string(r.tcpFlags).c_str());
        if (r.protocol != 6)
            QCOMPARE(int(r.tcpFlags), 0);
        seen.insert(r.tcpFlags);
    }
    for (int flags : {0, 1, 2, 3, 18, 19})
        QVERIFY2(seen.count(flags), std::to_string(flags).c_str());
}

void TestDemoGenerator::cloudWatchEventsCarryTheStartTime()
{
    // Checked while loading (addEvent); here: the CloudWatch rows exist.
    std::set<std::string> deliveries;
    for (const Row &row : m_rows)
        deliveries.insert(row.delivery);
    QVERIFY(deliveries.count("cloudwatch-export"));
    QVERIFY(deliveries.count("cloudwatch-json"));
    QVERIFY(deliveries.count("firehose-jsonl"));
}

void TestDemoGenerator::hiveObjectsCarryEcsAndBpa()
{
    int bpa = 0;
    int hiveRows = 0;
    for (const Row &row : m_rows) {
        if (row.delivery != "s3-hive")
            continue;
        ++hiveRows;
        QCOMPARE(row.record.version, 8u);
        if (row.rejectReason == "BPA") {
            ++bpa;
            QCOMPARE(row.record.action, Action::Reject);
        }
    }
    QVERIFY(hiveRows > 0);
    QVERIFY(bpa > 0);
    const std::string hive = gunzip(m_root / std::find_if(m_summary.files.begin(), m_summary.files.end(), [](const DemoFile &f) {
                                         return f.delivery == "s3-hive";
                                     })->relativePath);
    QVERIFY(hive.find("ecs-cluster-arn") != std::string::npos);
    QVERIFY(hive.find("arn:aws:ecs:eu-west-1:") != std::string::npos);
}

void TestDemoGenerator::beaconIsPresent()
{
    const IpAddress source = address(m_summary.beaconSource);
    const IpAddress destination = address(m_summary.beaconDestination);
    QCOMPARE(m_summary.beaconPeriodSeconds, 60);
    std::vector<std::int64_t> starts;
    std::set<std::uint64_t> sizes;
    for (const Row &row : m_rows) {
        if (row.record.srcAddr == source && row.record.dstAddr == destination) {
            starts.push_back(row.record.start);
            sizes.insert(row.record.bytes);
            QCOMPARE(row.record.dstPort, std::uint16_t(443));
            QCOMPARE(row.record.protocol, std::uint8_t(6));
        }
    }
    QCOMPARE(starts.size(), m_summary.beaconRecords);
    const auto expected = static_cast<std::size_t>(m_options.hours * 3600 / m_summary.beaconPeriodSeconds);
    QVERIFY2(starts.size() >= expected * 95 / 100 && starts.size() <= expected * 105 / 100,
             std::to_string(starts.size()).c_str());
    // Regular: most gaps within a few seconds of the period; sizes nearly constant.
    std::sort(starts.begin(), starts.end());
    std::size_t regular = 0;
    for (std::size_t i = 1; i < starts.size(); ++i)
        regular += std::abs(starts[i] - starts[i - 1] - 60) <= 6 ? 1 : 0;
    QVERIFY(regular * 10 >= (starts.size() - 1) * 9);
    QVERIFY(sizes.size() <= 5);
    QVERIFY(m_summary.beaconSource.rfind("10.0.", 0) == 0);
}

void TestDemoGenerator::portScanIsPresent()
{
    const IpAddress scanner = address(m_summary.scannerAddress);
    const IpAddress target = address(m_summary.scanTarget);
    std::set<int> ports, acceptedPorts;
    int rejected = 0, probes = 0;
    std::int64_t first = INT64_MAX, last = 0;
    for (const Row &row : m_rows) {
        const FlowRecord &r = row.record;
        if (!(r.srcAddr == scanner && r.dstAddr == target))
            continue;
        ++probes;
        ports.insert(r.dstPort);
        first = std::min(first, r.start);
        last = std::max(last, r.end);
        if (r.action == Action::Reject)
            ++rejected;
        else
            acceptedPorts.insert(r.dstPort);
    }
    QVERIFY(int(ports.size()) >= 900);
    QCOMPARE(int(ports.size()), m_summary.scannedPorts);
    QVERIFY(rejected * 100 >= probes * 95);
    QVERIFY(acceptedPorts.count(22) && acceptedPorts.count(443));
    QVERIFY(acceptedPorts.size() <= 3);
    QVERIFY(last - first <= 10 * 60); // a few minutes
    QVERIFY(first >= m_summary.scanStart && last <= m_summary.scanEnd + 60);
}

void TestDemoGenerator::lateralMovementIsPresent()
{
    const IpAddress source = address(m_summary.lateralSource);
    const IpAddress naclTarget = address(m_summary.lateralNaclTarget);
    std::set<std::string> rejectedTargets;
    const std::set<int> lateralPorts{22, 3389, 445, 5985};
    struct Key {
        std::string eni;
        int srcPort, dstPort;
        bool operator<(const Key &o) const { return std::tie(eni, srcPort, dstPort) < std::tie(o.eni, o.srcPort, o.dstPort); }
    };
    std::set<Key> acceptedInbound, rejectedReplies;
    for (const Row &row : m_rows) {
        const FlowRecord &r = row.record;
        if (r.logStatus != LogStatus::Ok)
            continue;
        if (r.srcAddr == source && lateralPorts.count(r.dstPort) && r.action == Action::Reject
            && r.direction == FlowDirection::Ingress)
            rejectedTargets.insert(r.dstAddr.toString());
        if (r.srcAddr == source && r.dstAddr == naclTarget && r.dstPort == 22 && r.action == Action::Accept
            && r.direction == FlowDirection::Ingress)
            acceptedInbound.insert({row.interfaceId, r.srcPort, r.dstPort});
        if (r.srcAddr == naclTarget && r.dstAddr == source && r.srcPort == 22 && r.action == Action::Reject
            && r.direction == FlowDirection::Egress)
            rejectedReplies.insert({row.interfaceId, r.dstPort, r.srcPort});
    }
    QVERIFY(rejectedTargets.size() >= 3);
    for (const std::string &target : rejectedTargets)
        QVERIFY(std::find(m_summary.lateralTargets.begin(), m_summary.lateralTargets.end(), target)
                != m_summary.lateralTargets.end());
    // Inbound request accepted, reverse 5-tuple reply rejected on the same interface: the NACL pattern.
    std::vector<Key> pattern;
    std::set_intersection(acceptedInbound.begin(), acceptedInbound.end(), rejectedReplies.begin(),
                          rejectedReplies.end(), std::back_inserter(pattern));
    QCOMPARE(pattern.size(), std::size_t(1));
}

void TestDemoGenerator::exfiltrationIsPresent()
{
    const IpAddress source = address(m_summary.exfiltrationSource);
    const IpAddress destination = address(m_summary.exfiltrationDestination);
    QVERIFY(m_summary.exfiltrationBytes >= 500'000'000); // what the exfiltration detector needs by default
    // Each record once (deliveries repeat them), its bytes added up per interface.
    std::set<std::tuple<std::string, std::int64_t, std::uint64_t>> seen;
    std::map<std::string, std::uint64_t> perInterface;
    for (const Row &row : m_rows) {
        const FlowRecord &r = row.record;
        if (r.logStatus != LogStatus::Ok || !(r.srcAddr == source) || !(r.dstAddr == destination))
            continue;
        QCOMPARE(r.action, Action::Accept);
        QVERIFY(r.start >= m_summary.exfiltrationStart && r.start < m_summary.exfiltrationStart + 15 * 60);
        if (seen.insert({row.interfaceId, r.start, r.bytes}).second)
            perInterface[row.interfaceId] += r.bytes;
    }
    QVERIFY(!perInterface.empty()); // the instance's interface (the NAT gateway logs its own address)
    for (const auto &[eni, bytes] : perInterface)
        QCOMPARE(bytes, m_summary.exfiltrationBytes);
}

void TestDemoGenerator::benchmarkFileHasExactlyTheRecords()
{
    QTemporaryDir dir;
    const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "bench" / "flows.log.gz";
    QCOMPARE(writeBenchmarkFile(file, 10000), std::uint64_t(10000));
    const std::vector<std::string> lines = linesOf(gunzip(file));
    QCOMPARE(lines.size(), std::size_t(10001));
    QCOMPARE(lines.front(), benchmarkHeaderLine());
    std::string error;
    const LogFormat format = LogFormat::parse(lines.front(), &error);
    QCOMPARE(format.fields().size(), std::size_t(29));
    QCOMPARE(format.version(), 5);
    QVERIFY(!format.isDefaultV2());
    QVERIFY(format.fields().front() == Field::Version && format.fields()[1] == Field::SrcAddr);
    const RecordParser parser(format);
    FlowRecord record;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::string reason;
        QVERIFY2(parser.parse(lines[i], record, &reason), (reason + ": " + lines[i]).c_str());
        QVERIFY(record.end >= record.start);
        QCOMPARE(record.version, 5u);
    }
    QCOMPARE(writeBenchmarkFile(file, 0), std::uint64_t(0));
    QCOMPARE(linesOf(gunzip(file)).size(), std::size_t(1));
}

void TestDemoGenerator::benchmarkIsDeterministic()
{
    QTemporaryDir dir;
    const std::filesystem::path a = std::filesystem::path(dir.path().toStdString()) / "a.log.gz";
    const std::filesystem::path b = std::filesystem::path(dir.path().toStdString()) / "b.log.gz";
    const std::filesystem::path c = std::filesystem::path(dir.path().toStdString()) / "c.log.gz";
    writeBenchmarkFile(a, 5000, 7);
    writeBenchmarkFile(b, 5000, 7);
    writeBenchmarkFile(c, 5000, 8);
    QVERIFY(readFile(a) == readFile(b));
    QVERIFY(readFile(a) != readFile(c));
}

void TestDemoGenerator::benchmarkStreamsInConstantMemory()
{
#ifdef __linux__
    QTemporaryDir dir;
    const std::filesystem::path file = std::filesystem::path(dir.path().toStdString()) / "big.log.gz";
    writeBenchmarkFile(file, 1000);
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    // 400k records are ~100 MB of text: buffering them would raise the peak far above the bound.
    QCOMPARE(writeBenchmarkFile(file, 400000), std::uint64_t(400000));
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    const long growthKiB = after.ru_maxrss - before.ru_maxrss;
    QVERIFY2(growthKiB < 24 * 1024, std::to_string(growthKiB).c_str());
    QVERIFY(std::filesystem::file_size(file) < 100u * 1024 * 1024);
#else
    QSKIP("peak memory is measured with Linux getrusage units");
#endif
}

void TestDemoGenerator::unwritableRootThrowsNamingThePath()
{
    QTemporaryDir dir;
    const std::filesystem::path blocker = std::filesystem::path(dir.path().toStdString()) / "not-a-directory";
    std::ofstream(blocker) << "x";
    const std::filesystem::path root = blocker / "demo";
    try {
        DemoOptions options;
        options.hours = 1;
        writeDemoDataset(root, options);
        QFAIL("no exception");
    } catch (const std::runtime_error &e) {
        QVERIFY2(std::string(e.what()).find(blocker.string()) != std::string::npos, e.what());
    }
    try {
        writeBenchmarkFile(blocker / "bench.log.gz", 10);
        QFAIL("no exception");
    } catch (const std::runtime_error &e) {
        QVERIFY2(std::string(e.what()).find(blocker.string()) != std::string::npos, e.what());
    }
}

void TestDemoGenerator::invalidOptionsAreRejected()
{
    QTemporaryDir dir;
    const std::filesystem::path root(dir.path().toStdString());
    DemoOptions options;
    options.hours = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writeDemoDataset(root, options));
    options = {};
    options.recordsPerHour = -1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, writeDemoDataset(root, options));
}

QTEST_APPLESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
