// SPDX-License-Identifier: GPL-3.0-or-later
// One inference over a cluster of real device agents on loopback, each in a control group of
// its own: the stitched strips equal the whole model on every inference, the store holds what
// happened, a device slowed mid-run loses rows, and a device killed mid-run loses no inference.
#include "clirunner.h"
#include "testmain.h"

#include "core/graph/modelgraph.h"
#include "core/store/store.h"
#include "remote/client/agentclient.h"
#include "remote/client/clusterrun.h"
#include "remote/client/localagents.h"

#include <nlohmann/json.hpp>

#include <QFile>

#include <csignal>
#include <map>

using namespace cleave;

namespace {

std::vector<remote::ClusterAgent> agentsOf(const remote::LocalCluster &local)
{
    std::vector<remote::ClusterAgent> agents;
    for (const auto &d : local.devices())
        agents.push_back({d->address(), plan::NetworkProfile::preset("lan")});
    return agents;
}

remote::ClusterSettings settingsFor(const std::string &model, graph::Shape input, int runs)
{
    remote::ClusterSettings s;
    s.model = model;
    s.input = std::move(input);
    s.runs = runs;
    s.warmup = 1;
    s.benchReps = 3;
    return s;
}

struct Recorded
{
    std::vector<remote::ClusterStep> steps;
    std::vector<store::ClusterEvent> events;
};

} // namespace

class TestClusterRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (geteuid() != 0)
            QSKIP("the device agents' control groups are writable by root only");
    }

    // Three devices of 0.5, 0.25 and 0.25 core, the rest on the source and then on an edge:
    // every inference completes, equals the whole model, covers every row of the segment with
    // the shares in the store, and the fastest device alone ran beside it.
    void stripsStitchToTheWholeModel_data()
    {
        QTest::addColumn<bool>("edge");
        QTest::newRow("aggregated on the source") << false;
        QTest::newRow("aggregated on an edge") << true;
    }

    void stripsStitchToTheWholeModel()
    {
        QFETCH(bool, edge);
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("cluster.cleave")).toStdString();
        store::Store db(path);
        remote::LocalCluster local({0.5, 0.25, 0.25}, edge);
        auto settings = settingsFor("zoo:resnet18", {1, 3, 96, 96}, 4);
        if (edge)
            settings.segmentEnd = 8; // deep enough for a halo of many rows
        remote::ClusterRun run(settings, &db);
        std::optional<remote::ClusterAgent> aggregator;
        if (edge)
            aggregator =
                remote::ClusterAgent{local.edge()->address(), plan::NetworkProfile::preset("lan")};
        run.setAgents(agentsOf(local), aggregator, local.access());
        run.prepare([](const std::string &) {});
        Recorded r;
        run.run([&](const remote::ClusterStep &s) { r.steps.push_back(s); },
                [&](const store::ClusterEvent &e) { r.events.push_back(e); });

        QCOMPARE(r.steps.size(), size_t(4));
        for (const auto &step : r.steps) {
            QVERIFY(step.inference.completed);
            QVERIFY2(step.inference.maxDifference <= 1e-5,
                     qPrintable(QString::number(step.inference.maxDifference)));
            QVERIFY(step.alone && step.alone->maxDifference <= 1e-5);
            QVERIFY(step.inference.predicted_s > 0);
            QVERIFY(step.inference.makespan_s <= step.inference.total_s);
        }
        const auto stored = db.clusterInferences(run.clusterId());
        QCOMPARE(stored.size(), size_t(4));
        // Every round's shares cover its rows, top to bottom (the cuts never change).
        const auto &rounds = run.current().rounds;
        for (const auto &i : stored) {
            std::vector<int64_t> covered(rounds.size(), 0);
            for (const auto &share : i.shares) {
                QVERIFY(share.round >= 0 && size_t(share.round) < rounds.size());
                QCOMPARE(share.rowsBegin, covered[size_t(share.round)]);
                QVERIFY(share.finish_s >= share.received_s + share.compute_s * 0.5);
                covered[size_t(share.round)] = share.rowsEnd;
            }
            for (size_t r = 0; r < rounds.size(); ++r)
                QCOMPARE(covered[r], run.segmentOf(rounds[r]).rows());
        }
        const auto record = db.clusters(db.models().front().id).back();
        QCOMPARE(record.devices, run.deviceNames());
        QCOMPARE(record.aggregator, run.aggregatorName());
        QVERIFY(record.bound && *record.bound > 1.0);
        // Every device's strips were timed at three heights of the segments it was asked for.
        for (const auto &d : run.request().devices)
            QVERIFY2(d.strips.count(run.current().rounds.back().end), d.name.c_str());
        QVERIFY(!db.stripTimings(db.models().front().id, 1).empty());
        if (edge)
            QCOMPARE(run.current().rounds.back().end, 8);
    }

    // A device that gets slow mid-run (its agent's CPU share lowered from 0.5 to 0.1 core)
    // loses rows within a few inferences, and the makespan comes back down.
    void slowedDeviceLosesRows()
    {
        remote::LocalCluster local({0.5, 0.5}, true);
        auto settings = settingsFor("zoo:resnet18", {1, 3, 128, 128}, 9);
        settings.segmentEnd = 8;
        settings.devicesMin = 2; // both take rows before the slowdown
        remote::ClusterRun run(settings, nullptr);
        run.setAgents(
            agentsOf(local),
            remote::ClusterAgent{local.edge()->address(), plan::NetworkProfile::preset("lan")},
            local.access());
        run.prepare([](const std::string &) {});
        // The device with the more rows (the fits are estimates: either may get one row only).
        const auto planned = run.current().rounds.front().rowsByDevice(2);
        const int slowed = planned[1] >= planned[0] ? 1 : 0;
        const auto rowsOf = [&](const store::ClusterInference &i) {
            for (const auto &s : i.shares)
                if (s.device == run.deviceNames()[slowed])
                    return s.rowsEnd - s.rowsBegin;
            return int64_t(0);
        };
        Recorded r;
        remote::AgentClient agent(local.devices()[slowed]->address(), std::chrono::seconds(5),
                                  local.access());
        run.run(
            [&](const remote::ClusterStep &s) {
                r.steps.push_back(s);
                if (r.steps.size() == 2)
                    QCOMPARE(agent.setCpuLimit(0.1).cpu_limit_cores(), 0.1);
            },
            [&](const store::ClusterEvent &e) { r.events.push_back(e); });
        QCOMPARE(r.steps.size(), size_t(9));
        for (const auto &s : r.steps)
            qDebug("run %d rows %lld makespan %.2f ms", s.inference.run,
                   (long long)rowsOf(s.inference), s.inference.makespan_s * 1e3);
        for (const auto &e : r.events)
            qDebug("%s before run %d: %s", e.kind.c_str(), e.run, e.detail.c_str());
        // Rows may move before (the fits are estimates); what counts is after the slowdown.
        // The rows of the first inference at the lower share were planned before it.
        const int64_t before = rowsOf(r.steps[2].inference);
        QVERIFY(before > 0);
        int lostRowsAt = -1;
        for (size_t k = 3; k < r.steps.size() && lostRowsAt < 0; ++k)
            if (rowsOf(r.steps[k].inference) < before)
                lostRowsAt = int(k);
        QVERIFY2(lostRowsAt >= 3 && lostRowsAt <= 6, qPrintable(QString::number(lostRowsAt)));
        // The first inference at the lower share is slow; with rows moved the makespan comes
        // back down (the median of the last three: the first inference after a move warms the
        // new strips, and a device throttled by a CPU quota runs a strip of a row or two at
        // full speed within one period, so rows may drift back once).
        const double slow = r.steps[2].inference.makespan_s;
        std::vector<double> last;
        for (size_t k = r.steps.size() - 3; k < r.steps.size(); ++k)
            last.push_back(r.steps[k].inference.makespan_s);
        std::sort(last.begin(), last.end());
        const double recovered = last[1];
        QVERIFY2(
            recovered < slow,
            qPrintable(QStringLiteral("%1 s after, %2 s at the start").arg(recovered).arg(slow)));
    }

    // A device killed with SIGKILL mid-run: the inference in flight is retried on the others,
    // no inference is lost or wrong, the store says what happened, the run goes on with one
    // device fewer.
    void killedDeviceLosesNoInference()
    {
        QTemporaryDir dir;
        store::Store db(dir.filePath(QStringLiteral("cluster.cleave")).toStdString());
        remote::LocalCluster local({0.5, 0.5, 0.5}, false);
        auto settings = settingsFor("zoo:resnet18", {1, 3, 160, 160}, 5);
        settings.roundEnds = {4, 8}; // two rounds, gathered at the source in between
        settings.devicesMin = 3;     // every device has rows when one is killed
        settings.adapt = false;
        remote::ClusterRun run(settings, &db);
        run.setAgents(agentsOf(local), std::nullopt, local.access());
        run.prepare([](const std::string &) {});
        QCOMPARE(run.current().rounds.size(), size_t(2));
        for (const auto &round : run.current().rounds) {
            const auto rows = round.rowsByDevice(3);
            QVERIFY2(rows[1] > 0 && rows[2] > 0, "the plan leaves a device out");
        }
        const auto victim = local.devices()[2]->pid();
        Recorded r;
        try {
            run.run(
                [&](const remote::ClusterStep &s) {
                    r.steps.push_back(s);
                    if (r.steps.size() == 2)
                        ::kill(victim, SIGKILL);
                },
                [&](const store::ClusterEvent &e) { r.events.push_back(e); });
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }

        for (const auto &e : r.events)
            qDebug("%s %s before run %d: %s", e.kind.c_str(), e.device.c_str(), e.run,
                   e.detail.c_str());
        std::map<int, bool> completed;
        for (const auto &s : r.steps) {
            if (s.inference.completed) {
                QVERIFY(s.inference.maxDifference <= 1e-5);
                completed[s.inference.run] = true;
            }
        }
        QCOMPARE(completed.size(), size_t(5)); // every run, none lost
        const auto stored = db.clusterInferences(run.clusterId());
        for (const auto &i : stored)
            qDebug("run %d attempt %d %s", i.run, i.attempt, i.completed ? "completed" : "failed");
        const auto failed =
            std::count_if(stored.begin(), stored.end(), [](const auto &i) { return !i.completed; });
        QVERIFY2(failed == 1, qPrintable(QString::number(failed)));
        const auto events = db.clusterEvents(run.clusterId());
        const auto lost = std::find_if(events.begin(), events.end(),
                                       [](const auto &e) { return e.kind == "lost"; });
        QVERIFY(lost != events.end());
        QCOMPARE(lost->device, run.deviceNames()[2]);
        QVERIFY(!lost->detail.empty());
        for (const auto &i : stored)
            if (i.completed && i.run > lost->run)
                for (const auto &share : i.shares)
                    QVERIFY(share.device != run.deviceNames()[2]);
        // Both rounds ran on every completed inference, and the store knows the chain.
        for (const auto &i : stored)
            if (i.completed)
                QCOMPARE(std::count_if(i.shares.begin(), i.shares.end(),
                                       [](const auto &share) { return share.round == 1; }) > 0,
                         true);
        QCOMPARE(db.clusters(db.models().front().id).back().roundEnds, (std::vector<int>{4, 8}));
    }

    // The device half of a ScissionTL bundle (blocks before the split, then DeviceTL's strided
    // pooling) runs over the cluster whole, its strips ending at the tensor that crosses the
    // uplink: every inference equals the head run whole.
    void transferLayerHeadRunsOverTheCluster()
    {
        QTemporaryDir dir;
        const auto bundle = dir.filePath(QStringLiteral("bundle"));
        const auto exported = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            {QStringLiteral("export"), QStringLiteral("zoo:resnet18"), QStringLiteral("--input"),
             QStringLiteral("1x3x97x96"), QStringLiteral("--split"), QStringLiteral("6"),
             QStringLiteral("--tl"), QStringLiteral("maxpool2"), QStringLiteral("-o"), bundle});
        QVERIFY2(exported.exitCode == 0, exported.err.data());
        const auto head = bundle + QStringLiteral("/device/head.pt");
        const int blocks = graph::ModelGraph::load(head.toStdString()).blockCount();
        const auto r = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            {QStringLiteral("cluster"), head, QStringLiteral("--local-devices"),
             QStringLiteral("0.5,0.25"), QStringLiteral("--segment"),
             QStringLiteral("0:%1").arg(blocks), QStringLiteral("--devices-min"),
             QStringLiteral("2"), QStringLiteral("--runs"), QStringLiteral("3"),
             QStringLiteral("--bench-reps"), QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.data());
        const auto doc = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(doc.at("plan").at("segment_end").get<int>(), blocks);
        QCOMPARE(doc.at("plan").at("rounds").size(), size_t(1));
        QCOMPARE(doc.at("plan").at("rounds").at(0).at("shares").size(), size_t(2));
        QCOMPARE(doc.at("inferences").size(), size_t(3));
        for (const auto &i : doc.at("inferences")) {
            QVERIFY(i.at("completed").get<bool>());
            QVERIFY2(i.at("max_difference").get<double>() <= 1e-5, i.dump().c_str());
        }
    }

    // `plan --cluster` ranks the source alone, Scission and the cluster with the rest on the
    // source (a chain of rounds, for VGG-16) or on the edge, on the timings the cluster runs
    // stored: each way's total is what its own planner gives for the same measurements.
    void planRanksTheClusterBesideScission()
    {
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("cluster.cleave"));
        const QStringList common{QStringLiteral("cluster"),
                                 QStringLiteral("zoo:vgg16"),
                                 QStringLiteral("--input"),
                                 QStringLiteral("1x3x64x64"),
                                 QStringLiteral("--local-devices"),
                                 QStringLiteral("0.5,0.25,0.25"),
                                 QStringLiteral("--runs"),
                                 QStringLiteral("1"),
                                 QStringLiteral("--bench-reps"),
                                 QStringLiteral("3"),
                                 QStringLiteral("--db"),
                                 db};
        for (const auto &extra :
             {QStringList{}, QStringList{QStringLiteral("--edge"), QStringLiteral("local")}}) {
            const auto r = testing::runCli(QStringLiteral(CLEAVE_CLI), common + extra);
            QVERIFY2(r.exitCode == 0, r.err.data());
        }
        store::Store stored(db.toStdString(), store::Store::readingAccess(db.toStdString()));
        const auto records = stored.clusters(stored.models().front().id);
        QCOMPARE(records.size(), size_t(2));
        QStringList devices;
        for (const auto &d : records.front().devices)
            devices << QString::fromStdString(d);
        const QStringList plan{
            QStringLiteral("plan"),    QStringLiteral("--db"),      db,
            QStringLiteral("--model"), QStringLiteral("zoo:vgg16"), QStringLiteral("--link"),
            QStringLiteral("lan"),     QStringLiteral("--json")};
        const auto ranked = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            plan + QStringList{QStringLiteral("--cluster"), devices.join(QLatin1Char(','))});
        QVERIFY2(ranked.exitCode == 0, ranked.err.data());
        const auto doc = nlohmann::json::parse(ranked.out.toStdString());
        std::map<std::string, double> total;
        double previous = 0;
        for (const auto &way : doc.at("ranking")) {
            const double t = way.at("total_s");
            QVERIFY(t >= previous);
            previous = t;
            total[way.at("kind")] = t;
        }
        QCOMPARE(total.size(), size_t(4));
        const auto near = [](double a, double b) { return std::abs(a - b) <= 1e-9 * b; };
        // The cluster's totals are those its runs predicted when they planned, over the same
        // rounds where the run chained them.
        QVERIFY(near(total.at("cluster"), records[0].predicted_s.value()));
        std::vector<int> ends;
        for (const auto &way : doc.at("ranking"))
            if (way.at("kind") == "cluster" && way.at("rounds").size() > 1)
                for (const auto &round : way.at("rounds"))
                    ends.push_back(round.at("end"));
        // VGG-16's rounds between its poolings beat one segment on an idle machine; on a busy
        // one the timings may favour one segment: either way the ranking plans as the run did.
        QCOMPARE(ends, records[0].roundEnds);
        if (ends.empty())
            qWarning("the run planned one segment: the ranking's chain was not exercised");
        QVERIFY(near(total.at("cluster_edge"), records[1].predicted_s.value()));
        // The device alone and Scission are the planner's best on the source (the only device
        // with block timings).
        const auto best = [&](const QStringList &more) {
            const auto r = testing::runCli(QStringLiteral(CLEAVE_CLI), plan + more);
            if (r.exitCode != 0) {
                qWarning("plan: %s", r.err.data());
                return -1.0;
            }
            return nlohmann::json::parse(r.out.toStdString())
                .at("ranking")
                .at(0)
                .at("total_s")
                .get<double>();
        };
        QVERIFY(near(total.at("device_alone"),
                     best({QStringLiteral("--tiers"), QStringLiteral("device")})));
        QVERIFY(near(total.at("scission"),
                     best({QStringLiteral("--require"), QStringLiteral("edge")})));

        // The fastest device alone ran beside every inference and was stored with it.
        QCOMPARE(stored.clusterBaselines(records[0].id).size(), size_t(1));
        QCOMPARE(stored.clusterBaselines(records[0].id)[0].way, std::string("alone"));

        // The report draws the newest run's plots; a run or an inference it does not have is
        // named in one line.
        const auto svg = dir.filePath(QStringLiteral("cluster.svg"));
        const QStringList report{
            QStringLiteral("report"),    QStringLiteral("--db"), db, QStringLiteral("--model"),
            QStringLiteral("zoo:vgg16"), QStringLiteral("-o"),   svg};
        const auto drawn = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            report + QStringList{QStringLiteral("--cluster-run"), QString::number(records[0].id)});
        QVERIFY2(drawn.exitCode == 0, drawn.err.data());
        QVERIFY(drawn.out.contains("cluster run " + QByteArray::number(qlonglong(records[0].id))));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly) && file.readAll().contains("<svg"));
        for (const auto &bad : {QStringList{QStringLiteral("--cluster-run"), QStringLiteral("999")},
                                QStringList{QStringLiteral("--cluster-run"), QStringLiteral("0"),
                                            QStringLiteral("--inference"), QStringLiteral("99")},
                                QStringList{QStringLiteral("--inference"), QStringLiteral("1")}}) {
            const auto r = testing::runCli(QStringLiteral(CLEAVE_CLI), report + bad);
            const auto err = QString::fromUtf8(r.err);
            QVERIFY2(r.exitCode != 0 && err.count(QLatin1Char('\n')) == 1 &&
                         err.contains(bad.at(bad.size() - 2)),
                     qPrintable(err));
        }

        // Bad device lists: one line naming the device and the problem.
        const auto fails = [&](const QString &list, const QString &says) {
            const auto r = testing::runCli(QStringLiteral(CLEAVE_CLI),
                                           plan + QStringList{QStringLiteral("--cluster"), list});
            const auto err = QString::fromUtf8(r.err);
            return r.exitCode != 0 && err.count(QLatin1Char('\n')) == 1 && err.contains(says);
        };
        QVERIFY(fails(QStringLiteral("nowhere"), QStringLiteral("nowhere: no such resource")));
        QVERIFY(fails(devices[0] + QLatin1Char(',') + devices[0], QStringLiteral("listed twice")));
        QVERIFY(fails(devices[0] + QLatin1Char(',') + QString::fromStdString(records[1].aggregator),
                      QStringLiteral("has no strip timings of zoo:vgg16")));
    }

    void badRequestsFailWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::addColumn<int>("exitCode");
        const auto model = [](QStringList rest) {
            return QStringList{QStringLiteral("cluster"), QStringLiteral("zoo:resnet18"),
                               QStringLiteral("--input"), QStringLiteral("1x3x64x64")} +
                   rest;
        };
        QTest::newRow("not row-local")
            << model({QStringLiteral("--local-devices"), QStringLiteral("0.5"),
                      QStringLiteral("--segment"), QStringLiteral("0:21")})
            << QStringLiteral("aten::adaptive_avg_pool2d") << 2;
        QTest::newRow("more devices than rows")
            << model({QStringLiteral("--local-devices"), QStringLiteral("0.5,0.5,0.5"),
                      QStringLiteral("--segment"), QStringLiteral("0:18"),
                      QStringLiteral("--devices-min"), QStringLiteral("3")})
            << QStringLiteral("cannot each take a row of the 2 rows") << 2;
        QTest::newRow("share not a number")
            << model({QStringLiteral("--local-devices"), QStringLiteral("0.5,half")})
            << QStringLiteral("'half' is not a CPU share") << 2;
        QTest::newRow("share out of range")
            << model({QStringLiteral("--local-devices"), QStringLiteral("0.5,0.01")})
            << QStringLiteral("0.01 is out of range") << 2;
        QTest::newRow("duplicate devices")
            << model({QStringLiteral("--devices"), QStringLiteral("127.0.0.1:1,127.0.0.1:1")})
            << QStringLiteral("listed twice") << 2;
        QTest::newRow("unreachable device")
            << model({QStringLiteral("--devices"), QStringLiteral("127.0.0.1:1")})
            << QStringLiteral("127.0.0.1:1: GetInfo: agent unreachable") << 1;
        QTest::newRow("rounds not end to end")
            << model({QStringLiteral("--local-devices"), QStringLiteral("0.5"),
                      QStringLiteral("--segment"), QStringLiteral("0:4,5:8")})
            << QStringLiteral("does not start where the one before ends (4)") << 2;
        QTest::newRow("round past the row-local blocks")
            << model({QStringLiteral("--local-devices"), QStringLiteral("0.5"),
                      QStringLiteral("--segment"), QStringLiteral("0:4,4:21")})
            << QStringLiteral("aten::adaptive_avg_pool2d") << 2;
        QTest::newRow("rounds with an edge")
            << model({QStringLiteral("--local-devices"), QStringLiteral("0.5"),
                      QStringLiteral("--edge"), QStringLiteral("local"),
                      QStringLiteral("--segment"), QStringLiteral("0:4,4:8")})
            << QStringLiteral("a chain of rounds gathers at the source device") << 2;
        QTest::newRow("segment not from the input")
            << model({QStringLiteral("--local-devices"), QStringLiteral("0.5"),
                      QStringLiteral("--segment"), QStringLiteral("3:8")})
            << QStringLiteral("the strips start at the input") << 2;
    }

    // Bad input gets one line naming it and the problem, before any agent starts.
    void badRequestsFailWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        QFETCH(int, exitCode);
        const auto r = testing::runCli(QStringLiteral(CLEAVE_CLI), args);
        const auto err = QString::fromUtf8(r.err);
        QVERIFY2(r.exitCode == exitCode, qPrintable(err));
        QVERIFY2(err.startsWith(QStringLiteral("error: ")) && err.count(QLatin1Char('\n')) == 1,
                 qPrintable(err));
        QVERIFY2(err.contains(says), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }

    // A model whose input is not NxCxHxW has no rows to split.
    void flatInputIsRefused()
    {
        QTemporaryDir dir;
        torch::jit::Module m("Flat");
        m.register_attribute("training", c10::BoolType::get(), false);
        m.define("def forward(self, x):\n    return torch.relu(x)\n");
        const auto path = dir.filePath(QStringLiteral("flat.pt"));
        graph::saveModule(m, path.toStdString(), {1, 64});
        const auto r = testing::runCli(QStringLiteral(CLEAVE_CLI),
                                       {QStringLiteral("cluster"), path,
                                        QStringLiteral("--local-devices"), QStringLiteral("0.5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("not NxCxHxW")), r.err.data());
    }
};

CLEAVE_TEST_MAIN(TestClusterRun)
#include "tst_clusterrun.moc"
