// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"
#include "testmodels.h"

#include "core/error.h"
#include "core/graph/modelgraph.h"
#include "core/modelid.h"
#include "core/store/sqlite.h"
#include "core/store/store.h"
#include "core/store/storedmodels.h"

#include <QDir>
#include <QFile>

using namespace cleave;
using namespace cleave::store;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

QString refusal(const QString &path)
{
    try {
        Store store(path.toStdString());
    } catch (const Error &e) {
        return QString::number(int(e.kind())) + QLatin1Char(' ') + QString::fromUtf8(e.what());
    }
    return QStringLiteral("opened");
}

Resource device()
{
    return {0, "local-device", "device", "host", "cpu", 2, 1, "", "1.13", "openblas"};
}

// What schema 11 added (a model's granularity and its cut tensors), taken away again.
const std::string kDropSchema11 =
    "DROP TABLE cut_tensors; ALTER TABLE models DROP COLUMN granularity; ";

// What schemas 5 to 11 added, taken away again to make an older store.
const std::string kDropSchemas5To11 =
    kDropSchema11 +
    "DROP TABLE accuracy; DROP TABLE cluster_baselines; "
    "DROP TABLE strip_timings; DROP TABLE cluster_shares; DROP TABLE cluster_inferences; "
    "DROP TABLE cluster_events; DROP TABLE cluster_runs; "
    "DROP INDEX models_by_content; ALTER TABLE models DROP COLUMN content; "
    "ALTER TABLE resources DROP COLUMN cpu_limit; ALTER TABLE resources DROP COLUMN memory_limit; "
    "ALTER TABLE block_timings DROP COLUMN weight_bytes; "
    "ALTER TABLE block_timings DROP COLUMN peak_bytes; ";

ModelRecord resnet()
{
    return {0, "ab12", "zoo:resnet50", {1, 3, 224, 224}, 38, 25557032};
}

BlockTiming block(int index, double median)
{
    return {index, median, median * 1.1, median * 0.9, median * 1.3, median * 0.05, 1000 + index};
}

