// SPDX-License-Identifier: GPL-3.0-or-later
#include "detect_case.h"

#include "detect/detection_run.h"
#include "detect/detector_registry.h"
#include "explain/snapshot_store.h"
#include "ingest/case_importer.h"
#include "selection/case_filter.h"
#include "store/block_scan.h"
#include "test_files.h"

#include <QTest>

#include <algorithm>

namespace flowscope::test {

namespace {

QByteArray flowLog(const std::vector<LogLine> &lines)
{
    const bool packetLevel =
        std::any_of(lines.begin(), lines.end(), [](const LogLine &l) { return !l.pktSrc.empty() || !l.pktDst.empty(); });
    QByteArray out = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
                     "action log-status tcp-flags";
    out += packetLevel ? " pkt-srcaddr pkt-dstaddr\n" : "\n";
    const auto orDash = [](const std::string &text) { return text.empty() ? std::string("-") : text; };
    for (const LogLine &l : lines) {
        const std::int64_t end = l.end ? l.end : l.start + 60;
        std::string line;
        if (l.status != "OK")
            line = "5 123456789012 " + l.eni + " - - - - - - - " + std::to_string(l.start) + ' ' + std::to_string(end)
                + " - " + l.status + " -";
        else
            line = "5 123456789012 " + l.eni + ' ' + l.src + ' ' + l.dst + ' ' + std::to_string(l.srcPort) + ' '
                + std::to_string(l.dstPort) + ' ' + std::to_string(l.protocol) + " 1 " + std::to_string(l.bytes) + ' '
                + std::to_string(l.start) + ' ' + std::to_string(end) + (l.reject ? " REJECT OK " : " ACCEPT OK ")
                + (l.flags < 0 ? std::string("-") : std::to_string(l.flags));
        if (packetLevel)
            line += ' ' + orDash(l.pktSrc) + ' ' + orDash(l.pktDst);
        out += QByteArray::fromStdString(line) + '\n';
    }
    return out;
}

} // namespace

DetectCase::DetectCase(const std::vector<LogLine> &lines)
{
    const QString log = m_dir.filePath(QStringLiteral("in.log"));
    writeFile(log, flowLog(lines));
    m_case = CaseDb::open(m_dir.filePath(QStringLiteral("d.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
    const ImportReport report = CaseImporter(*m_case).run({log.toStdString()}, {});
    if (report.records != lines.size())
        qFatal("generated flow log imported %llu of %zu records", static_cast<unsigned long long>(report.records),
               lines.size());
}

DetectCase::DetectCase(const std::vector<LogLine> &lines, const QByteArray &networkInterfaces)
    : DetectCase(lines)
{
    explain::SnapshotSource source{m_dir.filePath(QStringLiteral("network-interfaces.json")),
                                   QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC), networkInterfaces};
    if (!explain::importSnapshotSources(*m_case, {source}).isStored())
        qFatal("the generated snapshot was refused");
}

std::vector<LogLine> throughNatGateway(const LogLine &request, const std::string &address, bool packetLevel,
                                       const std::string &eni)
{
    LogLine inside = request;
    inside.eni = eni;
    inside.dst = address;
    if (packetLevel) {
        inside.pktSrc = request.src;
        inside.pktDst = request.dst;
    }
    LogLine outside = request;
    outside.eni = eni;
    outside.src = address;
    outside.srcPort = 1024 + (request.srcPort * 7) % 60000;
    return {inside, outside};
}

std::vector<LogLine> loggedAt(const std::vector<LogLine> &lines, const std::vector<std::string> &enis)
{
    std::vector<LogLine> out;
    for (const std::string &eni : enis)
        for (LogLine line : lines) {
            line.eni = eni;
            out.push_back(line);
        }
    return out;
}

void addLoggedAtRows()
{
    QTest::addColumn<std::vector<std::string>>("interfaces");
    QTest::newRow("one interface") << std::vector<std::string>{"eni-a"};
    QTest::newRow("both ends") << std::vector<std::string>{"eni-a", "eni-b"};
    QTest::newRow("both ends and an appliance") << std::vector<std::string>{"eni-a", "eni-b", "eni-fw"};
}

QByteArray natGatewayInterfaces(const std::string &gatewayEni, const std::string &gatewayAddress,
                                const std::string &instanceEni, const std::string &instanceAddress)
{
    const auto interface = [](const std::string &eni, const std::string &type, const std::string &address) {
        return R"({"NetworkInterfaceId": ")" + eni + R"(", "SubnetId": "subnet-1", "VpcId": "vpc-1", "InterfaceType": ")"
            + type + R"(", "Groups": [], "PrivateIpAddresses": [{"Primary": true, "PrivateIpAddress": ")" + address
            + R"("}]})";
    };
    return QByteArray::fromStdString(R"({"NetworkInterfaces": [)" + interface(gatewayEni, "nat_gateway", gatewayAddress)
                                     + ", " + interface(instanceEni, "interface", instanceAddress) + "]}");
}

