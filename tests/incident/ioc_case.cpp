// SPDX-License-Identifier: GPL-3.0-or-later
#include "ioc_case.h"

#include "ingest/case_importer.h"
#include "store/case_db.h"
#include "test_files.h"

#include <QDir>

namespace flowscope::test {

IocCase makeIocCase(const QString &folder)
{
    QByteArray log;
    for (int b = 0; b < IocCase::kBlocks; ++b) {
        for (int i = 0; i < 4096; ++i) {
            const bool plantedV4 = b == 1 && i % 512 == 0;
            const bool plantedV6 = b == 2 && i == 100;
            const QByteArray src = plantedV6 ? QByteArray("2001:db8:1::5") : "10.0." + QByteArray::number(b) + "." + QByteArray::number(i % 200);
            const QByteArray dst = plantedV4 ? QByteArray("198.51.100.7")
                : plantedV6                  ? QByteArray("2001:db8::7")
                                             : "192.0.2." + QByteArray::number(i % 250);
            const QByteArray dstPort = plantedV6 ? "22" : "443";
            const qint64 start = 1772330400 + b * 4096 + i;
            const QByteArray action = plantedV4 && i == 3584 ? "REJECT" : "ACCEPT";
            log += "2 123456789012 eni-" + QByteArray::number(b) + " " + src + " " + dst + " "
                + QByteArray::number(40000 + i % 1000) + " " + dstPort + " 6 10 1000 " + QByteArray::number(start) + " "
                + QByteArray::number(start + 30) + " " + action + " OK\n";
        }
    }
    const QString logPath = QDir(folder).filePath(QStringLiteral("ioc.log"));
    writeFile(logPath, log);
    IocCase out;
    out.caseDb = CaseDb::open(QDir(folder).filePath(QStringLiteral("ioc.flowcase")).toStdString(), CaseDb::Mode::CreateIfMissing);
    CaseImporter(*out.caseDb).run({logPath.toStdString()}, {});
    return out;
}

QString writeList(const QString &folder, const QString &name, const QByteArray &text)
{
    const QString path = QDir(folder).filePath(name);
    writeFile(path, text);
    return path;
}

} // namespace flowscope::test
