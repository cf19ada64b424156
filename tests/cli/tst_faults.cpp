// SPDX-License-Identifier: GPL-3.0-or-later
// Crashes and a full disk while results are written: SIGKILL to the CLI or to an agent in the
// middle of a benchmark or an offload, and a file size limit that stops writes half-way. After
// each, SQLite's integrity check passes and every result committed before the fault is there.
// Real processes on loopback, real SQLite files.
#include "clirunner.h"
#include "storecheck.h"
#include "testmain.h"

#include "core/store/store.h"
#include "remote/client/localagents.h"
#include "remote/controlgroup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>
#include <sys/resource.h>

using namespace cleave;

namespace {

/// Starts `args` of cleave-cli and waits until `table` of `db` has at least `atLeast` rows;
/// returns the last count seen (-1 when it never got there or the CLI ended first).
int64_t waitForRows(QProcess &cli, const std::string &db, const std::string &table, int64_t atLeast)
{
    for (int i = 0; i < 1200; ++i) {
        if (cli.state() == QProcess::NotRunning)
            return -1;
        const auto rows = testing::rowsIn(db, table);
        if (rows >= atLeast)
            return rows;
        QTest::qWait(50);
    }
    return -1;
}

/// The processes whose parent is `parent` and whose command is `command` (from /proc).
QList<pid_t> childrenOf(pid_t parent, const QByteArray &command)
{
    QList<pid_t> found;
    for (const auto &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool number = false;
        const pid_t pid = entry.toInt(&number);
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // pid (comm) state ppid ...
        const auto text = stat.readAll();
        const auto close = text.lastIndexOf(')');
        const auto comm = text.mid(text.indexOf('(') + 1, close - text.indexOf('(') - 1);
        const auto fields = text.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields[1].toInt() == parent && comm == command)
            found.push_back(pid);
    }
    return found;
}

/// True once `pid` has ended (gone, or a zombie nobody reaps yet).
bool ended(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const auto text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
}

