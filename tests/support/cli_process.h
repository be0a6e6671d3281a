// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the command-line tool as an analyst's shell would, for the CLI tests.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace flowscope::test {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// `program` with `args`; a run that has not ended within five minutes
// counts as failed, its stderr saying "timeout".
inline CliRun runCli(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(300000))
        return {-1, {}, "timeout"};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace flowscope::test
