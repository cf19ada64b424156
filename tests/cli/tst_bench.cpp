// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli bench end to end: real agent processes on loopback, a real SQLite file.
#include "clirunner.h"
#include "storecheck.h"
#include "testmain.h"

#include "core/graph/modelgraph.h"
#include "core/store/store.h"
#include "remote/cpupinning.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <csignal>

using cleave::testing::fixture;

namespace {

/// A cleave-agent process; the address it listens on.
class Agent
{
public:
    Agent(const QString &name, const QString &role)
    {
        m_process.start(QStringLiteral(CLEAVE_AGENT),
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--name"), name, QStringLiteral("--role"), role,
                         QStringLiteral("--threads"), QStringLiteral("1")});
        m_process.waitForStarted();
        for (int i = 0; i < 300 && !m_process.canReadLine(); ++i)
            m_process.waitForReadyRead(100);
        const auto line = QString::fromUtf8(m_process.readLine());
        m_address =
            QRegularExpression(QStringLiteral("listening on (\\S+)")).match(line).captured(1);
    }
    ~Agent()
    {
        m_process.terminate();
        m_process.waitForFinished(10000);
    }
    QString address() const { return m_address; }
    void killHard()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished();
    }

private:
    QProcess m_process;
    QString m_address;
};

using cleave::testing::finish;
using Result = cleave::testing::CliResult;

Result cli(const QStringList &args)
{
    return cleave::testing::runCli(QStringLiteral(CLEAVE_CLI), args);
}

} // namespace

class TestBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void benchesOnTheEmbeddedLocalAgents()
    {
        const auto db = m_dir.filePath(QStringLiteral("local.cleave"));
        const auto r =
            cli({QStringLiteral("bench"), fixture("residual.pt"), QStringLiteral("--local"),
                 QStringLiteral("--db"), db, QStringLiteral("--warmup"), QStringLiteral("1"),
                 QStringLiteral("--reps"), QStringLiteral("3"), QStringLiteral("--codec"),
                 QStringLiteral("fp32,fp16+zstd"), QStringLiteral("--tl"),
                 QStringLiteral("maxpool2,avgpool2"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto resources =
            QJsonDocument::fromJson(r.out)[QStringLiteral("resources")].toArray();
        QCOMPARE(resources.size(), 2);
        QCOMPARE(resources[0][QStringLiteral("role")].toString(), QStringLiteral("device"));
        QCOMPARE(resources[1][QStringLiteral("role")].toString(), QStringLiteral("edge"));
        for (const auto &value : resources) {
            const auto o = value.toObject();
            QCOMPARE(o[QStringLiteral("blocks")].toInt(), 8);
            QVERIFY(o[QStringLiteral("whole_model_median_s")].toDouble() > 0);
            QVERIFY(o[QStringLiteral("sum_of_block_medians_s")].toDouble() > 0);
            // Where each TL and codec was measured: the TLs at cuts 0..5, the codecs at all 9.
            const auto tls = o[QStringLiteral("tl_cuts")].toObject();
            QCOMPARE(tls[QStringLiteral("maxpool2")].toInt(), 6);
            QCOMPARE(tls[QStringLiteral("avgpool2")].toInt(), 6);
            const auto codecs = o[QStringLiteral("codec_cuts")].toObject();
            QCOMPARE(codecs[QStringLiteral("fp32")].toInt(), 9);
            QCOMPARE(codecs[QStringLiteral("fp16+zstd")].toInt(), 9);
        }
        // Everything is in the store, complete, for the planner.
        cleave::store::Store store(db.toStdString());
        QCOMPARE(store.resources().size(), size_t(2));
        QCOMPARE(store.resources()[0].threads, 1);
        for (const auto &resource : store.resources()) {
            const auto runs = resources[resource.role == "device" ? 0 : 1]
                                  .toObject()[QStringLiteral("run_id")]
                                  .toInteger();
            const auto t = store.timings(runs);
            QVERIFY(t.run.complete);
            QCOMPARE(int(t.blocks.size()), 8);
            QCOMPARE(t.run.settings.reps, 3);
            QCOMPARE(t.run.settings.codecs, (std::vector<std::string>{"fp32", "fp16+zstd"}));
            QCOMPARE(int(t.codecs.size()), 2 * 9); // two codecs at cuts 0..8
            // Ordered by cut, then codec name: cut 0's fp32 payload is the raw 1x3x8x8 input.
            QCOMPARE(t.codecs[1].codec, std::string("fp32"));
            QCOMPARE(t.codecs[1].encodedBytes, int64_t(1 * 3 * 8 * 8 * 4));
            // Two TLs at cuts 0..5 (image-like); not at the 1x8x1x1 pool, the vector or K.
            QCOMPARE(t.run.settings.tlSpecs, (std::vector<std::string>{"maxpool2", "avgpool2"}));
            QCOMPARE(int(t.tls.size()), 2 * 6);
            QCOMPARE(t.tls[0].outputBytes, int64_t(1 * 3 * 4 * 4 * 4));
        }
    }

    // At node granularity the agents cut the model at every node boundary and time those
    // blocks; the store keeps them apart from the block granularity's timings of the same
    // model, with what crosses each cut, and plan --granularity node names the tensors each
    // configuration sends.
    void benchesAndPlansAtNodeGranularity()
    {
        const auto db = m_dir.filePath(QStringLiteral("nodes.cleave"));
        const auto nodes = cleave::graph::ModelGraph::load(
            fixture("residual.pt").toStdString(), std::nullopt,
            cleave::graph::ModelGraph::Original::Keep, {cleave::graph::Granularity::Node});
        for (const auto *granularity : {"node", "block"}) {
            const auto r =
                cli({QStringLiteral("bench"), fixture("residual.pt"), QStringLiteral("--local"),
                     QStringLiteral("--db"), db, QStringLiteral("--granularity"),
                     QLatin1String(granularity), QStringLiteral("--warmup"), QStringLiteral("0"),
                     QStringLiteral("--reps"), QStringLiteral("2"), QStringLiteral("--tl"),
                     QStringLiteral("maxpool2"), QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const auto blocks = QJsonDocument::fromJson(r.out)[QStringLiteral("resources")]
                                    .toArray()[0][QStringLiteral("blocks")]
                                    .toInt();
            QCOMPARE(blocks, granularity == std::string("node") ? nodes.blockCount() : 8);
            if (granularity != std::string("node"))
                continue;
            // Node timings alone: a plan at blocks says where the timings are.
            const auto atBlocks = cli({QStringLiteral("plan"), QStringLiteral("--db"), db,
                                       QStringLiteral("--model"), fixture("residual.pt")});
            QCOMPARE(atBlocks.exitCode, 2);
            QVERIFY2(atBlocks.err.contains("at this granularity; it has timings at "
                                           "--granularity node"),
                     atBlocks.err.constData());
        }
        {
            cleave::store::Store store(db.toStdString());
            const auto models = store.models();
            QCOMPARE(models.size(), size_t(2));
            const auto &node =
                models[0].granularity == cleave::graph::Granularity::Node ? models[0] : models[1];
            QCOMPARE(node.blocks, nodes.blockCount());
            QVERIFY(
                node.sha256 !=
                (models[0].granularity == cleave::graph::Granularity::Node ? models[1] : models[0])
                    .sha256);
            const auto recorded = store.cutTensors(node.id);
            size_t count = 0;
            for (const auto &cut : nodes.cuts())
                count += cut.tensors.size();
            QCOMPARE(recorded.size(), count);
        }

        auto plan = [&](const QString &granularity) {
            return cli({QStringLiteral("plan"), QStringLiteral("--db"), db,
                        QStringLiteral("--model"), fixture("residual.pt"),
                        QStringLiteral("--granularity"), granularity, QStringLiteral("--tl"),
                        QStringLiteral("none"), QStringLiteral("--top"), QStringLiteral("100"),
                        QStringLiteral("--json")});
        };
        const auto atNodes = plan(QStringLiteral("node"));
        QVERIFY2(atNodes.exitCode == 0, atNodes.err.constData());
        const auto doc = QJsonDocument::fromJson(atNodes.out).object();
        QCOMPARE(doc[QStringLiteral("blocks")].toInt(), nodes.blockCount());
        int several = 0;
        for (const auto &value : doc[QStringLiteral("ranking")].toArray()) {
            const auto c = value.toObject();
            const int split = c[QStringLiteral("splits")].toArray()[0].toInt();
            const auto tensors = c[QStringLiteral("tensors")].toArray()[0].toArray();
            const auto &cut = nodes.cuts()[size_t(split)];
            QCOMPARE(size_t(tensors.size()), cut.tensors.size());
            several += tensors.size() > 1 ? 1 : 0;
            for (int t = 0; t < tensors.size(); ++t)
                QCOMPARE(tensors[t][QStringLiteral("bytes")].toInteger(),
                         cut.tensors[size_t(t)].bytes);
        }
        QVERIFY(several > 0);
        const auto atBlocks = plan(QStringLiteral("block"));
        QVERIFY2(atBlocks.exitCode == 0, atBlocks.err.constData());
        QCOMPARE(QJsonDocument::fromJson(atBlocks.out)[QStringLiteral("blocks")].toInt(), 8);

        // --min-cut: the best partition over every allowed set of device blocks, never worse
        // than the order's best split at the same costs, which is a split.
        const auto minCut =
            cli({QStringLiteral("plan"), QStringLiteral("--db"), db, QStringLiteral("--model"),
                 fixture("residual.pt"), QStringLiteral("--granularity"), QStringLiteral("node"),
                 QStringLiteral("--link"), QStringLiteral("5g-low"), QStringLiteral("--min-cut"),
                 QStringLiteral("--json")});
        QVERIFY2(minCut.exitCode == 0, minCut.err.constData());
        const auto partitions = QJsonDocument::fromJson(minCut.out)[QStringLiteral("min_cut")];
        const auto best = partitions[QStringLiteral("best")].toObject();
        const auto split = partitions[QStringLiteral("best_split")].toObject();
        QVERIFY(best[QStringLiteral("total_s")].toDouble() <=
                split[QStringLiteral("total_s")].toDouble());
        QVERIFY(split[QStringLiteral("split")].toInt(-1) >= 0);
        QVERIFY(best[QStringLiteral("device_blocks")].toArray().size() <= nodes.blockCount());
        const auto table =
            cli({QStringLiteral("plan"), QStringLiteral("--db"), db, QStringLiteral("--model"),
                 fixture("residual.pt"), QStringLiteral("--granularity"), QStringLiteral("node"),
                 QStringLiteral("--min-cut")});
        QVERIFY2(table.out.contains("over every partition (minimum s-t cut, Scission costs): "),
                 table.out.constData());
        QVERIFY(table.out.contains("the order's best split at the same costs: split "));

        // The offloader runs a cut of several tensors for real, predicted from the node
        // timings: the head sends every tensor of it.
        const auto wide = std::find_if(nodes.cuts().begin(), nodes.cuts().end(),
                                       [](const cleave::graph::Cut &c) { return !c.single(); });
        const auto offloaded =
            cli({QStringLiteral("offload"), fixture("residual.pt"), QStringLiteral("--local"),
                 QStringLiteral("--granularity"), QStringLiteral("node"), QStringLiteral("--split"),
                 QString::number(wide->index), QStringLiteral("--runs"), QStringLiteral("2"),
                 QStringLiteral("--warmup"), QStringLiteral("0"), QStringLiteral("--db"), db,
                 QStringLiteral("--json")});
        QVERIFY2(offloaded.exitCode == 0, offloaded.err.constData());
        const auto measured = QJsonDocument::fromJson(offloaded.out)[QStringLiteral("splits")]
                                  .toArray()[0]
                                  .toObject();
        QCOMPARE(measured[QStringLiteral("upload_bytes")].toInteger(), wide->bytes);
        QVERIFY(measured[QStringLiteral("predicted")].isObject());

        // compare offloads its contenders at the granularity of the timings it plans on.
        const auto compared =
            cli({QStringLiteral("compare"), QStringLiteral("--db"), db, QStringLiteral("--model"),
                 fixture("residual.pt"), QStringLiteral("--granularity"), QStringLiteral("node"),
                 QStringLiteral("--local"), QStringLiteral("--runs"), QStringLiteral("1"),
                 QStringLiteral("--rounds"), QStringLiteral("1"), QStringLiteral("--warmup"),
                 QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(compared.exitCode == 0, compared.err.constData());
        const auto contenders =
            QJsonDocument::fromJson(compared.out)[QStringLiteral("contenders")].toArray();
        QCOMPARE(contenders.size(), 3); // the codec's row needs another codec benchmarked
        for (const auto &row : contenders) {
            QVERIFY(row[QStringLiteral("split")].toInt(-1) >= 0);
            QVERIFY(row[QStringLiteral("split")].toInt() <= nodes.blockCount());
            QVERIFY(row[QStringLiteral("measured")][QStringLiteral("median_s")].toDouble() > 0);
        }
    }

    // A TL asked for where none applies (a model of vectors) is measured nowhere, and bench
    // says so rather than leaving plans to wonder why it is never used.
    void saysWhereTransferLayersApply()
    {
        torch::jit::Module mlp("Mlp");
        mlp.register_parameter("w", torch::randn({16, 8}), false);
        mlp.define(R"(
def forward(self, x):
    return torch.relu(torch.matmul(x, self.w))
)");
        const auto model = m_dir.filePath(QStringLiteral("mlp.pt"));
        cleave::graph::saveModule(mlp, model.toStdString(), {1, 16});
        const auto r =
            cli({QStringLiteral("bench"), model, QStringLiteral("--local"), QStringLiteral("--db"),
                 m_dir.filePath(QStringLiteral("mlp.cleave")), QStringLiteral("--warmup"),
                 QStringLiteral("0"), QStringLiteral("--reps"), QStringLiteral("2"),
                 QStringLiteral("--tl"), QStringLiteral("maxpool2"), QStringLiteral("--codec"),
                 QStringLiteral("fp16")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("measured: maxpool2 at 0 of 3 cuts, fp16 at 3 of 3 cuts\n"),
                 r.out.constData());
        QVERIFY2(r.err.contains("warning: the Transfer Layer maxpool2 applies at no cut of " +
                                model.toUtf8() +
                                " (it needs a 4-D cut with height and width "
                                "above 1): plans cannot use it\n"),
                 r.err.constData());
    }

    // A progress bar per agent on stderr when it is a terminal; nothing there when it is not.
    void showsProgressOnlyOnATerminal()
    {
        const QString script = QStringLiteral("/usr/bin/script");
        if (!QFile::exists(script))
            QSKIP("util-linux's script (to give the command a terminal) is not installed");
        const auto db = m_dir.filePath(QStringLiteral("progress.cleave"));
        const auto command = QStringLiteral("%1 bench %2 --local --db %3 --reps 30")
                                 .arg(QStringLiteral(CLEAVE_CLI), fixture("residual.pt"), db);
        QProcess terminal;
        terminal.start(script, {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        const auto r = finish(terminal);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("device [") && r.out.contains("edge ["), r.out.constData());
        // The bar and its percentage: "device [###...] 40%".
        QVERIFY2(QString::fromUtf8(r.out).contains(QRegularExpression(QStringLiteral("\\] \\d+%"))),
                 r.out.constData());

        const auto piped =
            cli({QStringLiteral("bench"), fixture("residual.pt"), QStringLiteral("--local"),
                 QStringLiteral("--db"), db, QStringLiteral("--reps"), QStringLiteral("30")});
        QCOMPARE(piped.exitCode, 0);
        QVERIFY2(piped.err.isEmpty(), piped.err.constData());
        QVERIFY(piped.out.contains("saved to"));
    }

    void unreachableAgentIsNamedWithinTheDeadline()
    {
        const auto started = std::chrono::steady_clock::now();
        const auto r = cli(
            {QStringLiteral("bench"), fixture("chain.pt"), QStringLiteral("--device"),
             QStringLiteral("127.0.0.1:1"), QStringLiteral("--edge"), QStringLiteral("127.0.0.1:1"),
             QStringLiteral("--db"), m_dir.filePath(QStringLiteral("unreachable.cleave"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("error: 127.0.0.1:1: GetInfo: agent unreachable"),
                 r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
    }

    void refusesADatabaseItCannotUse()
    {
        const auto path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("not a database\n").repeated(100));
        f.close();
        const auto r = cli({QStringLiteral("bench"), fixture("chain.pt"), QStringLiteral("--local"),
                            QStringLiteral("--db"), path});
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(r,
                                                   QStringLiteral("notes.txt: not a Cleave "
                                                                  "database"),
                                                   &why),
                 qPrintable(why));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("not a database\n").repeated(100));
    }

    // A file that is no model stops bench before anything is stored: the message names the
    // model (not a local agent's passing address) and no store file is left behind.
    void refusesAnUnreadableModelLeavingNoStore()
    {
        const auto db = m_dir.filePath(QStringLiteral("never.cleave"));
        const auto r = cli({QStringLiteral("bench"), fixture("make_fixtures.py"),
                            QStringLiteral("--local"), QStringLiteral("--db"), db});
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(
                     r,
                     fixture("make_fixtures.py") +
                         QStringLiteral(": not a TorchScript archive (not a zip file) (said the "
                                        "device agent)"),
                     &why),
                 qPrintable(why));
        QVERIFY(!r.err.contains("127.0.0.1"));
        QVERIFY(!QFile::exists(db));
    }

    void rejectsConflictingAgentFlags()
    {
        const auto r = cli({QStringLiteral("bench"), fixture("chain.pt"), QStringLiteral("--local"),
                            QStringLiteral("--device"), QStringLiteral("127.0.0.1:5"),
                            QStringLiteral("--db"), m_dir.filePath(QStringLiteral("x.cleave"))});
        QString why;
        QVERIFY2(
            cleave::testing::failsWithOneLine(r, QStringLiteral("--local excludes --device"), &why),
            qPrintable(why));
        const auto missing =
            cli({QStringLiteral("bench"), fixture("chain.pt"), QStringLiteral("--db"),
                 m_dir.filePath(QStringLiteral("y.cleave"))});
        QVERIFY2(
            cleave::testing::failsWithOneLine(
                missing, QStringLiteral("give --local, or --device ADDR and --edge ADDR"), &why),
            qPrintable(why));
    }

    // --device-cpu and --device-memory-mib emulate a slower device on the local agents: the
    // store keeps the limits with the resource, which is not the unthrottled one, and its name
    // says so; the device gets a core of its own and the edge the others. Each limit needs
    // --local; shares are numbers above 0.
    void emulatesASlowerDeviceLocally()
    {
        const auto noLocal =
            cli({QStringLiteral("bench"), fixture("chain.pt"), QStringLiteral("--device-cpu"),
                 QStringLiteral("0.5"), QStringLiteral("--db"),
                 m_dir.filePath(QStringLiteral("n.cleave"))});
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(
                     noLocal, QStringLiteral("--device-cpu requires --local"), &why),
                 qPrintable(why));
        const auto zero =
            cli({QStringLiteral("bench"), fixture("chain.pt"), QStringLiteral("--local"),
                 QStringLiteral("--device-cpu"), QStringLiteral("0"), QStringLiteral("--db"),
                 m_dir.filePath(QStringLiteral("z.cleave"))});
        QVERIFY2(cleave::testing::failsWithOneLine(
                     zero, QStringLiteral("--device-cpu: expected a number above 0, got 0"), &why),
                 qPrintable(why));
        if (geteuid() != 0)
            QSKIP("control groups here are writable by root only");
        const auto db = m_dir.filePath(QStringLiteral("emulated.cleave"));
        const auto r =
            cli({QStringLiteral("bench"), fixture("residual.pt"), QStringLiteral("--local"),
                 QStringLiteral("--device-cpu"), QStringLiteral("0.5"),
                 QStringLiteral("--device-memory-mib"), QStringLiteral("1024"),
                 QStringLiteral("--db"), db, QStringLiteral("--reps"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("local-device@"), r.out.constData());
        QVERIFY2(r.out.contains(" (emulated: 0.5 core; 1024 MiB)"), r.out.constData());
        cleave::store::Store store(db.toStdString());
        const auto resources = store.resources();
        QCOMPARE(resources.size(), size_t(2));
        const auto &device = resources[0].role == "device" ? resources[0] : resources[1];
        const auto &edge = resources[0].role == "device" ? resources[1] : resources[0];
        QCOMPARE(device.limits.cpuCores.value_or(0), 0.5);
        QCOMPARE(device.limits.memoryBytes.value_or(0), int64_t(1024) << 20);
        // The device on a core of its own, the edge on the others and limited to them.
        const auto cpus = cleave::remote::allowedCpus();
        if (cpus.size() > 1) {
            QCOMPARE(edge.limits.cpuCores.value_or(0), double(cpus.size() - 1));
            QCOMPARE(edge.threads, int(cpus.size() - 1));
            QCOMPARE(device.threads, 1);
        } else {
            QVERIFY(!edge.limits.any());
        }
        QVERIFY2(QString::fromStdString(device.name)
                     .endsWith(QStringLiteral(" (emulated: 0.5 core; 1024 MiB)")),
                 device.name.c_str());
    }

    // The store knows a machine by the agent's name and host: two agents that report the same
    // are refused before anything is stored, rather than mixed into one resource.
    void refusesTwoAgentsThatAreOneResource()
    {
        Agent device(QStringLiteral("twin"), QStringLiteral("device"));
        Agent edge(QStringLiteral("twin"), QStringLiteral("edge"));
        QVERIFY(!device.address().isEmpty() && !edge.address().isEmpty());
        const auto db = m_dir.filePath(QStringLiteral("twins.cleave"));
        const auto r =
            cli({QStringLiteral("bench"), fixture("chain.pt"), QStringLiteral("--device"),
                 device.address(), QStringLiteral("--edge"), edge.address(), QStringLiteral("--db"),
                 db, QStringLiteral("--reps"), QStringLiteral("1")});
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(r, QStringLiteral("are both the resource twin@"),
                                                   &why),
                 qPrintable(why));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(device.address().toUtf8()) &&
                     r.err.contains(edge.address().toUtf8()),
                 r.err.constData());
        cleave::store::Store store(db.toStdString());
        QVERIFY(store.resources().empty());
    }

    // kill -9 the device agent mid-benchmark: the CLI names it and where it stopped, the store
    // keeps the run and every block committed so far, and --resume finishes the same run.
    // (Blocks are timed in passes over the chain and committed during the last pass, so the
    // kill, once the run has started measuring, usually finds few or none committed.)
    void resumesAfterAnAgentIsKilled()
    {
        const auto db = m_dir.filePath(QStringLiteral("killed.cleave"));
        auto device = std::make_unique<Agent>(QStringLiteral("dev"), QStringLiteral("device"));
        Agent edge(QStringLiteral("edge"), QStringLiteral("edge"));
        QVERIFY(!device->address().isEmpty() && !edge.address().isEmpty());
        const QStringList args{QStringLiteral("bench"),    QStringLiteral("zoo:resnet18"),
                               QStringLiteral("--input"),  QStringLiteral("1x3x64x64"),
                               QStringLiteral("--device"), device->address(),
                               QStringLiteral("--edge"),   edge.address(),
                               QStringLiteral("--db"),     db,
                               QStringLiteral("--warmup"), QStringLiteral("1"),
                               QStringLiteral("--reps"),   QStringLiteral("400")};
        QProcess bench;
        bench.start(QStringLiteral(CLEAVE_CLI), args);
        QVERIFY(bench.waitForStarted());

        // Wait until the device's run has begun measuring, then kill the device agent.
        int64_t committed = -1;
        for (int i = 0; i < 600 && committed < 0; ++i) {
            QTest::qWait(100);
            if (!QFile::exists(db))
                continue;
            cleave::store::Store watcher(db.toStdString());
            for (const auto &resource : watcher.resources())
                if (resource.role == "device")
                    try {
                        committed = int64_t(watcher.timings(1).blocks.size());
                    } catch (...) {
                    }
        }
        QVERIFY2(committed >= 0, "the run never started");
        QTest::qWait(300); // into its passes
        device->killHard();
        const auto failed = finish(bench);
        QCOMPARE(failed.exitCode, 1);
        const auto err = QString::fromUtf8(failed.err);
        QVERIFY2(err.contains(QStringLiteral("device agent ") + device->address()),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("continue it with --resume")), qPrintable(err));

        QCOMPARE(cleave::testing::integrityOf(db.toStdString()), std::string("ok"));
        int64_t kept = 0;
        {
            cleave::store::Store store(db.toStdString());
            const auto t = store.timings(1);
            QVERIFY(!t.run.complete);
            kept = int64_t(t.blocks.size());
            QVERIFY(kept >= committed);
            QVERIFY2(err.contains(QStringLiteral("keeps %1 of").arg(kept)), qPrintable(err));
        }

        device = std::make_unique<Agent>(QStringLiteral("dev"), QStringLiteral("device"));
        auto resumeArgs = args;
        resumeArgs[resumeArgs.indexOf(QStringLiteral("--device")) + 1] = device->address();
        resumeArgs << QStringLiteral("--resume") << QStringLiteral("--json");
        const auto resumed = cli(resumeArgs);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const auto first = QJsonDocument::fromJson(resumed.out)[QStringLiteral("resources")][0];
        QCOMPARE(first[QStringLiteral("run_id")].toInteger(), 1);
        QCOMPARE(first[QStringLiteral("resumed")].toBool(), true);
        cleave::store::Store store(db.toStdString());
        const auto t = store.timings(1);
        QVERIFY(t.run.complete);
        QCOMPARE(int(t.blocks.size()), first[QStringLiteral("blocks")].toInt());
    }

private:
    QTemporaryDir m_dir;
};

CLEAVE_TEST_MAIN(TestBench)
#include "tst_bench.moc"
