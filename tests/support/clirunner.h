// SPDX-License-Identifier: GPL-3.0-or-later
// Runs cleave-cli as scripts do: a real process, its exit code, stdout and stderr.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
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

/// True when the command failed as bad input must: exit 2, nothing on stdout, and one line
/// "error: ..." on stderr that contains `message`. Otherwise `why` says what differs.
inline bool failsWithOneLine(const CliResult &r, const QString &message, QString *why)
{
    const auto err = QString::fromUtf8(r.err);
    if (r.exitCode != 2)
        *why = QStringLiteral("exit code %1, not 2: %2").arg(r.exitCode).arg(err);
    else if (!r.out.isEmpty())
        *why = QStringLiteral("stdout is not empty: ") + QString::fromUtf8(r.out);
    else if (!err.startsWith(QStringLiteral("error: ")) || !err.endsWith(QLatin1Char('\n')) ||
             err.count(QLatin1Char('\n')) != 1)
        *why = QStringLiteral("not one 'error: ' line: ") + err;
    else if (!err.contains(message))
        *why = QStringLiteral("'") + message + QStringLiteral("' not in: ") + err;
    else
        return true;
    return false;
}

} // namespace cleave::testing
