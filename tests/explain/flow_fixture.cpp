// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow_fixture.h"

#include "ingest/case_importer.h"
#include "store/flow_reader.h"
#include "test_files.h"

#include <QList>

namespace flowscope::test {

namespace {

constexpr const char *kHeader = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
                           "action log-status tcp-flags flow-direction subnet-id reject-reason pkt-srcaddr pkt-dstaddr\n";

} // namespace

QByteArray flowLogHeader() { return QByteArray(kHeader); }

QByteArray flowRecordLine(const QByteArray &spec)
{
    const QList<QByteArray> p = spec.split(' ');
    const auto address = [](const QByteArray &endpoint) { return endpoint.left(endpoint.lastIndexOf(':')); };
    const auto port = [](const QByteArray &endpoint) { return endpoint.mid(endpoint.lastIndexOf(':') + 1); };
    const QByteArray protocol = p[4] == "tcp" ? "6" : p[4] == "udp" ? "17" : p[4] == "icmp" ? "1" : p[4];
    const QByteArray pktSrc = p.size() > 12 ? p[12] : "-";
    const QByteArray pktDst = p.size() > 13 ? p[13] : "-";
    return "5 123456789012 " + p[0] + ' ' + address(p[1]) + ' ' + address(p[3]) + ' ' + port(p[1]) + ' ' + port(p[3]) + ' '
        + protocol + " 3 180 " + p[5] + ' ' + p[6] + ' ' + p[7] + " OK " + p[8] + ' ' + p[9] + ' ' + p[10] + ' ' + p[11]
        + ' ' + pktSrc + ' ' + pktDst + '\n';
}

QByteArray flowLogOf(const QByteArray &specs)
{
    QByteArray content = flowLogHeader();
    for (const QByteArray &spec : specs.split('\n')) {
        if (spec.isEmpty())
            continue;
        if (spec.startsWith("SKIP ")) {
            const QList<QByteArray> p = spec.split(' ');
            content += "5 123456789012 " + p[1] + " - - - - - - - " + p[2] + ' ' + p[3] + " - SKIPDATA - - - - - -\n";
        } else {
            content += flowRecordLine(spec);
        }
    }
    return content;
}

FlowFixture importFlowLog(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    FlowFixture fixture;
    const QString input = dir.filePath(name + QStringLiteral(".log"));
    writeFile(input, content);
    fixture.caseDb = CaseDb::open(dir.filePath(name + QStringLiteral(".flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
    CaseImporter(*fixture.caseDb).run({input.toStdString()}, {});
    FlowReader(*fixture.caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
        fixture.idOfLine[row.line] = row.id;
        fixture.lineOfId[row.id] = row.line;
        return true;
    });
    return fixture;
}

} // namespace flowscope::test