QStringList strings(std::initializer_list<std::string> items)
{
    QStringList list;
    for (const auto &item : items)
        list << QString::fromStdString(item);
    return list;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localAgentsEndWithTheirParent_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("signal");
        QTest::newRow("bench, SIGTERM") << QStringLiteral("bench") << int(SIGTERM);
        QTest::newRow("bench, SIGINT") << QStringLiteral("bench") << int(SIGINT);
        QTest::newRow("bench, SIGHUP") << QStringLiteral("bench") << int(SIGHUP);
        QTest::newRow("bench, SIGKILL") << QStringLiteral("bench") << int(SIGKILL);
        QTest::newRow("offload, SIGTERM") << QStringLiteral("offload") << int(SIGTERM);
        QTest::newRow("offload, SIGKILL") << QStringLiteral("offload") << int(SIGKILL);
    }

    // The local agents of `--local` stop when the CLI does, whatever signal ends it and however
    // it is sent (a supervisor signals the CLI's PID alone), SIGKILL included.
    void localAgentsEndWithTheirParent()
    {
        QFETCH(QString, command);
        QFETCH(int, signal);
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("hygiene.cleave"));
        QStringList args{command, QStringLiteral("zoo:resnet18"), QStringLiteral("--local"),
                         QStringLiteral("--db"), db};
        if (command == QLatin1String("bench"))
            args << QStringLiteral("--reps") << QStringLiteral("200");
        else
            args << QStringLiteral("--split") << QStringLiteral("all") << QStringLiteral("--runs")
                 << QStringLiteral("50");
        QProcess cli;
        cli.start(QStringLiteral(CLEAVE_CLI), args);
        QVERIFY(cli.waitForStarted());
        QList<pid_t> agents;
        for (int i = 0; i < 600 && agents.size() < 2; ++i) {
            QTest::qWait(100);
            agents = childrenOf(pid_t(cli.processId()), "cleave-agent");
        }
        QCOMPARE(agents.size(), 2);
        QTest::qWait(1000); // both agents listen and the CLI is at work
        QCOMPARE(cli.state(), QProcess::Running);
        QCOMPARE(::kill(pid_t(cli.processId()), signal), 0);
        QVERIFY(cli.waitForFinished(30000));
        for (const auto pid : agents)
            QTRY_VERIFY2_WITH_TIMEOUT(ended(pid),
                                      qPrintable(QStringLiteral("agent %1 outlived "
                                                                "the CLI")
                                                     .arg(pid)),
                                      15000);
    }

    // The demo (make run): interrupted while it measures, it leaves no agents and a project
    // that the next run continues; that run tells the story (the four contenders and their
    // speed-ups, the chosen split offloaded against its prediction or, without control groups,
    // a what-if said to be one), draws the report and leaves the project opening on the chosen
    // plan; a run after it reuses the timings.
    void demoResumesAndReusesItsTimings()
    {
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("demo.cleave"));
        const auto report = dir.filePath(QStringLiteral("demo.png"));
        const QStringList args{QStringLiteral("demo"), QStringLiteral("--db"), db,
                               QStringLiteral("-o"), report};
        QProcess first;
        first.start(QStringLiteral(CLEAVE_CLI), args);
        QVERIFY(first.waitForStarted());
        QList<pid_t> agents;
        for (int i = 0; i < 600 && agents.size() < 2; ++i) {
            QTest::qWait(100);
            agents = childrenOf(pid_t(first.processId()), "cleave-agent");
        }
        QCOMPARE(agents.size(), 2);
        // Interrupted once the benchmark has begun its first run.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(db) && testing::rowsIn(db.toStdString(), "runs") > 0,
                                 60000);
        QCOMPARE(first.state(), QProcess::Running);
        QCOMPARE(::kill(pid_t(first.processId()), SIGINT), 0);
        QVERIFY(first.waitForFinished(30000));
        QVERIFY(first.exitCode() != 0);
        for (const auto pid : agents)
            QTRY_VERIFY2_WITH_TIMEOUT(ended(pid), "an agent outlived the demo", 15000);

        const auto story = testing::runCli(QStringLiteral(CLEAVE_CLI), args);
        QVERIFY2(story.exitCode == 0, story.err.constData());
        const auto text = QString::fromUtf8(story.out);
        QVERIFY2(text.contains(QStringLiteral("benchmarking on the local agents")),
                 story.out.constData());
        for (const auto &row : {QStringLiteral("device alone"), QStringLiteral("Scission "),
                                QStringLiteral("ScissionTL "), QStringLiteral("ScissionTL + codec"),
                                QStringLiteral("the best split over the device alone: ")})
            QVERIFY2(text.contains(row), story.out.constData());
        const bool emulated = !text.contains(QStringLiteral("note: the device cannot be emulated"));
        QCOMPARE(emulated, cleave::remote::ControlGroup::whyNoCpuLimit().empty());
        // The benchmark the interrupted demo left is continued, not begun again.
        QVERIFY2(text.contains(QStringLiteral("the run an interrupted demo left, continued")),
                 story.out.constData());
        if (emulated)
            QVERIFY2(text.contains(QRegularExpression(
                         QStringLiteral("offloaded .* runs: [0-9.]+ ms measured, [0-9.]+ ms "
                                        "predicted \\(-?[0-9.]+ %\\)"))),
                     story.out.constData());
        else
            QVERIFY2(text.contains(QStringLiteral("what-if")), story.out.constData());
        QVERIFY(QFileInfo(report).size() > 0);
        {
            cleave::store::Store store(db.toStdString());
            QCOMPARE(store.setting("model").value_or(""), std::string("zoo:resnet18"));
            const auto plan = QJsonDocument::fromJson(
                                  QByteArray::fromStdString(store.setting("plan").value_or("")))
                                  .object();
            QCOMPARE(plan[QStringLiteral("preset")].toString(), QStringLiteral("5g-peak"));
            QCOMPARE(plan[QStringLiteral("minSplit")].toInt(), 2);
            QVERIFY(plan[QStringLiteral("split")].toInt() >= 2);
        }

        const auto again = testing::runCli(QStringLiteral(CLEAVE_CLI), args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY2(again.out.contains("reusing the timings in"), again.out.constData());
        QVERIFY(!again.out.contains("benchmarking"));
    }

    // Without control groups to write (here: run as nobody), the demo says so in one line,
    // measures the device unthrottled and plans it as a what-if, predicted only, and the
    // project keeps the what-if for the workbench.
    void demoWithoutControlGroupsPlansAWhatIf()
    {
        QTemporaryDir dir;
        QVERIFY(
            QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                  QFileDevice::WriteOther | QFileDevice::ExeOther));
        const auto db = dir.filePath(QStringLiteral("what-if.cleave"));
        QStringList command{
            QStringLiteral(CLEAVE_CLI), QStringLiteral("demo"),
            QStringLiteral("--db"),     db,
            QStringLiteral("-o"),       dir.filePath(QStringLiteral("what-if.png"))};
        if (geteuid() == 0) {
            if (!QFile::exists(QStringLiteral("/usr/bin/setpriv")))
                QSKIP("util-linux's setpriv (to drop root) is not installed");
            command =
                QStringList{QStringLiteral("/usr/bin/setpriv"), QStringLiteral("--reuid=nobody"),
                            QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups")} +
                command;
        } else if (cleave::remote::ControlGroup::whyNoCpuLimit().empty()) {
            QSKIP("this user may write control groups");
        }
        const auto r = testing::runCli(command.takeFirst(), command);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto text = QString::fromUtf8(r.out);
        QCOMPARE(text.count(QStringLiteral("note: the device cannot be emulated here (")), 1);
        QVERIFY2(text.contains(QStringLiteral("resource limits need control groups this user may "
                                              "write")),
                 r.out.constData());
        QVERIFY2(text.contains(QStringLiteral("a what-if of a device 12 times slower, predicted "
                                              "only")),
                 r.out.constData());
        QVERIFY2(!text.contains(QStringLiteral("offloaded")), r.out.constData());
        cleave::store::Store store(db.toStdString());
        const auto plan =
            QJsonDocument::fromJson(QByteArray::fromStdString(store.setting("plan").value_or("")))
                .object();
        QCOMPARE(plan[QStringLiteral("deviceSlowdown")].toDouble(), 12.0);
    }

    void killedWhileWriting_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("victim");
        QTest::newRow("bench, CLI killed") << QStringLiteral("bench") << QStringLiteral("cli");
        QTest::newRow("offload, CLI killed") << QStringLiteral("offload") << QStringLiteral("cli");
        QTest::newRow("offload, device agent killed")
            << QStringLiteral("offload") << QStringLiteral("device");
    }

    // SIGKILL in the middle of writing results: the store stays sound and keeps every row
    // committed before the kill (seen by a second connection while the run went on).
    void killedWhileWriting()
    {
        QFETCH(QString, command);
        QFETCH(QString, victim);
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("faults.cleave")).toStdString();
        auto device = std::make_unique<remote::AgentProcess>("dev", "device", 1);
        remote::AgentProcess edge("edge", "edge", 1);
        QStringList args;
        std::string table;
        if (command == QLatin1String("bench")) {
            args = strings({"bench", "zoo:resnet18", "--input", "1x3x64x64", "--device",
                            device->address(), "--edge", edge.address(), "--db", db, "--warmup",
                            "1", "--reps", "100"});
            table = "block_timings";
        } else {
            args = strings({"offload", testing::fixture("chain.pt").toStdString(), "--device",
                            device->address(), "--edge", edge.address(), "--db", db, "--runs",
                            "50000", "--link", "none", "--split", "1"});
            table = "offload_inferences";
        }
        QProcess cli;
        cli.start(QStringLiteral(CLEAVE_CLI), args);
        QVERIFY(cli.waitForStarted());
        const auto seen = waitForRows(cli, db, table, 3);
        QVERIFY2(seen >= 3, cli.readAllStandardError().constData());

        if (victim == QLatin1String("cli")) {
            ::kill(pid_t(cli.processId()), SIGKILL);
            QVERIFY(cli.waitForFinished(10000));
            QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
        } else {
            ::kill(device->pid(), SIGKILL);
            const auto r = testing::finish(cli, 60000);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.startsWith("error: ") && r.err.count('\n') == 1, r.err.constData());
            device.reset(); // already gone: nothing to stop
        }
        QCOMPARE(testing::integrityOf(db), std::string("ok"));
        const auto kept = testing::rowsIn(db, table);
        QVERIFY2(kept >= seen, qPrintable(QStringLiteral("%1 of %2").arg(kept).arg(seen)));
    }

    // A file size limit (as a full disk) stops the store half-way through a benchmark: one
    // clear line naming the file and the reason, exit 1, a sound file with the earlier run whole.
    void fullDiskIsReported()
    {
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("full.cleave")).toStdString();
        remote::AgentProcess device("dev", "device", 1);
        remote::AgentProcess edge("edge", "edge", 1);
        const auto bench = [&](const std::string &model, std::optional<rlim_t> limit) {
            QProcess cli;
            if (limit)
                cli.setChildProcessModifier([limit] {
                    // The write fails with EFBIG instead of the signal ending the process.
                    ::signal(SIGXFSZ, SIG_IGN);
                    const rlimit r{*limit, *limit};
                    ::setrlimit(RLIMIT_FSIZE, &r);
                });
            cli.start(QStringLiteral(CLEAVE_CLI),
                      strings({"bench", model, "--device", device.address(), "--edge",
                               edge.address(), "--db", db, "--warmup", "0", "--reps", "2"}));
            return testing::finish(cli);
        };
        const auto first = bench(testing::fixture("chain.pt").toStdString(), std::nullopt);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const auto blocksBefore = testing::rowsIn(db, "block_timings");
        QVERIFY(blocksBefore > 0);

        // Room for a few pages more than the store holds now: the second run cannot finish.
        const auto size = std::max<rlim_t>(QFileInfo(QString::fromStdString(db)).size(), 1 << 16);
        const auto full = bench("zoo:resnet18", size + 16384);
        qInfo("full disk: %s", full.err.trimmed().constData());
        QCOMPARE(full.exitCode, 1);
        QVERIFY2(full.err.startsWith("error: ") && full.err.count('\n') == 1, full.err.constData());
        QVERIFY2(full.err.contains(QByteArray::fromStdString(db)), full.err.constData());
        QVERIFY2(full.err.contains("is the disk full?"), full.err.constData());

        QCOMPARE(testing::integrityOf(db), std::string("ok"));
        QVERIFY(testing::rowsIn(db, "block_timings") >= blocksBefore);
        // The first run is whole: planning from it still works.
        const auto plan =
            testing::runCli(QStringLiteral(CLEAVE_CLI),
                            strings({"plan", "--db", db, "--model",
                                     testing::fixture("chain.pt").toStdString(), "--link", "4g"}));
        QVERIFY2(plan.exitCode == 0, plan.err.constData());
    }
};

CLEAVE_TEST_MAIN(TestFaults)
#include "tst_faults.moc"
