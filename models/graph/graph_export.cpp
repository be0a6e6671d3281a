// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_export.h"

#include <QCoreApplication>
#include <QProcess>

namespace flowscope::graph {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("flowscope::graph::GraphExport", text); }
} // namespace

SvgOutput renderSvg(const std::string &positionedDot, const QString &program, int timeoutMs)
{
    QProcess process;
    process.start(program, {QStringLiteral("-n2"), QStringLiteral("-Tsvg")});
    if (!process.waitForStarted(timeoutMs))
        return {{}, tr("the command '%1' could not be started: %2").arg(program, process.errorString())};
    process.write(positionedDot.data(), qint64(positionedDot.size()));
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(-1);
        return {{}, tr("the command '%1' did not finish within %2 ms").arg(program).arg(timeoutMs)};
    }
    if (process.exitStatus() == QProcess::CrashExit)
        return {{}, tr("the command '%1' crashed").arg(program)};
    if (process.exitCode() != 0)
        return {{}, tr("the command '%1' failed (exit %2): %3")
                        .arg(program)
                        .arg(process.exitCode())
                        .arg(QString::fromUtf8(process.readAllStandardError().trimmed().left(200)))};
    return {process.readAllStandardOutput(), {}};
}

} // namespace flowscope::graph
