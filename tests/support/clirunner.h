// SPDX-License-Identifier: GPL-3.0-or-later
// Runs cleave-cli as scripts do: a real process, its exit code, stdout and stderr.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace cleave::testing {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Waits for a started process (killing it after `timeoutMs`) and collects what it wrote.
inline CliResult finish(QProcess &process, int timeoutMs = 300000)
{
    CliResult r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

inline CliResult runCli(const QString &program, const QStringList &args, int timeoutMs = 300000)
{
    QProcess process;
    process.start(program, args);
    return finish(process, timeoutMs);
}

} // namespace cleave::testing