/// Schema 8's cluster tables in a store of this schema: no round ends, shares without rounds
/// (and no accuracy table, which schema 10 adds).
void toSchema8(Database &raw)
{
    raw.execute(kDropSchema11 +
                "DROP TABLE accuracy; "
                "ALTER TABLE cluster_runs DROP COLUMN round_ends; DROP TABLE cluster_shares; "
                "DROP TABLE cluster_baselines; "
                "CREATE TABLE cluster_shares(cluster_id INTEGER NOT NULL, run INTEGER NOT NULL, "
                "attempt INTEGER NOT NULL, device TEXT NOT NULL, rows_begin INTEGER NOT NULL, "
                "rows_end INTEGER NOT NULL, received_s REAL NOT NULL, compute_s REAL NOT NULL, "
                "finish_s REAL NOT NULL, PRIMARY KEY (cluster_id, run, attempt, device)) "
                "WITHOUT ROWID");
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Schema 11: a model cut at node granularity is a record of its own (its id says so), with
    // the tensors that cross each cut; records of older stores read as block granularity.
    void keepsAModelsGranularityAndCutTensors()
    {
        const auto path = m_dir.filePath(QStringLiteral("granularity.cleave")).toStdString();
        {
            Store store(path);
            auto nodes = resnet();
            nodes.sha256 = "cd34";
            nodes.blocks = 300;
            nodes.granularity = graph::Granularity::Node;
            const auto blocksId = store.addModel(resnet());
            const auto nodesId = store.addModel(nodes);
            QVERIFY(blocksId != nodesId);
            store.setCutTensors(
                nodesId, {{0, 0, "input", "input", {1, 3, 224, 224}, "float32", 602112},
                          {1, 0, "conv1", "aten::conv2d", {1, 64, 112, 112}, "float32", 3211264},
                          {1, 1, "input", "input", {1, 3, 224, 224}, "float32", 602112}});
            // Replacing them leaves none of the old.
            store.setCutTensors(
                nodesId, {{1, 1, "conv1", "aten::relu", {1, 64, 112, 112}, "float32", 3211264}});
            QCOMPARE(store.cutTensors(nodesId).size(), size_t(1));
            store.setCutTensors(
                nodesId, {{0, 0, "input", "input", {1, 3, 224, 224}, "float32", 602112},
                          {1, 0, "conv1", "aten::conv2d", {1, 64, 112, 112}, "float32", 3211264},
                          {1, 1, "input", "input", {1, 3, 224, 224}, "float32", 602112}});
        }
        Store store(path);
        const auto node = *store.model("cd34");
        QCOMPARE(node.granularity, graph::Granularity::Node);
        QCOMPARE(node.blocks, 300);
        QCOMPARE(store.model("ab12")->granularity, graph::Granularity::Block);
        const auto tensors = store.cutTensors(node.id);
        QCOMPARE(tensors.size(), size_t(3));
        QCOMPARE(tensors[1].cut, 1);
        QCOMPARE(tensors[1].tensor, 0);
        QCOMPARE(tensors[1].label, std::string("conv1"));
        QCOMPARE(tensors[1].shape, (graph::Shape{1, 64, 112, 112}));
        QCOMPARE(tensors[2].bytes, int64_t(602112));
        QVERIFY(store.cutTensors(store.model("ab12")->id).empty());
        {
            // A store of schema 10 gains the column, every model at block granularity.
            Database raw(path, Database::Mode::ReadWrite);
            raw.execute("DELETE FROM models WHERE sha256 = 'cd34'; " + kDropSchema11 +
                        "PRAGMA user_version = 10");
        }
        Store upgraded(path);
        QCOMPARE(upgraded.schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(upgraded.model("ab12")->granularity, graph::Granularity::Block);
    }

    // Schema 7: strip timings replace earlier ones of the same height; a cluster run keeps its
    // inferences per attempt with every device's share, and its events, in order.
    void keepsStripTimingsAndClusterRuns()
    {
        QTemporaryDir dir;
        Store store(dir.filePath(QStringLiteral("cluster.cleave")).toStdString());
        const auto model = store.addModel(resnet());
        Resource device;
        device.name = "pi4@line";
        device.role = "device";
        const auto resource = store.addResource(device);
        store.addStripTiming(model, resource, {12, 5, 0.010, 0.009, 0.012});
        store.addStripTiming(model, resource, {12, 10, 0.019, 0.018, 0.021});
        store.addStripTiming(model, resource, {12, 5, 0.011, 0.010, 0.013}); // timed again
        StripTiming later{12, 5, 0.004, 0.003, 0.005};
        later.first = 7; // schema 8: a segment that starts past the input
        store.addStripTiming(model, resource, later);
        const auto strips = store.stripTimings(model, resource);
        QCOMPARE(strips.size(), size_t(3));
        QCOMPARE(strips[0].median_s, 0.011);
        QCOMPARE(strips[1].rows, int64_t(10));
        QCOMPARE(strips[2].first, 7);
        QCOMPARE(strips[2].median_s, 0.004);

        ClusterRecord record;
        record.modelId = model;
        record.devices = {"pi4@line", "pi3@line"};
        record.aggregator = "edge@rack";
        record.segmentEnd = 12;
        record.link = "lan";
        record.predicted_s = 0.05;
        record.bound = 1.8;
        const auto id = store.beginCluster(record);
        ClusterInference failed{0, 0, false, 0.02, 0, 0, 0, 0.02, 0.05, 0, {}};
        failed.shares = {{"pi4@line", 0, 20, 0, 0.01, 0.012}};
        store.addClusterInference(id, failed);
        ClusterInference retried{0, 1, true, 0.03, 0.001, 0.01, 0.001, 0.042, 0.05, 1e-7, {}};
        retried.shares = {{"pi4@line", 0, 25, 0, 0.015, 0.02},
                          {"pi3@line", 25, 50, 0.004, 0.02, 0.03}};
        store.addClusterInference(id, retried);
        // Schema 9: a chain of rounds, the same device in each round.
        record.roundEnds = {5, 12};
        const auto chained = store.beginCluster(record);
        ClusterInference rounds{0, 0, true, 0.03, 0.002, 0.01, 0, 0.042, 0.05, 1e-7, {}};
        rounds.shares = {{"pi4@line", 0, 30, 0, 0.01, 0.011, 0},
                         {"pi3@line", 30, 50, 0.001, 0.01, 0.012, 0},
                         {"pi4@line", 0, 15, 0, 0.006, 0.006, 1},
                         {"pi3@line", 15, 25, 0.014, 0.005, 0.02, 1}};
        store.addClusterInference(chained, rounds);
        store.addClusterBaseline(chained, {0, "edgedi", 0.032, 0.044});
        store.addClusterBaseline(chained, {0, "alone", 0.05, 0.062});
        store.addClusterBaseline(chained, {0, "alone", 0.051, 0.063}); // run 0 again: replaced
        const auto baselines = store.clusterBaselines(chained);
        QCOMPARE(baselines.size(), size_t(2));
        QCOMPARE(baselines[0].way, std::string("alone")); // by run, then way
        QCOMPARE(baselines[0].makespan_s, 0.051);
        QVERIFY(store.clusterBaselines(id).empty());
        store.addClusterEvent(id, {0, "lost", "pi5@line", "UNAVAILABLE"});
        store.addClusterEvent(id, {1, "adapted", "", "rows 20/10/20 -> 25/25/0"});

        const auto runs = store.clusters(model);
        QCOMPARE(runs.size(), size_t(2));
        QCOMPARE(runs[0].devices, record.devices);
        QCOMPARE(runs[0].bound.value_or(0), 1.8);
        QVERIFY(!runs[0].edgeDi_s);
        QVERIFY(runs[0].roundEnds.empty());
        QCOMPARE(runs[1].roundEnds, record.roundEnds);
        const auto stored = store.clusterInferences(chained).front().shares;
        QCOMPARE(stored.size(), size_t(4));
        QCOMPARE(stored[2].round, 1); // by round, then by rows
        QCOMPARE(stored[2].device, std::string("pi4@line"));
        QCOMPARE(stored[3].rowsEnd, int64_t(25));
        const auto inferences = store.clusterInferences(id);
        QCOMPARE(inferences.size(), size_t(2));
        QVERIFY(!inferences[0].completed);
        QCOMPARE(inferences[1].shares.size(), size_t(2));
        QCOMPARE(inferences[1].shares[1].device, std::string("pi3@line"));
        QCOMPARE(inferences[1].shares[1].rowsBegin, int64_t(25));
        const auto events = store.clusterEvents(id);
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events[0].kind, std::string("lost"));
        QCOMPARE(events[1].run, 1);
    }

    // A store of schema 7 keeps its strip timings on opening, as segments from the input.
    void stripTimingsSurviveSchema8()
    {
        const auto path = m_dir.filePath(QStringLiteral("schema7.cleave")).toStdString();
        int64_t model = 0;
        int64_t resource = 0;
        {
            Store store(path);
            model = store.addModel(resnet());
            resource = store.addResource(device());
        }
        {
            // Schema 7's table, with one row.
            Database raw(path, Database::Mode::ReadWrite);
            raw.execute("DROP TABLE strip_timings; CREATE TABLE strip_timings(model_id INTEGER NOT "
                        "NULL, resource_id INTEGER NOT NULL, segment_end INTEGER NOT NULL, rows "
                        "INTEGER NOT NULL, median_s REAL NOT NULL, p5_s REAL NOT NULL, p95_s REAL "
                        "NOT NULL, measured_at TEXT NOT NULL DEFAULT '', PRIMARY KEY (model_id, "
                        "resource_id, segment_end, rows)) WITHOUT ROWID; "
                        "INSERT INTO strip_timings VALUES (" +
                        std::to_string(model) + ", " + std::to_string(resource) +
                        ", 9, 4, 0.02, 0.01, 0.03, ''); PRAGMA user_version = 7");
            toSchema8(raw);
        }
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        const auto strips = store.stripTimings(model, resource);
        QCOMPARE(strips.size(), size_t(1));
        QCOMPARE(strips[0].first, 0);
        QCOMPARE(strips[0].end, 9);
        QCOMPARE(strips[0].median_s, 0.02);
    }

    // A store of schema 8 keeps its cluster runs on opening: each share in round 0, no chain.
    void clusterRunsSurviveSchema9()
    {
        const auto path = m_dir.filePath(QStringLiteral("schema8.cleave")).toStdString();
        int64_t model = 0;
        int64_t cluster = 0;
        {
            Store store(path);
            model = store.addModel(resnet());
            ClusterRecord record;
            record.modelId = model;
            record.devices = {"pi4@line"};
            record.aggregator = "pi4@line";
            record.segmentEnd = 12;
            record.link = "lan";
            cluster = store.beginCluster(record);
        }
        {
            Database raw(path, Database::Mode::ReadWrite);
            toSchema8(raw);
            raw.execute("INSERT INTO cluster_inferences VALUES (" + std::to_string(cluster) +
                        ", 0, 0, 1, 0.02, 0, 0.01, 0, 0.03, 0.03, 0); INSERT INTO cluster_shares "
                        "VALUES (" +
                        std::to_string(cluster) +
                        ", 0, 0, 'pi4@line', 0, 25, 0, 0.02, 0.02); PRAGMA user_version = 8");
        }
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        const auto runs = store.clusters(model);
        QCOMPARE(runs.size(), size_t(1));
        QVERIFY(runs[0].roundEnds.empty());
        const auto inferences = store.clusterInferences(cluster);
        QCOMPARE(inferences.size(), size_t(1));
        QCOMPARE(inferences[0].shares.size(), size_t(1));
        QCOMPARE(inferences[0].shares[0].round, 0);
        QCOMPARE(inferences[0].shares[0].rowsEnd, int64_t(25));
    }

    // Accuracy counts replace earlier ones of the same configuration (a sweep resumed), keep
    // others apart (a data set, a fine-tuned TL), refuse impossible counts; a store of schema 9
    // keeps its benchmarks and gains the table on opening.
    void keepsAccuracyAndMigratesSchema9()
    {
        const auto path = m_dir.filePath(QStringLiteral("schema9.cleave")).toStdString();
        int64_t model = 0;
        {
            Store store(path);
            model = store.addModel(resnet());
        }
        {
            Database raw(path, Database::Mode::ReadWrite);
            raw.execute(kDropSchema11 + "DROP TABLE accuracy; PRAGMA user_version = 9");
        }
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        QVERIFY(store.accuracies(model).empty());
        AccuracyRecord a{"fashion-mnist/test@1f2e", 7, "maxpool2", "int8", "", 100, 80, 95, 90};
        store.addAccuracy(model, a);
        a.images = 200;
        a.top1 = 150;
        a.top5 = 190;
        store.addAccuracy(model, a); // resumed: the same configuration, further on
        auto tuned = a;
        tuned.fineTuned = "1 epoch";
        store.addAccuracy(model, tuned);
        auto fp32 = a;
        fp32.tl.clear();
        fp32.codec = "fp32";
        store.addAccuracy(model, fp32);
        const auto all = store.accuracies(model);
        QCOMPARE(all.size(), size_t(3));
        QCOMPARE(all[0].tl, std::string()); // by split, then TL
        QCOMPARE(all[1].images, int64_t(200));
        QCOMPARE(all[1].top1, int64_t(150));
        QCOMPARE(all[2].fineTuned, std::string("1 epoch"));
        auto impossible = a;
        impossible.top5 = impossible.top1 - 1; // top-5 below top-1
        QVERIFY_THROWS_EXCEPTION(Error, store.addAccuracy(model, impossible));
    }

    void init() { QVERIFY(m_dir.isValid()); }

    // Offloaded runs keep every inference, and a store of schema 1 gains them on opening with
    // its benchmark data intact.
    void keepsOffloadsAndMigratesOlderStores()
    {
        const auto path = m_dir.filePath(QStringLiteral("offload.cleave")).toStdString();
        int64_t model = 0, run = 0;
        {
            Store store(path);
            model = store.addModel(resnet());
            run = store.beginRun(model, store.addResource(device()), {3, 20, {}, {"fp32"}});
            store.addBlockTiming(run, block(0, 0.010));
        }
        {
            // What a build of schema 1 left behind.
            Database raw(path, Database::Mode::ReadWrite);
            raw.execute("DROP TABLE offload_inferences; DROP TABLE offload_runs; "
                        "DROP TABLE agents; DROP TABLE settings; " +
                        kDropSchemas5To11 + "PRAGMA user_version = 1");
        }
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        QVERIFY(store.agents().empty());
        QCOMPARE(store.timings(run).blocks.size(), size_t(1));
        OffloadRecord record;
        record.modelId = model;
        record.device = "local-device";
        record.edge = "local-edge";
        record.split = 7;
        record.tl = "maxpool2";
        record.link = "5g-peak";
        record.latency_s = 0.028;
        record.uplink_bps = 57e6;
        record.downlink_bps = 57e6;
        record.predicted_s = 0.120;
        const auto id = store.beginOffload(record);
        store.addOffloadInference(
            id, {0, .05, .001, .002, .04, .002, .001, .02, .03, .146, 4096, 4000});
        store.addOffloadInference(
            id, {1, .05, .001, .002, .04, .002, .001, .02, .03, .148, 4096, 4000});
        record.split = 0;
        record.tl.clear();
        record.predicted_s.reset();
        store.beginOffload(record);
        const auto offloads = store.offloads(model);
        QCOMPARE(offloads.size(), size_t(2));
        QCOMPARE(offloads[0].split, 7);
        QCOMPARE(offloads[0].tl, std::string("maxpool2"));
        QCOMPARE(*offloads[0].predicted_s, 0.120);
        QVERIFY(!offloads[1].predicted_s);
        QVERIFY(!offloads[0].startedAt.empty());
        const auto inferences = store.offloadInferences(id);
        QCOMPARE(inferences.size(), size_t(2));
        QCOMPARE(inferences[1].total_s, 0.148);
        QCOMPARE(inferences[1].uploadBytes, int64_t(4096));
        QCOMPARE(store.offloadInferences(offloads[1].id).size(), size_t(0));
    }

    // A project is the store: its agents (in order, with what secured ones need) and settings
    // live in the same file, and Save As writes a copy that opens with all of it.
    void keepsProjectAgentsAndSettings()
    {
        const auto path = m_dir.filePath(QStringLiteral("project.cleave")).toStdString();
        const auto copy = m_dir.filePath(QStringLiteral("copy.cleave")).toStdString();
        int64_t run = 0;
        {
            Store store(path);
            store.setAgents(
                {{"127.0.0.1:5001", "device", "", ""},
                 {"edge.example:443", "edge", "/etc/cleave/edge.token", "/etc/ca.pem"}});
            store.setAgents({{"edge.example:443", "edge", "/etc/cleave/edge.token", "/etc/ca.pem",
                              "/etc/cleave/me.pem", "/etc/cleave/me.key"},
                             {"127.0.0.1:5001", "device", "", ""}});
            store.setSetting("model", "zoo:resnet18");
            store.setSetting("model", "zoo:vgg16");
            run = store.beginRun(store.addModel(resnet()), store.addResource(device()),
                                 {3, 20, {}, {"fp32"}});
            store.saveCopy(copy);
            QVERIFY_THROWS_EXCEPTION(cleave::Error, store.saveCopy(copy)); // exists: refused
            QVERIFY_THROWS_EXCEPTION(cleave::Error,
                                     store.setAgents({{"a:1", "phone", "", ""}})); // bad role
            QCOMPARE(store.agents().size(), size_t(2)); // the refused list changed nothing
        }
        for (const auto &file : {path, copy}) {
            Store store(file);
            const auto agents = store.agents();
            QCOMPARE(agents.size(), size_t(2));
            QCOMPARE(agents[0].address, std::string("edge.example:443"));
            QCOMPARE(agents[0].tokenFile, std::string("/etc/cleave/edge.token"));
            QCOMPARE(agents[0].tlsCa, std::string("/etc/ca.pem"));
            QCOMPARE(agents[0].tlsCert, std::string("/etc/cleave/me.pem"));
            QCOMPARE(agents[0].tlsKey, std::string("/etc/cleave/me.key"));
            QCOMPARE(agents[1].role, std::string("device"));
            QCOMPARE(agents[1].tlsCert, std::string());
            QCOMPARE(*store.setting("model"), std::string("zoo:vgg16"));
            QVERIFY(!store.setting("link"));
            QVERIFY(store.incompleteRun(1, 1));
            QCOMPARE(store.incompleteRun(1, 1)->id, run);
        }
    }

    // Schema 3 had no client certificates: its agents open unchanged, without one.
    void keepsAgentsOfSchema3()
    {
        const auto path = m_dir.filePath(QStringLiteral("schema3.cleave")).toStdString();
        {
            Store store(path);
            store.setAgents({{"edge.example:443", "edge", "/etc/cleave/edge.token", "/etc/ca.pem"},
                             {"127.0.0.1:5001", "device", "", ""}});
        }
        {
            Database raw(path, Database::Mode::ReadWrite);
            raw.execute("ALTER TABLE agents DROP COLUMN tls_cert; "
                        "ALTER TABLE agents DROP COLUMN tls_key; " +
                        kDropSchemas5To11 + "PRAGMA user_version = 3");
        }
        Store store(path);
        QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
        const auto agents = store.agents();
        QCOMPARE(agents.size(), size_t(2));
        QCOMPARE(agents[0].tokenFile, std::string("/etc/cleave/edge.token"));
        QCOMPARE(agents[0].tlsCa, std::string("/etc/ca.pem"));
        QCOMPARE(agents[0].tlsCert, std::string());
        QCOMPARE(agents[1].address, std::string("127.0.0.1:5001"));
    }

    // A model is its content: a copy under another name, its absolute path and its digest find
    // the records; a file rewritten with another network finds none and says so; records from
    // before schema 5 (no content kept) are found by their id.
    void findsModelsByContent()
    {
        const auto file = [this](const char *name) {
            return m_dir.filePath(QString::fromLatin1(name)).toStdString();
        };
        const graph::Shape input{1, 3, 32, 32};
        graph::saveModule(testing::demoModel(), file("swap.pt"), input);
        graph::saveModule(testing::convChain(3, 4, 1), file("other.pt"), input);
        const auto path = file("models.cleave");
        Store store(path);
        const auto identity = ModelIdentity::ofFile(file("swap.pt"));
        ModelRecord record{0,   identity.id(input), file("swap.pt"), input, 9,
                           100, identity.content()};
        const auto id = store.addModel(record);
        store.beginRun(id, store.addResource(device()), {});

        QVERIFY(QFile::copy(QString::fromStdString(file("swap.pt")),
                            QString::fromStdString(file("copy.pt"))));
        for (const auto &spec :
             {file("copy.pt"),
              QDir(m_dir.path()).absoluteFilePath(QStringLiteral("swap.pt")).toStdString(),
              identity.id(input), identity.content().substr(7)}) {
            const auto found = storedModels(store, spec);
            QCOMPARE(found.size(), size_t(1));
            QCOMPARE(found[0].id, id);
        }
        QVERIFY(storedModels(store, file("other.pt")).empty());

        // swap.pt rewritten with another network: its name is known, its content is not.
        QVERIFY(QFile::remove(QString::fromStdString(file("swap.pt"))));
        QVERIFY(QFile::copy(QString::fromStdString(file("other.pt")),
                            QString::fromStdString(file("swap.pt"))));
        const auto changed = testing::errorOf([&] { storedModels(store, file("swap.pt")); });
        const auto other = ModelIdentity::ofFile(file("other.pt")).content().substr(7, 12);
        QVERIFY2(changed.startsWith(QString::fromStdString(file("swap.pt")) +
                                    QStringLiteral(" changed since it was benchmarked on 20")) &&
                     changed.contains(QStringLiteral("(digest ") +
                                      QString::fromStdString(identity.content().substr(7, 12)) +
                                      QStringLiteral(", now ") + QString::fromStdString(other)) &&
                     changed.endsWith(QStringLiteral("): benchmark it again")),
                 qPrintable(changed));
        // The copy still finds the old network's records.
        QCOMPARE(storedModels(store, file("copy.pt")).size(), size_t(1));

        // A record of schema 4: no content, an id made without an input shape.
        const auto older = ModelIdentity::ofFile(file("other.pt"));
        const auto olderId = store.addModel({0, older.id(std::string()), "gone.pt", input, 3, 10});
        const auto found = storedModels(store, file("swap.pt"));
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].id, olderId);
        QCOMPARE(storedModels(store, "gone.pt").size(), size_t(1)); // by name, the file gone
    }

    void createsTheSchemaAndKeepsData()
    {
        const auto path = m_dir.filePath(QStringLiteral("new.cleave")).toStdString();
        int64_t run = 0;
        {
            Store store(path);
            QCOMPARE(store.schemaVersion(), Store::kSchemaVersion);
            const auto model = store.addModel(resnet());
            const auto resource = store.addResource(device());
            run = store.beginRun(model, resource, {3, 20, {"maxpool2"}, {"fp32", "fp16+zstd"}});
            store.addBlockTiming(run, block(0, 0.010));
            store.addBlockTiming(run, block(1, 0.020));
            store.addCodecCost(run, {1, "fp16+zstd", 4000, 0.001, 0.002});
            store.addTlCost(run, {1, "maxpool2", 0.0003, 0.0004, 2000});
            store.finishRun(run, 0.031);
        }
        Store reopened(path);
        const auto model = reopened.model("ab12");
        QVERIFY(model);
        QCOMPARE(model->inputShape, (graph::Shape{1, 3, 224, 224}));
        QCOMPARE(model->parameters, int64_t(25557032));
        const auto timings =
            reopened.latestTimings(model->id, reopened.resource("local-device")->id);
        QVERIFY(timings);
        QCOMPARE(timings->run.id, run);
        QVERIFY(timings->run.complete);
        QCOMPARE(*timings->run.wholeModel_s, 0.031);
        QCOMPARE(timings->run.settings.codecs, (std::vector<std::string>{"fp32", "fp16+zstd"}));
        QCOMPARE(timings->run.settings.tlSpecs, (std::vector<std::string>{"maxpool2"}));
        QCOMPARE(int(timings->blocks.size()), 2);
        QCOMPARE(timings->blocks[1].median_s, 0.020);
        QCOMPARE(timings->blocks[1].outputBytes, int64_t(1001));
        QCOMPARE(timings->codecs.at(0).codec, std::string("fp16+zstd"));
        QCOMPARE(timings->tls.at(0).edgeTl_s, 0.0004);
        QVERIFY(!timings->run.startedAt.empty());
        // Write-ahead logging: a reader never blocks the writer.
        Database raw(path, Database::Mode::ReadWrite);
        Statement mode(raw, "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), std::string("wal"));
    }

    void upsertsResourcesAndModelsByKey()
    {
        Store store(m_dir.filePath(QStringLiteral("upsert.cleave")).toStdString());
        auto r = device();
        const auto id = store.addResource(r);
        r.threads = 4;
        QCOMPARE(store.addResource(r), id);
        QCOMPARE(store.resources().size(), size_t(1));
        QCOMPARE(store.resources()[0].threads, 4);
        const auto model = store.addModel(resnet());
        QCOMPARE(store.addModel(resnet()), model);
        // An agent's limits are kept with its resource (schema 6).
        auto emulated = device();
        emulated.limits = {0.1, int64_t(512) << 20};
        emulated.name = resourceName("dev@host", emulated.limits);
        QCOMPARE(emulated.name, std::string("dev@host (emulated: 0.1 core; 512 MiB)"));
        store.addResource(emulated);
        const auto kept = store.resource(emulated.name);
        QVERIFY(kept);
        QCOMPARE(kept->limits.cpuCores.value_or(0), 0.1);
        QCOMPARE(kept->limits.memoryBytes.value_or(0), int64_t(512) << 20);
        QVERIFY(!store.resources()[0].limits.any());
    }

    // A second connection (another process, the GUI) sees each result as soon as it is added;
    // the planner's query only sees complete runs.
    void commitsEachResultAsItArrives()
    {
        const auto path = m_dir.filePath(QStringLiteral("live.cleave")).toStdString();
        Store writer(path);
        const auto model = writer.addModel(resnet());
        const auto resource = writer.addResource(device());
        const auto run = writer.beginRun(model, resource, {});
        writer.addBlockTiming(run, block(0, 0.01));
        writer.addBlockTiming(run, block(1, 0.02));

        Store reader(path);
        const auto incomplete = reader.incompleteRun(model, resource);
        QVERIFY(incomplete);
        QCOMPARE(incomplete->id, run);
        QVERIFY(!incomplete->complete);
        QCOMPARE(int(reader.timings(run).blocks.size()), 2);
        QVERIFY(!reader.latestTimings(model, resource));

        writer.finishRun(run, 0.03);
        QVERIFY(!reader.incompleteRun(model, resource));
        QCOMPARE(reader.latestTimings(model, resource)->run.id, run);
    }

    void resumedResultsReplaceEarlierOnes()
    {
        Store store(m_dir.filePath(QStringLiteral("resume.cleave")).toStdString());
        const auto run = store.beginRun(store.addModel(resnet()), store.addResource(device()), {});
        store.addBlockTiming(run, block(3, 0.5));
        store.addBlockTiming(run, block(3, 0.25));
        const auto t = store.timings(run);
        QCOMPARE(int(t.blocks.size()), 1);
        QCOMPARE(t.blocks[0].median_s, 0.25);
    }

    // A run whose settings were damaged on disk (found by fuzz_project, where it ended the
    // program) is an error naming the file and the run; the other runs still read.
    void damagedRunIsAnError()
    {
        const auto path = m_dir.filePath(QStringLiteral("damaged.cleave")).toStdString();
        Store store(path);
        const auto model = store.addModel(resnet());
        const auto damaged = store.beginRun(model, store.addResource(device()), {});
        auto edge = device();
        edge.name = "local-edge";
        edge.role = "edge";
        const auto sound = store.beginRun(model, store.addResource(edge), {});
        {
            cleave::store::Database raw(path, cleave::store::Database::Mode::ReadWrite);
            raw.execute("UPDATE runs SET codecs = 'unix' WHERE id = " + std::to_string(damaged));
        }
        try {
            store.timings(damaged);
            QFAIL("a damaged run was read");
        } catch (const cleave::Error &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     QString::fromStdString(path) + QStringLiteral(": run %1 is damaged (its "
                                                                   "settings are not a list)")
                                                        .arg(damaged));
        }
        QCOMPARE(store.timings(sound).run.id, sound);
    }

    void rejectsResultsForUnknownRuns()
    {
        Store store(m_dir.filePath(QStringLiteral("fk.cleave")).toStdString());
        try {
            store.addBlockTiming(999, block(0, 0.1));
            QFAIL("a timing for a run that does not exist was accepted");
        } catch (const Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("FOREIGN KEY")), e.what());
        }
        try {
            store.finishRun(999, 0.1);
            QFAIL("finishing a run that does not exist was accepted");
        } catch (const Error &e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::NotFound));
        }
    }

    void keepsNetworkProfiles()
    {
        Store store(m_dir.filePath(QStringLiteral("net.cleave")).toStdString());
        store.saveNetworkProfile({"5g-peak", 0.028, 57e6, 600e6});
        store.saveNetworkProfile({"3g", 0.1, 1.1e6, 5e6});
        const auto all = store.networkProfiles();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[1].name, std::string("5g-peak"));
        QCOMPARE(all[1].uplink_bps, 57e6);
    }

    // Bad files are refused with one line naming them, and left exactly as they were.
    void refusesFilesItCannotUse_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("text file")
            << QStringLiteral("notes.txt")
            << QStringLiteral("not a Cleave database (file is not a database)");
        QTest::newRow("newer schema")
            << QStringLiteral("future.cleave")
            << QStringLiteral("schema version 99 is newer than this Cleave understands (%1)")
                   .arg(Store::kSchemaVersion);
        QTest::newRow("negative schema") << QStringLiteral("negative.cleave")
                                         << QStringLiteral("schema version -248 is not Cleave's");
        QTest::newRow("other SQLite file")
            << QStringLiteral("other.sqlite")
            << QStringLiteral("an SQLite database, but not a Cleave store");
    }
    void refusesFilesItCannotUse()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        const auto path = m_dir.filePath(name);
        if (name.endsWith(QStringLiteral(".txt"))) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("these are not the tables you are looking for\n").repeated(200));
        } else if (name.startsWith(QStringLiteral("future")) ||
                   name.startsWith(QStringLiteral("negative"))) {
            {
                Store store(path.toStdString());
            }
            Database raw(path.toStdString(), Database::Mode::ReadWrite);
            raw.execute(name.startsWith(QStringLiteral("future")) ? "PRAGMA user_version = 99"
                                                                  : "PRAGMA user_version = -248");
        } else {
            Database raw(path.toStdString(), Database::Mode::ReadWriteCreate);
            raw.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)");
        }
        const auto before = contents(path);
        const auto message = refusal(path);
        QCOMPARE(message.section(QLatin1Char(' '), 0, 0),
                 QString::number(int(ErrorKind::InvalidInput)));
        QVERIFY2(message.contains(path + QStringLiteral(": ") + reason), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
        QCOMPARE(contents(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesAMissingFolder()
    {
        const auto message = refusal(QStringLiteral("/nonexistent/folder/x.cleave"));
        QVERIFY2(message.contains(
                     QStringLiteral("/nonexistent/folder/x.cleave: cannot open the database")),
                 qPrintable(message));
    }

private:
    QTemporaryDir m_dir;
};

CLEAVE_TEST_MAIN(TestStore)
#include "tst_store.moc"