std::vector<LogLine> withGateway(const std::vector<LogLine> &requests, bool atInstance, bool packetLevel)
{
    std::vector<LogLine> out;
    for (LogLine request : requests) {
        request.eni = "eni-app";
        if (atInstance)
            out.push_back(request);
        for (const LogLine &leg : throughNatGateway(request, "10.0.0.220", packetLevel))
            out.push_back(leg);
    }
    return out;
}

void addNatGatewayRows()
{
    QTest::addColumn<bool>("atInstance");
    QTest::addColumn<bool>("packetLevel");
    QTest::addColumn<bool>("snapshot");
    QTest::newRow("instance and gateway, pkt-dstaddr") << true << true << false;
    QTest::newRow("gateway alone, pkt-dstaddr") << false << true << false;
    QTest::newRow("instance and gateway, snapshot") << true << false << true;
    QTest::newRow("gateway alone, snapshot") << false << false << true;
}

DetectCase natGatewayCase(const std::vector<LogLine> &lines, bool snapshot)
{
    return snapshot ? DetectCase(lines, natGatewayInterfaces("eni-nat", "10.0.0.220", "eni-app", "10.0.1.5"))
                    : DetectCase(lines);
}

std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>> selectedPerInterface(CaseDb &caseDb,
                                                                                     const std::string &expression)
{
    const auto compiled = CaseFilter::compile(caseDb, expression);
    if (const auto *error = std::get_if<FilterError>(&compiled)) {
        qWarning("evidence filter '%s' does not parse: %s", expression.c_str(), error->message.c_str());
        return {{0, {UINT64_MAX, UINT64_MAX}}};
    }
    const auto &filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
    std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>> out;
    scanRecords(caseDb, filter->blocks(), [&](const EncodedFlow &flow, std::int64_t) {
        if (!filter->predicate()(flow))
            return;
        auto &[records, bytes] = out[flow.interface];
        ++records;
        bytes += flow.has(Field::Bytes) ? flow.bytes : 0;
    });
    return out;
}

std::pair<std::uint64_t, std::uint64_t> selected(CaseDb &caseDb, const std::string &expression)
{
    std::pair<std::uint64_t, std::uint64_t> total;
    for (const auto &[interface, share] : selectedPerInterface(caseDb, expression)) {
        if (share.first == UINT64_MAX)
            return share;
        total.first += share.first;
        total.second += share.second;
    }
    return total;
}

std::vector<Finding> DetectCase::run(const std::string &type, const std::vector<std::pair<std::string, std::string>> &settings,
                                     const std::string &filterText)
{
    DetectorSelection selection = selectDetectors({type}, settings);
    if (!selection.error.empty())
        qFatal("%s", selection.error.c_str());
    DetectionRequest request;
    const auto compiled = CaseFilter::compile(*m_case, filterText);
    request.filter = std::get<std::shared_ptr<const CaseFilter>>(compiled);
    for (auto &d : selection.detectors)
        request.detectors.push_back(d.get());
    request.runsLast = selection.runsLast;
    const DetectionResult result = runDetections(*m_case, request);
    for (const Finding &f : result.findings) {
        // The evidence is every interface's records; the finding counts a
        // flow logged at several interfaces once, so its figures lie between
        // the busiest interface's and all of them, and equal them for one.
        const auto perInterface = selectedPerInterface(*m_case, f.evidenceFilter);
        std::uint64_t records = 0, bytes = 0, busiest = 0;
        for (const auto &[interface, share] : perInterface) {
            records += share.first;
            bytes += share.second;
            busiest = std::max(busiest, share.first);
        }
        if (perInterface.size() <= 1 ? records != f.records || bytes != f.bytes
                                      : f.records < busiest || f.records > records || f.bytes > bytes)
            qWarning("%s: evidence filter '%s' selects %llu records, %llu bytes at %zu interfaces; the finding has %llu, %llu",
                     f.id.c_str(), f.evidenceFilter.c_str(), static_cast<unsigned long long>(records),
                     static_cast<unsigned long long>(bytes), perInterface.size(), static_cast<unsigned long long>(f.records),
                     static_cast<unsigned long long>(f.bytes));
        [&] {
            QVERIFY(f.records > 0);
            if (perInterface.size() <= 1) {
                QCOMPARE(records, f.records);
                QCOMPARE(bytes, f.bytes);
            } else {
                QVERIFY(f.records >= busiest);
                QVERIFY(f.records <= records);
                QVERIFY(f.bytes <= bytes);
            }
        }();
    }
    return result.findings;
}

std::string describe(const Finding &f)
{
    return (f.src ? f.src->toString() : "-") + ' ' + (f.dst ? f.dst->toString() : "-") + ' '
        + (f.dstPort ? std::to_string(*f.dstPort) : "-") + ' ' + std::to_string(f.records);
}

} // namespace flowscope::test
