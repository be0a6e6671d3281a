// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain_case.h"

#include "test_files.h"

#include "explain/snapshot_store.h"
#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "store/flow_reader.h"

#include <QDir>

#include <stdexcept>

namespace flowscope::test {

ExplainCase writeExplainCase(const QString &folder, const QString &name, bool withSnapshot, bool more, int scanPorts)
{
    QByteArray records =
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action "
        "log-status tcp-flags flow-direction subnet-id reject-reason\n"
        "5 123456789012 eni-0app1 203.0.113.7 10.0.1.10 51234 443 6 3 180 1000 1059 ACCEPT OK 2 ingress subnet-0app -\n"
        "5 123456789012 eni-0app1 10.0.1.10 203.0.113.7 443 51234 6 3 180 1000 1059 REJECT OK 18 egress subnet-0app -\n"
        "5 123456789012 eni-0web1 203.0.113.50 10.0.3.21 50000 22 6 1 60 1100 1159 REJECT OK 2 ingress subnet-0web -\n"
        "5 123456789012 eni-0web1 203.0.113.51 10.0.3.21 50001 22 6 1 60 1200 1259 REJECT OK 2 ingress subnet-0web -\n";
    if (more)
        records += "5 123456789012 eni-0app1 10.0.1.10 198.51.100.20 40000 443 6 1 60 1300 1359 ACCEPT OK 2 egress subnet-0app -\n"
                   "5 123456789012 eni-0web1 10.0.3.21 198.51.100.21 40001 5432 6 1 60 1400 1459 ACCEPT OK 2 egress subnet-0web -\n"
                   "5 123456789012 eni-0app1 203.0.113.8 10.0.1.10 51299 443 6 1 60 1500 1559 REJECT OK 2 ingress subnet-0app -\n";
    for (int i = 0; i < scanPorts; ++i)
        records += "5 123456789012 eni-0web1 198.51.100.66 10.0.3.21 45000 " + QByteArray::number(1000 + i)
            + " 6 1 40 1600 1659 REJECT OK 2 ingress subnet-0web -\n";
    const QString input = QDir(folder).filePath(name + QStringLiteral(".log"));
    writeFile(input, records);
    ExplainCase result;
    result.path = QDir(folder).filePath(name + QStringLiteral(".flowcase"));
    auto caseDb = CaseDb::open(result.path.toStdString(), CaseDb::Mode::CreateIfMissing);
    CaseImporter(*caseDb).run({input.toStdString()}, {});
    if (withSnapshot) {
        const auto imported = explain::importSnapshot(*caseDb, {QStringLiteral(FLOWSCOPE_EXPLAIN_DATA "/estate")},
                                                      QDateTime::fromSecsSinceEpoch(500, Qt::UTC));
        if (!imported.isStored())
            throw std::runtime_error("the estate snapshot was refused");
    }
    FlowReader(*caseDb).forEachInTimeOrder(-1, [&](const FlowRow &row) {
        result.idOfLine[int(row.line)] = row.id;
        return true;
    });
    return result;
}

} // namespace flowscope::test
