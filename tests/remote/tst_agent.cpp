// SPDX-License-Identifier: GPL-3.0-or-later
// The agent over real gRPC on 127.0.0.1 with ephemeral ports: in-process for the protocol,
// and the cleave-agent executable for start-up, logging and shutdown.
#include "testmain.h"
#include "tokenfile.h"

#include "core/graph/modelgraph.h"
#include "remote/agent/agentservice.h"
#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"
#include "remote/cpupinning.h"

#include "inference/grpc_service.grpc.pb.h"

#include <grpcpp/grpcpp.h>
#include <torch/script.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>
#include <map>

namespace v1 = cleave::agent::v1;
using cleave::testing::fixture;

namespace {

struct Server
{
    explicit Server(cleave::remote::AgentConfig config)
        : service(std::move(config))
    {
        grpc::ServerBuilder builder;
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
        builder.RegisterService(&service);
        builder.SetMaxReceiveMessageSize(8 << 20);
        server = builder.BuildAndStart();
        address = "127.0.0.1:" + std::to_string(port);
        stub = v1::Agent::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
    }
    ~Server() { server->Shutdown(std::chrono::system_clock::now()); }

    cleave::remote::AgentService service;
    int port = 0;
    std::string address;
    std::unique_ptr<grpc::Server> server;
    std::unique_ptr<v1::Agent::Stub> stub;
};

std::unique_ptr<grpc::ClientContext> withDeadline(int seconds = 60)
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
    return context;
}

/// Uploads `bytes` in 1 KiB chunks (so several chunks are exercised), claiming `claimed` bytes.
grpc::Status upload(v1::Agent::Stub &stub, const QByteArray &bytes, v1::LoadModelReply *reply,
                    int64_t claimed = -1)
{
    auto context = withDeadline();
    auto writer = stub.LoadModel(context.get(), reply);
    v1::LoadModelChunk chunk;
    chunk.mutable_header()->set_name("upload.pt");
    chunk.mutable_header()->set_total_bytes(uint64_t(claimed >= 0 ? claimed : bytes.size()));
    writer->Write(chunk);
    for (qsizetype at = 0; at < bytes.size(); at += 1024) {
        chunk.set_data(bytes.mid(at, 1024).toStdString());
        if (!writer->Write(chunk))
            break;
    }
    writer->WritesDone();
    return writer->Finish();
}

/// Loads a zoo model by its header alone.
grpc::Status loadZoo(v1::Agent::Stub &stub, const v1::ModelHeader &header,
                     v1::LoadModelReply *reply)
{
    auto context = withDeadline();
    auto writer = stub.LoadModel(context.get(), reply);
    v1::LoadModelChunk chunk;
    *chunk.mutable_header() = header;
    writer->Write(chunk);
    writer->WritesDone();
    return writer->Finish();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Runs a benchmark to its end: the events it streamed, and its status.
std::vector<v1::BenchmarkEvent>
runBenchmark(v1::Agent::Stub &stub, const v1::BenchmarkRequest &request, grpc::Status *status)
{
    auto context = withDeadline();
    auto reader = stub.Benchmark(context.get(), request);
    std::vector<v1::BenchmarkEvent> events;
    v1::BenchmarkEvent event;
    while (reader->Read(&event))
        events.push_back(event);
    *status = reader->Finish();
    return events;
}

bool serves(v1::Agent::Stub &stub)
{
    v1::AgentInfo info;
    return stub.GetInfo(withDeadline(10).get(), {}, &info).ok();
}

/// The agent process's first line ("cleave-agent NAME (...) listening on HOST:PORT").
QString firstLine(QProcess &agent)
{
    for (int i = 0; i < 300 && !agent.canReadLine(); ++i)
        agent.waitForReadyRead(100);
    return QString::fromUtf8(agent.readLine());
}

/// GetInfo of the agent whose first line is `line`; false when it names no loopback address or
/// the call fails.
bool askInfo(const QString &line, v1::AgentInfo *info)
{
    const auto match =
        QRegularExpression(QStringLiteral("listening on (127\\.0\\.0\\.1:\\d+)")).match(line);
    if (!match.hasMatch())
        return false;
    auto stub = v1::Agent::NewStub(
        grpc::CreateChannel(match.captured(1).toStdString(), grpc::InsecureChannelCredentials()));
    return stub->GetInfo(withDeadline().get(), {}, info).ok();
}

/// The control group folders a process is in, one per hierarchy with a limit, from
/// /proc/PID/cgroup: "4:memory:/a/cleave-agent.x.9" is /sys/fs/cgroup/memory/a/cleave-agent.x.9.
QStringList agentGroupsOf(qint64 pid)
{
    QStringList groups;
    const auto text = readFile(QStringLiteral("/proc/%1/cgroup").arg(pid));
    for (const auto &line : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        const auto parts = line.split(QLatin1Char(':'));
        if (parts.size() < 3 || !parts[2].contains(QStringLiteral("cleave-agent.")))
            continue;
        const auto controller = parts[1].isEmpty() ? QString() : parts[1].split(u',').first();
        groups.push_back(QStringLiteral("/sys/fs/cgroup/") + controller + parts[2]);
    }
    return groups;
}

/// The agent executable with `args` on a free loopback port, started; its first line read.
QString startAgent(QProcess &agent, const QStringList &args)
{
    agent.start(QStringLiteral(CLEAVE_AGENT),
                QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + args);
    return agent.waitForStarted() ? firstLine(agent) : QString();
}

/// A request for strip timings only (two repetitions) of InspectNet, loaded on `s`.
v1::BenchmarkRequest stripsOfInspectNet(const Server &s)
{
    cleave::remote::AgentClient client(s.address);
    const auto loaded = client.loadZoo("inspectnet", 0, {{1, 1, 28, 28}});
    v1::BenchmarkRequest request;
    request.set_model_id(loaded.model_id());
    request.set_reps(2);
    request.set_strips_only(true);
    return request;
}

} // namespace

class TestAgent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsWhatItRunsOn()
    {
        Server s({"edge-1", "edge"});
        v1::AgentInfo info;
        QVERIFY(s.stub->GetInfo(withDeadline().get(), {}, &info).ok());
        QCOMPARE(info.name(), std::string("edge-1"));
        QCOMPARE(info.role(), std::string("edge"));
        QCOMPARE(info.protocol_version(), 5u); // revision 5: deployments of several tensors
        QVERIFY(info.cores() > 0);
        QVERIFY(info.torch_threads() > 0);
        QVERIFY(!info.host_name().empty());
        QVERIFY(!info.torch_version().empty());
        // The project installs OpenBLAS: without it LibTorch runs on the reference BLAS.
        QCOMPARE(info.blas(), std::string("openblas"));
    }

    void loadsAndCachesAnUploadedModel()
    {
        Server s({});
        const auto bytes = readFile(fixture("residual.pt"));
        v1::LoadModelReply first;
        auto status = upload(*s.stub, bytes, &first);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(first.model_id().size(), size_t(64));
        QVERIFY(!first.cached());
        QCOMPARE(first.blocks(), 8);
        QCOMPARE(first.cuts_size(), 9);
        QCOMPARE(first.cuts(2).label(), std::string("layer1.0"));
        QCOMPARE(first.parameters(), int64_t(2637));
        v1::LoadModelReply second;
        QVERIFY(upload(*s.stub, bytes, &second).ok());
        QCOMPARE(second.model_id(), first.model_id());
        QVERIFY(second.cached());
    }

    void loadsAZooModel()
    {
        Server s({});
        v1::ModelHeader header;
        header.set_name("zoo:inspectnet");
        header.set_zoo_name("inspectnet");
        header.set_seed(4);
        for (const int d : {1, 1, 64, 64})
            header.add_input_shape(d);
        v1::LoadModelReply reply;
        const auto status = loadZoo(*s.stub, header, &reply);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(reply.blocks(), 15);
        QCOMPARE(reply.input_shape(2), int64_t(64));
    }

    // Revision 4: a model cut at node granularity is another model id, its cuts list every
    // tensor; an unknown granularity or too many cuts is INVALID_ARGUMENT; a deployment of a
    // slice at a cut of several tensors is refused.
    void loadsAModelCutAtEveryNode()
    {
        Server s({});
        cleave::remote::AgentClient client(s.address);
        const auto blocks = client.loadFile(fixture("residual.pt").toStdString(), std::nullopt);
        const auto nodes = client.loadFile(fixture("residual.pt").toStdString(), std::nullopt,
                                           {cleave::graph::Granularity::Node});
        QVERIFY(nodes.model_id() != blocks.model_id());
        QVERIFY(!nodes.cached());
        const auto expected = cleave::graph::ModelGraph::load(
            fixture("residual.pt").toStdString(), std::nullopt,
            cleave::graph::ModelGraph::Original::Keep, {cleave::graph::Granularity::Node});
        QCOMPARE(nodes.blocks(), expected.blockCount());
        int several = -1;
        for (const auto &cut : nodes.cuts()) {
            const auto &own = expected.cuts()[size_t(cut.index())];
            QCOMPARE(size_t(cut.tensors_size()), own.tensors.size());
            QCOMPARE(cut.bytes(), own.bytes);
            for (int t = 0; t < cut.tensors_size(); ++t)
                QCOMPARE(cut.tensors(t).bytes(), own.tensors[size_t(t)].bytes);
            if (several < 0 && cut.tensors_size() > 1)
                several = cut.index();
        }
        QVERIFY(several > 0);
        // A slice from that cut takes every tensor of it (revision 5), in the cut's order; a
        // strip needs one tensor to cut into rows.
        using Part = cleave::remote::AgentClient::ModelPart;
        const auto deployed =
            client.deploy("several", Part{nodes.model_id(), several, nodes.blocks(), std::nullopt});
        const auto &from = expected.cuts()[size_t(several)];
        QCOMPARE(size_t(deployed.inputs_size()), from.tensors.size());
        for (int t = 0; t < deployed.inputs_size(); ++t)
            QCOMPARE(cleave::graph::Shape(deployed.inputs(t).dims().begin(),
                                          deployed.inputs(t).dims().end()),
                     from.tensors[size_t(t)].shape);
        QCOMPARE(
            cleave::graph::Shape(deployed.output_shape().begin(), deployed.output_shape().end()),
            expected.outputShape());
        try {
            client.deploy("several_rows", Part{nodes.model_id(), several, nodes.blocks(),
                                               cleave::graph::RowRange{0, 1}});
            QFAIL("a strip from a cut of several tensors was deployed");
        } catch (const cleave::Error &e) {
            QCOMPARE(int(e.kind()), int(cleave::ErrorKind::InvalidInput));
            QVERIFY2(QString::fromUtf8(e.what()).contains(
                         QStringLiteral("a strip needs a cut of one tensor")),
                     e.what());
        }

        const auto refused = [&](const char *granularity, int maxCuts, const QString &says) {
            v1::ModelHeader header;
            header.set_name("zoo:inspectnet");
            header.set_zoo_name("inspectnet");
            header.set_granularity(granularity);
            header.set_max_cuts(maxCuts);
            v1::LoadModelReply reply;
            const auto status = loadZoo(*s.stub, header, &reply);
            return status.error_code() == grpc::StatusCode::INVALID_ARGUMENT &&
                   QString::fromStdString(status.error_message()).contains(says);
        };
        QVERIFY(refused("nodes", 0, QStringLiteral("granularity 'nodes' is unknown")));
        QVERIFY(refused("node", -1, QStringLiteral("max_cuts -1 is negative")));
        QVERIFY(refused("node", 3, QStringLiteral("cuts, more than the limit of 3")));
    }

    void refusesBadUploadsAndKeepsServing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("claimed");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const auto model = readFile(fixture("residual.pt"));
        QTest::newRow("not a model") << QByteArray("plain text, not a zip\n").repeated(100)
                                     << qint64(-1) << int(grpc::StatusCode::INVALID_ARGUMENT)
                                     << QStringLiteral("upload.pt: not a TorchScript archive");
        QTest::newRow("corrupt archive")
            << model.left(model.size() / 2) << qint64(-1) << int(grpc::StatusCode::INVALID_ARGUMENT)
            << QStringLiteral("upload.pt: truncated or damaged TorchScript archive");
        const auto small = readFile(fixture("chain.pt")); // under the limit
        QTest::newRow("ends early")
            << small << qint64(small.size() + 10) << int(grpc::StatusCode::INVALID_ARGUMENT)
            << QStringLiteral("the upload ended after");
        QTest::newRow("over the limit (header)")
            << model << qint64(1) << int(grpc::StatusCode::RESOURCE_EXHAUSTED)
            << QStringLiteral("over this agent's model size limit of 20000 bytes");
        QTest::newRow("over the limit (data)")
            << model << qint64(100) << int(grpc::StatusCode::RESOURCE_EXHAUSTED)
            << QStringLiteral("over this agent's model size limit of 20000 bytes");
    }
    void refusesBadUploadsAndKeepsServing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, claimed);
        QFETCH(int, code);
        QFETCH(QString, message);
        cleave::remote::AgentConfig config;
        config.maxModelBytes = 20000;
        Server s(config);
        // "over the limit (header)" claims more than the limit; "(data)" claims little but
        // sends more.
        const qint64 claim = QTest::currentDataTag() == QByteArray("over the limit (header)")
                                 ? config.maxModelBytes + 1
                                 : claimed;
        v1::LoadModelReply reply;
        const auto status = upload(*s.stub, bytes, &reply, claim);
        QCOMPARE(int(status.error_code()), code);
        QVERIFY2(QString::fromStdString(status.error_message()).contains(message),
                 status.error_message().c_str());
        QVERIFY(serves(*s.stub));
    }

    void streamsBlockResultsThenTheWholeModel()
    {
        Server s({});
        v1::LoadModelReply loaded;
        QVERIFY(upload(*s.stub, readFile(fixture("inception.pt")), &loaded).ok());
        v1::BenchmarkRequest request;
        request.set_model_id(loaded.model_id());
        request.set_warmup(1);
        request.set_reps(3);
        grpc::Status status;
        std::vector<int> blocks;
        int wholes = 0;
        for (const auto &event : runBenchmark(*s.stub, request, &status)) {
            if (event.has_block()) {
                QCOMPARE(wholes, 0);
                blocks.push_back(event.block().block());
                QCOMPARE(event.block().output_bytes(),
                         loaded.cuts(event.block().block() + 1).bytes());
                QVERIFY(event.block().time().median_s() > 0);
            } else if (event.has_whole_model()) {
                ++wholes;
                QVERIFY(event.whole_model().time().median_s() > 0);
            }
        }
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(blocks, (std::vector<int>{0, 1, 2, 3, 4, 5}));
        QCOMPARE(wholes, 1);
    }

    void streamsCodecCostsAtEveryCut()
    {
        Server s({});
        v1::LoadModelReply loaded;
        QVERIFY(upload(*s.stub, readFile(fixture("chain.pt")), &loaded).ok());
        v1::BenchmarkRequest request;
        request.set_model_id(loaded.model_id());
        request.set_reps(2);
        request.add_codecs("fp32");
        request.add_codecs("int8+zstd");
        request.add_tl_specs("maxpool2");
        grpc::Status status;
        std::map<std::pair<int, std::string>, int64_t> bytes;
        std::map<int, int64_t> tlBytes;
        for (const auto &event : runBenchmark(*s.stub, request, &status)) {
            if (event.has_tl()) {
                tlBytes[event.tl().cut()] = event.tl().output_bytes();
                QCOMPARE(event.tl().spec(), std::string("maxpool2"));
                QVERIFY(event.tl().device_tl().median_s() > 0);
                QVERIFY(event.tl().edge_tl().median_s() > 0);
            }
            if (event.has_cut()) {
                bytes[{event.cut().cut(), event.cut().codec()}] = event.cut().encoded_bytes();
                QVERIFY(event.cut().serialise().median_s() > 0);
                QVERIFY(event.cut().deserialise().median_s() > 0);
            }
        }
        QVERIFY(status.ok());
        // chain.pt: cuts 0..4 are NxCxHxW (the TL applies), 5 is the flattened vector, 6 the
        // result. Max pooling by 2 leaves a quarter of the bytes.
        QCOMPARE(int(tlBytes.size()), 5);
        for (const auto &[cut, bytes] : tlBytes)
            QCOMPARE(bytes, loaded.cuts(cut).bytes() / 4);
        QCOMPARE(int(bytes.size()), 2 * loaded.cuts_size()); // cuts 0..K, the result included
        for (const auto &cut : loaded.cuts()) {
            QCOMPARE(bytes.at({cut.index(), "fp32"}), cut.bytes());
            if (cut.bytes() >= 1024) // tiny tensors do not cover zstd's frame overhead
                QVERIFY(bytes.at({cut.index(), "int8+zstd"}) < cut.bytes() / 2);
        }
    }

    void refusesUnknownCodecsAndTlSpecs()
    {
        Server s({});
        v1::LoadModelReply loaded;
        QVERIFY(upload(*s.stub, readFile(fixture("chain.pt")), &loaded).ok());
        for (const bool tl : {false, true}) {
            v1::BenchmarkRequest request;
            request.set_model_id(loaded.model_id());
            if (tl)
                request.add_tl_specs("minpool2");
            else
                request.add_codecs("bf16");
            grpc::Status status;
            QVERIFY(runBenchmark(*s.stub, request, &status).empty());
            QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
            QVERIFY2(status.error_message().find(tl ? "TL spec 'minpool2'" : "codec 'bf16'") !=
                         std::string::npos,
                     status.error_message().c_str());
        }
    }

    void resumesFromABlock()
    {
        Server s({});
        v1::LoadModelReply loaded;
        QVERIFY(upload(*s.stub, readFile(fixture("chain.pt")), &loaded).ok());
        v1::BenchmarkRequest request;
        request.set_model_id(loaded.model_id());
        request.set_reps(1);
        request.set_first_block(4);
        grpc::Status status;
        std::vector<int> blocks;
        for (const auto &event : runBenchmark(*s.stub, request, &status))
            if (event.has_block())
                blocks.push_back(event.block().block());
        QVERIFY(status.ok());
        QCOMPARE(blocks, (std::vector<int>{4, 5}));
    }

    // Revision 2: strips of segments [0, end) timed at three heights each; an end past the
    // row-local blocks names the operation that ends them.
    void timesStripsOfSegments()
    {
        Server s({});
        auto request = stripsOfInspectNet(s);
        request.add_strip_ends(1);
        request.add_strip_ends(4);
        grpc::Status status;
        const auto events = runBenchmark(*s.stub, request, &status);
        QVERIFY2(status.ok(), status.error_message().c_str());
        std::map<int, std::vector<int64_t>> heights;
        for (const auto &e : events) {
            QVERIFY(!e.has_block() && !e.has_whole_model()); // strips only
            if (e.has_strip()) {
                QVERIFY(e.strip().time().median_s() > 0);
                heights[e.strip().end()].push_back(e.strip().rows());
            }
        }
        QCOMPARE(heights.size(), size_t(2));
        QCOMPARE(heights[1], (std::vector<int64_t>{7, 14, 28}));
        QVERIFY(heights[4].size() >= 3);

        request.clear_strip_ends();
        request.add_strip_ends(14); // past inspectnet's global pooling
        runBenchmark(*s.stub, request, &status);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(QString::fromStdString(status.error_message())
                     .contains(QStringLiteral("adaptive_avg_pool2d")),
                 status.error_message().c_str());
    }

    // Revision 3: strips of a segment that starts past the input, fed the tensor the input makes
    // there; more firsts than ends, or a segment past the row-local blocks, are refused.
    void timesStripsOfLaterSegments()
    {
        Server s({});
        auto request = stripsOfInspectNet(s);
        request.add_strip_ends(4);
        request.add_strip_firsts(2);
        request.add_strip_ends(1); // no first: from the input
        grpc::Status status;
        std::map<std::pair<int, int>, int> strips;
        for (const auto &e : runBenchmark(*s.stub, request, &status))
            if (e.has_strip())
                ++strips[{e.strip().first(), e.strip().end()}];
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(strips.size(), size_t(2));
        QVERIFY((strips[{2, 4}] >= 3 && strips[{0, 1}] == 3));

        request.add_strip_firsts(0);
        request.add_strip_firsts(0);
        runBenchmark(*s.stub, request, &status);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(
            QString::fromStdString(status.error_message()).contains(QStringLiteral("strip_firsts")),
            status.error_message().c_str());

        request.clear_strip_firsts();
        request.clear_strip_ends();
        request.add_strip_ends(14);
        request.add_strip_firsts(3); // [3, 14) reaches past the global pooling
        runBenchmark(*s.stub, request, &status);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY2(QString::fromStdString(status.error_message())
                     .contains(QStringLiteral("adaptive_avg_pool2d")),
                 status.error_message().c_str());
    }

    // Revision 2: a deployment built from a loaded model: a strip takes the rows it needs and
    // returns its own; bad requests are named.
    void deploysStripsOfALoadedModel()
    {
        Server s({});
        cleave::remote::AgentClient client(s.address);
        const auto loaded = client.loadZoo("inspectnet", 0, {{1, 1, 28, 28}});
        using Part = cleave::remote::AgentClient::ModelPart;
        const auto reply =
            client.deploy("strip", Part{loaded.model_id(), 0, 4, cleave::graph::RowRange{3, 7}});
        QCOMPARE(reply.output_shape(2), int64_t(4));
        QVERIFY(reply.input_shape(2) > 4 && reply.input_shape(2) < 28); // rows and halo
        const auto slice = client.deploy("slice", Part{loaded.model_id(), 4, 15, std::nullopt});
        QCOMPARE(slice.output_shape(1), int64_t(10));

        const auto refused = [&](const Part &part, cleave::ErrorKind kind, const QString &says) {
            try {
                client.deploy("bad", part);
            } catch (const cleave::Error &e) {
                return e.kind() == kind && QString::fromUtf8(e.what()).contains(says);
            }
            return false;
        };
        QVERIFY(refused(Part{"nothing", 0, 4, std::nullopt}, cleave::ErrorKind::NotFound,
                        QStringLiteral("no model nothing")));
        QVERIFY(refused(Part{loaded.model_id(), 0, 4, cleave::graph::RowRange{5, 5}},
                        cleave::ErrorKind::InvalidInput, QStringLiteral("at least one row")));
        QVERIFY(refused(Part{loaded.model_id(), 0, 14, cleave::graph::RowRange{0, 1}},
                        cleave::ErrorKind::InvalidInput, QStringLiteral("adaptive_avg_pool2d")));
        QVERIFY(refused(Part{loaded.model_id(), 4, 2, std::nullopt},
                        cleave::ErrorKind::InvalidInput, QStringLiteral("not a range")));
    }

    // SetLimits without a control group to change is refused (an in-process agent has none).
    void setLimitsWithoutAGroupIsRefused()
    {
        Server s({});
        v1::SetLimitsRequest request;
        request.set_cpu_limit_cores(0.5);
        v1::AgentInfo info;
        const auto status = s.stub->SetLimits(withDeadline().get(), request, &info);
        QCOMPARE(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    }

    // SetLimits changes the quota of the agent's group while it runs; out of range is refused.
    void setLimitsChangesTheQuota()
    {
        if (geteuid() != 0)
            QSKIP("control groups here are writable by root only");
        QProcess agent;
        const auto line = startAgent(agent, {QStringLiteral("--role"), QStringLiteral("device"),
                                             QStringLiteral("--cpu-limit"), QStringLiteral("0.5")});
        const auto address =
            QRegularExpression(QStringLiteral("listening on (\\S+)")).match(line).captured(1);
        QVERIFY2(!address.isEmpty(), qPrintable(line));
        cleave::remote::AgentClient client(address.toStdString());
        QCOMPARE(client.setCpuLimit(0.1).cpu_limit_cores(), 0.1);
        QCOMPARE(client.info().cpu_limit_cores(), 0.1);
        const bool v2 = QFile::exists(QStringLiteral("/sys/fs/cgroup/cgroup.controllers"));
        const auto groups = agentGroupsOf(agent.processId());
        const auto cpu = v2 ? groups.value(0) : groups.filter(QStringLiteral("/cpu")).value(0);
        const auto quota =
            readFile(cpu + (v2 ? QStringLiteral("/cpu.max") : QStringLiteral("/cpu.cfs_quota_us")))
                .trimmed();
        QVERIFY2(quota.startsWith("1000"), quota.data());
        for (const double bad : {0.0, 0.05, 1000.0}) {
            try {
                client.setCpuLimit(bad);
                QFAIL("an out-of-range limit was set");
            } catch (const cleave::Error &e) {
                QVERIFY2(e.kind() == cleave::ErrorKind::InvalidInput, e.what());
            }
        }
        QCOMPARE(client.info().cpu_limit_cores(), 0.1); // unchanged
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(10000));
    }

    void benchmarkOfAnUnknownModelIsNotFound()
    {
        Server s({});
        v1::BenchmarkRequest request;
        request.set_model_id("feed");
        grpc::Status status;
        QVERIFY(runBenchmark(*s.stub, request, &status).empty());
        QCOMPARE(status.error_code(), grpc::StatusCode::NOT_FOUND);
    }

    void cancellingTheCallStopsTheBenchmark()
    {
        Server s({});
        v1::LoadModelReply loaded;
        {
            auto context = withDeadline();
            auto writer = s.stub->LoadModel(context.get(), &loaded);
            v1::LoadModelChunk chunk;
            chunk.mutable_header()->set_zoo_name("resnet18");
            writer->Write(chunk);
            writer->WritesDone();
            QVERIFY(writer->Finish().ok());
        }
        v1::BenchmarkRequest request;
        request.set_model_id(loaded.model_id());
        request.set_reps(1000); // minutes of work, unless cancelled
        auto context = withDeadline(120);
        auto reader = s.stub->Benchmark(context.get(), request);
        v1::BenchmarkEvent event;
        QVERIFY(reader->Read(&event));
        const auto start = std::chrono::steady_clock::now();
        context->TryCancel();
        while (reader->Read(&event)) {
        }
        QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
        // The agent noticed and is free for the next request (GetInfo needs no lock, LoadModel
        // does: it waits for the benchmark to stop).
        v1::LoadModelReply again;
        QVERIFY(upload(*s.stub, readFile(fixture("chain.pt")), &again).ok());
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
    }

    void probesTheLinkToAnotherAgent()
    {
        Server device({"device", "device"});
        Server edge({"edge", "edge"});
        v1::ProbeLinkRequest request;
        request.set_target(edge.address);
        request.add_payload_bytes(1024);
        request.add_payload_bytes(256 * 1024);
        request.set_reps(3);
        v1::ProbeLinkReply reply;
        const auto status = device.stub->ProbeLink(withDeadline().get(), request, &reply);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QVERIFY(reply.rtt_s() > 0);
        QVERIFY(reply.uplink_bps() > 0);
        QVERIFY(reply.downlink_bps() > 0);

        request.set_target("127.0.0.1:1"); // nothing listens there
        const auto unreachable = device.stub->ProbeLink(withDeadline().get(), request, &reply);
        QCOMPARE(unreachable.error_code(), grpc::StatusCode::UNAVAILABLE);
        QVERIFY(unreachable.error_message().rfind("127.0.0.1:1: ", 0) == 0);
    }

    void executableServesLogsAndStopsOnSigterm()
    {
        QProcess agent;
        agent.start(QStringLiteral(CLEAVE_AGENT),
                    {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--name"), QStringLiteral("dev"), QStringLiteral("--role"),
                     QStringLiteral("device"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY(agent.waitForStarted());
        const auto line = firstLine(agent);
        v1::AgentInfo info;
        QVERIFY2(askInfo(line, &info), qPrintable(line));
        QCOMPARE(info.torch_threads(), 1);
        QCOMPARE(info.role(), std::string("device"));
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), 0);
        const auto log = QString::fromUtf8(agent.readAllStandardError());
        QVERIFY2(log.contains(
                     QRegularExpression(QStringLiteral("^GetInfo ipv4:127\\.0\\.0\\.1:\\d+ OK "),
                                        QRegularExpression::MultilineOption)),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("stopped")), qPrintable(log));
    }

    // --cpus pins every thread of the agent, those LibTorch started before main included, and
    // the agent's threads default to the CPUs it was given.
    void cpusPinEveryThread()
    {
        const int cpu = cleave::remote::allowedCpus().back();
        QProcess agent;
        const auto line = startAgent(agent, {QStringLiteral("--cpus"), QString::number(cpu)});
        QVERIFY2(line.contains(QStringLiteral("1 thread, on CPUs %1)").arg(cpu)), qPrintable(line));
        const auto tasks = QDir(QStringLiteral("/proc/%1/task").arg(agent.processId()))
                               .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(tasks.size() > 1);
        for (const auto &task : tasks) {
            const auto status = QString::fromUtf8(readFile(
                QStringLiteral("/proc/%1/task/%2/status").arg(agent.processId()).arg(task)));
            const auto allowed = QRegularExpression(QStringLiteral("Cpus_allowed_list:\\s*(\\S+)"))
                                     .match(status)
                                     .captured(1);
            QCOMPARE(allowed, QString::number(cpu));
        }
        agent.kill();
        agent.waitForFinished();
    }

    // With --token-file every call needs "authorization: Bearer TOKEN", the inference endpoint's
    // too: missing or wrong, the call fails UNAUTHENTICATED; the token never reaches the log.
    // A token file others may read starts the agent with a warning.
    // --cpu-limit and --memory-limit put the agent into a control group of its own: GetInfo and
    // the first line say so, the group holds the quota and the ceiling, the kernel throttles a
    // benchmark (cpu.stat counts throttled periods), and the group goes when the agent stops.
    // One a SIGKILL leaves behind is removed when the next agent starts.
    void limitsAreEnforcedByAControlGroup()
    {
        if (geteuid() != 0)
            QSKIP("control groups here are writable by root only");
        const QStringList limited{QStringLiteral("--name"),         QStringLiteral("limited"),
                                  QStringLiteral("--role"),         QStringLiteral("device"),
                                  QStringLiteral("--cpu-limit"),    QStringLiteral("0.25"),
                                  QStringLiteral("--memory-limit"), QStringLiteral("1024")};
        QProcess agent;
        const auto line = startAgent(agent, limited);
        QVERIFY2(line.contains(QStringLiteral("1 thread, limited to 0.25 core, 1024 MiB")),
                 qPrintable(line));
        v1::AgentInfo info;
        QVERIFY2(askInfo(line, &info), qPrintable(line));
        QCOMPARE(info.cpu_limit_cores(), 0.25);
        QCOMPARE(info.memory_limit_bytes(), uint64_t(1024) << 20);
        const auto groups = agentGroupsOf(agent.processId());
        // cgroup v2: one group with both controllers; v1: one per hierarchy (this machine).
        const bool v2 = QFile::exists(QStringLiteral("/sys/fs/cgroup/cgroup.controllers"));
        QCOMPARE(groups.size(), v2 ? 1 : 2);
        const auto cpu = v2 ? groups[0] : groups.filter(QStringLiteral("/cpu")).value(0);
        const auto memory = v2 ? groups[0] : groups.filter(QStringLiteral("/memory")).value(0);
        if (v2) {
            QCOMPARE(readFile(cpu + QStringLiteral("/cpu.max")).trimmed(),
                     QByteArray("2500 10000"));
        } else {
            QCOMPARE(readFile(cpu + QStringLiteral("/cpu.cfs_quota_us")).trimmed(),
                     QByteArray("2500"));
            QCOMPARE(readFile(cpu + QStringLiteral("/cpu.cfs_period_us")).trimmed(),
                     QByteArray("10000"));
        }
        // What the agent held when it moved stays charged where it was: the group's ceiling is
        // the limit less that (LibTorch loaded: well under 512 MiB).
        const auto ceiling = readFile(memory + (v2 ? QStringLiteral("/memory.max")
                                                   : QStringLiteral("/memory.limit_in_bytes")))
                                 .trimmed()
                                 .toLongLong();
        QVERIFY2(ceiling < (qint64(1024) << 20) && ceiling > (qint64(512) << 20),
                 qPrintable(QString::number(ceiling)));

        // A benchmark at a quarter of a core: the kernel holds it back.
        const auto address =
            QRegularExpression(QStringLiteral("listening on (\\S+)")).match(line).captured(1);
        auto stub = v1::Agent::NewStub(
            grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()));
        v1::LoadModelReply loaded;
        QVERIFY(upload(*stub, readFile(fixture("inception.pt")), &loaded).ok());
        v1::BenchmarkRequest request;
        request.set_model_id(loaded.model_id());
        request.set_reps(5);
        grpc::Status status;
        runBenchmark(*stub, request, &status);
        QVERIFY2(status.ok(), status.error_message().c_str());
        const auto stat = QString::fromUtf8(readFile(cpu + QStringLiteral("/cpu.stat")));
        const auto throttled =
            QRegularExpression(QStringLiteral("nr_throttled (\\d+)")).match(stat).captured(1);
        QVERIFY2(throttled.toLongLong() > 0, qPrintable(stat));

        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitCode(), 0);
        for (const auto &group : groups)
            QVERIFY2(!QFile::exists(group), qPrintable(group));

        // Killed, the agent cannot clean up; the next one to start does.
        QProcess killed;
        QVERIFY(!startAgent(killed, limited).isEmpty());
        const auto left = agentGroupsOf(killed.processId());
        QCOMPARE(left.size(), v2 ? 1 : 2);
        killed.kill();
        QVERIFY(killed.waitForFinished(10000));
        QVERIFY(QFile::exists(left.first()));
        QProcess next;
        next.setProcessChannelMode(QProcess::MergedChannels);
        const auto said = startAgent(next, limited);
        QVERIFY2(said.contains(QStringLiteral("removed the control group of a stopped agent: ")),
                 qPrintable(said));
        for (const auto &group : left)
            QVERIFY2(!QFile::exists(group), qPrintable(group));
        ::kill(pid_t(next.processId()), SIGTERM);
        QVERIFY(next.waitForFinished(10000));
    }

    // With --memory-limit, a model that would not fit is refused with RESOURCE_EXHAUSTED naming
    // the limit, before the kernel would kill the agent for it; the agent keeps serving.
    void memoryLimitRefusesAModelThatDoesNotFit()
    {
        if (geteuid() != 0)
            QSKIP("control groups here are writable by root only");
        // The least limit the agent accepts, from its own refusal of a smaller one.
        QProcess probe;
        probe.start(QStringLiteral(CLEAVE_AGENT),
                    {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--memory-limit"), QStringLiteral("16")});
        QVERIFY(probe.waitForFinished(30000));
        const auto refusal = QString::fromUtf8(probe.readAllStandardError());
        const auto least =
            QRegularExpression(QStringLiteral("give at least (\\d+)")).match(refusal).captured(1);
        QVERIFY2(!least.isEmpty(), qPrintable(refusal));
        // 40 MB of weights: about 120 MB to load, far more than 32 MiB above the least.
        QTemporaryDir dir;
        const auto big = dir.filePath(QStringLiteral("big.pt"));
        {
            torch::jit::Module module("Big");
            module.register_parameter("w", torch::zeros({10'000'000}), false);
            module.define("def forward(self, x):\n    return x + self.w.sum()\n");
            module.save(big.toStdString());
        }
        QProcess agent;
        const auto line = startAgent(
            agent, {QStringLiteral("--memory-limit"), QString::number(least.toInt() + 32)});
        const auto address =
            QRegularExpression(QStringLiteral("listening on (\\S+)")).match(line).captured(1);
        QVERIFY2(!address.isEmpty(), qPrintable(line));
        auto stub = v1::Agent::NewStub(
            grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()));
        v1::LoadModelReply reply;
        const auto refused = upload(*stub, readFile(big), &reply);
        QCOMPARE(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
        QVERIFY2(QString::fromStdString(refused.error_message())
                     .contains(QStringLiteral("more than this agent's memory limit of ")),
                 refused.error_message().c_str());
        QVERIFY2(QString::fromStdString(refused.error_message())
                     .contains(QStringLiteral("--memory-limit")),
                 refused.error_message().c_str());
        // A zoo model is checked before it is built: VGG-16's 138 M weights would need 1.6 GB.
        {
            auto context = withDeadline();
            auto writer = stub->LoadModel(context.get(), &reply);
            v1::LoadModelChunk chunk;
            chunk.mutable_header()->set_name("zoo:vgg16");
            chunk.mutable_header()->set_zoo_name("vgg16");
            writer->Write(chunk);
            writer->WritesDone();
            const auto zoo = writer->Finish();
            QCOMPARE(zoo.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
            QVERIFY2(QString::fromStdString(zoo.error_message())
                         .startsWith(QStringLiteral("zoo:vgg16: building it needs about ")),
                     zoo.error_message().c_str());
        }
        // Still serving: a small model loads.
        QVERIFY(upload(*stub, readFile(fixture("residual.pt")), &reply).ok());
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitCode(), 0);
    }

    // Limits asked of an agent that may not make control groups (here: run as nobody) stop it
    // with one line that says what is needed; it never runs unthrottled.
    void limitsWithoutControlGroupsAreRefused()
    {
        QStringList command{QStringLiteral(CLEAVE_AGENT), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:0"), QStringLiteral("--cpu-limit"),
                            QStringLiteral("0.5")};
        if (geteuid() == 0) {
            if (!QFile::exists(QStringLiteral("/usr/bin/setpriv")))
                QSKIP("util-linux's setpriv (to drop root) is not installed");
            command =
                QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                            QStringLiteral("--clear-groups")} +
                command;
            command.prepend(QStringLiteral("/usr/bin/setpriv"));
        }
        QProcess agent;
        agent.start(command.takeFirst(), command);
        QVERIFY(agent.waitForFinished(30000));
        const auto err = QString::fromUtf8(agent.readAllStandardError());
        QCOMPARE(agent.exitCode(), 2);
        QVERIFY2(err.contains(QStringLiteral("resource limits need control groups this user may "
                                             "write")),
                 qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
    }

    void tokenIsRequiredOfEveryCall()
    {
        QTemporaryDir dir;
        const QByteArray secret = "c1eave-s3cret-7f0d9a";
        // Readable by others: the agent starts, with a warning.
        const auto tokenPath = cleave::testing::writeTokenFile(dir, QStringLiteral("agent.token"),
                                                               secret, /*othersMayRead=*/true);
        QVERIFY(!tokenPath.isEmpty());
        QProcess agent;
        agent.start(QStringLiteral(CLEAVE_AGENT),
                    {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--threads"), QStringLiteral("1"),
                     QStringLiteral("--token-file"), tokenPath});
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(agent.canReadLine(), 30000);
        const auto line = QString::fromUtf8(agent.readLine());
        QVERIFY2(line.contains(QStringLiteral("token required")), qPrintable(line));
        const auto address =
            QRegularExpression(QStringLiteral("listening on (127\\.0\\.0\\.1:\\d+)"))
                .match(line)
                .captured(1)
                .toStdString();
        const auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
        auto stub = v1::Agent::NewStub(channel);
        auto inference = ::inference::GRPCInferenceService::NewStub(channel);
        const auto withToken = [](const std::string &token) {
            auto context = withDeadline();
            if (!token.empty())
                context->AddMetadata("authorization", "Bearer " + token);
            return context;
        };
        v1::AgentInfo info;
        auto status = stub->GetInfo(withToken({}).get(), {}, &info);
        QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
        status = stub->GetInfo(withToken("c1eave-s3cret-7f0d9b").get(), {}, &info);
        QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
        QCOMPARE(status.error_message(), std::string("wrong token"));
        status = stub->GetInfo(withToken(secret.toStdString()).get(), {}, &info);
        QVERIFY2(status.ok(), status.error_message().c_str());
        ::inference::ServerLiveResponse live;
        status = inference->ServerLive(withToken({}).get(), {}, &live);
        QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
        status = inference->ServerLive(withToken(secret.toStdString()).get(), {}, &live);
        QVERIFY(status.ok() && live.live());
        ::inference::ModelInferRequest infer;
        infer.set_model_name("anything");
        ::inference::ModelInferResponse answer;
        status = inference->ModelInfer(withToken({}).get(), infer, &answer);
        QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
        v1::BenchmarkRequest bench;
        bench.set_model_id("none");
        auto benchContext = withToken({});
        auto reader = stub->Benchmark(benchContext.get(), bench);
        v1::BenchmarkEvent event;
        while (reader->Read(&event)) {
        }
        QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
        // The workbench's and the CLI's client.
        cleave::remote::AgentClient client(address);
        QVERIFY_THROWS_EXCEPTION(cleave::Error, client.info());
        client.setToken(secret.toStdString());
        QCOMPARE(client.info().torch_threads(), 1);

        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(10000));
        const auto log = agent.readAllStandardError();
        QVERIFY2(
            log.contains("warning: --token-file " + tokenPath.toUtf8() + ": others may read it"),
            log.constData());
        QVERIFY2(log.contains("GetInfo ipv4:127.0.0.1"), log.constData());
        QVERIFY2(log.contains("UNAUTHENTICATED"), log.constData());
        QVERIFY2(!log.contains(secret), log.constData());
    }

    // The crash file makes LibTorch's reader crash, or fail, by chance; the checker child
    // refuses it either way, and the agent never reads it itself.
    static bool refusedFor(const cleave::Error &e, const QByteArray &reason)
    {
        const QByteArray what(e.what());
        return what.contains(reason) || (reason.contains("crashes") &&
                                         what.contains("truncated or damaged TorchScript archive"));
    }

    void refusesModelsThatHarmLibTorch_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("crashes the reader") << QStringLiteral("fuzz/class-constant-crash.pt")
                                            << QByteArray("crashes LibTorch's reader");
        QTest::newRow("asks for 4 GiB")
            << QStringLiteral("fuzz/huge-string-length.pt") << QByteArray("asks for more memory");
    }

    // Crafted model files found by fuzz_torchscript: one crashes LibTorch's reader (a null
    // dereference in its source importer), one makes it reserve 4 GiB. Uploading or deploying
    // either is refused, naming why, and the agent keeps serving: a good model loads after.
    void refusesModelsThatHarmLibTorch()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, reason);
#if defined(__SANITIZE_ADDRESS__)
        if (file.contains(QStringLiteral("huge")))
            QSKIP("the memory limit needs an address space AddressSanitizer does not leave");
#endif
        cleave::remote::AgentProcess agent("vetting", "edge", 1);
        cleave::remote::AgentClient client(agent.address(), std::chrono::seconds(60));
        const auto crafted = fixture(qPrintable(file));
        try {
            client.loadFile(crafted.toStdString(), std::nullopt);
            QFAIL("the crafted model was accepted");
        } catch (const cleave::Error &e) {
            QVERIFY(e.kind() == cleave::ErrorKind::InvalidInput);
            QVERIFY2(refusedFor(e, reason), e.what());
        }
        try {
            client.deploy("crafted", {{1, 3, 8, 8}}, readFile(crafted).toStdString(), {});
            QFAIL("the crafted model was deployed");
        } catch (const cleave::Error &e) {
            QVERIFY2(refusedFor(e, reason), e.what());
        }
        QVERIFY(
            !client.loadFile(fixture("chain.pt").toStdString(), std::nullopt).model_id().empty());
    }

    void executableRejectsBadFlags_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        // A loopback agent with one more option.
        const auto listeningWith = [](const char *option, const char *value) {
            return QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                               QString::fromLatin1(option), QString::fromLatin1(value)};
        };
        QTest::newRow("no port") << QStringList{QStringLiteral("--listen"),
                                                QStringLiteral("localhost")}
                                 << QStringLiteral("error: --listen localhost: expected HOST:PORT");
        QTest::newRow("bad role") << listeningWith("--role", "fog") << QStringLiteral("--role");
        QTest::newRow("missing token file")
            << listeningWith("--token-file", "/nonexistent/token")
            << QStringLiteral("error: --token-file /nonexistent/token: cannot read the file");
        QTest::newRow("empty token file")
            << listeningWith("--token-file", "/dev/null")
            << QStringLiteral("error: --token-file /dev/null: the file is empty");
        QTest::newRow("impossible address")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("999.1.1.1:5")}
            << QStringLiteral("cannot listen there");
        QTest::newRow("port above 65535")
            << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")}
            << QStringLiteral("error: --listen 127.0.0.1:70000: the port must be a number from 0 "
                              "to 65535");
        QTest::newRow("not a number")
            << listeningWith("--threads", "many")
            << QStringLiteral("error: --threads: expected a whole number of at least 1, got many");
        QTest::newRow("cpu limit 0")
            << listeningWith("--cpu-limit", "0")
            << QStringLiteral("error: --cpu-limit: expected a number above 0, got 0");
        QTest::newRow("negative cpu limit")
            << listeningWith("--cpu-limit", "-0.5")
            << QStringLiteral("error: --cpu-limit: expected a number above 0, got -0.5");
        QTest::newRow("cpu limit not a number")
            << listeningWith("--cpu-limit", "tenth")
            << QStringLiteral("error: --cpu-limit: expected a number above 0, got tenth");
        QTest::newRow("cpu limit above the cores")
            << listeningWith("--cpu-limit", "4096")
            << QStringLiteral("error: --cpu-limit 4096 cores: more than the ");
        QTest::newRow("cpu quota below the kernel's least")
            << QStringList{QStringLiteral("--listen"),        QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--cpu-limit"),     QStringLiteral("0.1"),
                           QStringLiteral("--cpu-period-us"), QStringLiteral("5000")}
            << QStringLiteral("give --cpu-period-us 10000 or more");
        QTest::newRow("cpus not a list")
            << listeningWith("--cpus", "first")
            << QStringLiteral("error: --cpus first: expected CPU numbers, e.g. 0 or 1-3 or 0,2");
        QTest::newRow("cpus backwards")
            << listeningWith("--cpus", "1-0")
            << QStringLiteral("error: --cpus 1-0: expected CPU numbers, e.g. 0 or 1-3 or 0,2");
        QTest::newRow("cpu the agent may not use")
            << listeningWith("--cpus", "1023")
            << QStringLiteral("error: --cpus 1023: CPU 1023 is not one this process may run on (");
        QTest::newRow("memory limit below start-up")
            << listeningWith("--memory-limit", "16")
            << QStringLiteral("error: --memory-limit 16: below what this agent needs to start (");
        QTest::newRow("negative rate")
            << listeningWith("--max-calls-per-s", "-1")
            << QStringLiteral("error: --max-calls-per-s: expected a number of at least 0, got -1");
        // The configuration file of the service (/etc/cleave/agent.conf).
        const auto config = [this](const char *name, const QByteArray &text) {
            const auto path = m_configs.filePath(QString::fromLatin1(name));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
                qFatal("cannot write %s", qPrintable(path));
            return path;
        };
        const auto misspelt = config("misspelt.conf", "lisen = \"127.0.0.1:0\"\n");
        QTest::newRow("config: unknown name")
            << QStringList{QStringLiteral("--config"), misspelt}
            << misspelt + QStringLiteral(": not an option of cleave-agent, or not NAME = VALUE: "
                                         "lisen");
        const auto badValue = config("bad-value.conf", "listen = \"127.0.0.1:0\"\nthreads = x\n");
        QTest::newRow("config: bad value")
            << QStringList{QStringLiteral("--config"), badValue}
            << QStringLiteral("error: --threads: expected a whole number of at least 1, got x");
        QTest::newRow("config: missing")
            << QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent/agent.conf")}
            << QStringLiteral("error: /nonexistent/agent.conf was not readable (missing?)");
        QTest::newRow("config: a folder")
            << QStringList{QStringLiteral("--config"), m_configs.path()}
            << QStringLiteral("error: ") + m_configs.path();
    }
    void executableRejectsBadFlags()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QProcess agent;
        agent.start(QStringLiteral(CLEAVE_AGENT), args);
        QVERIFY(agent.waitForFinished(30000));
        QCOMPARE(agent.exitCode(), 2);
        const auto err = QString::fromUtf8(agent.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 1); // one line
    }

    // The service's way: options from a file, NAME = VALUE; the command line wins.
    void executableReadsAConfigFile()
    {
        const auto path = m_configs.filePath(QStringLiteral("agent.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# a comment\nlisten = \"127.0.0.1:0\"\nrole = \"edge\"\nname = \"jetson\"\n"
                   "threads = 1\nmax-streams = 3\n");
        file.close();
        QProcess agent;
        agent.start(
            QStringLiteral(CLEAVE_AGENT),
            {QStringLiteral("--config"), path, QStringLiteral("--role"), QStringLiteral("device")});
        QVERIFY(agent.waitForStarted());
        const auto line = firstLine(agent);
        QVERIFY2(line.startsWith(QStringLiteral("cleave-agent jetson (device, 1 thread)")),
                 qPrintable(line));
        v1::AgentInfo info;
        QVERIFY2(askInfo(line, &info), qPrintable(line));
        QCOMPARE(info.name(), std::string("jetson"));
        QCOMPARE(info.role(), std::string("device"));
        QCOMPARE(info.torch_threads(), 1);
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitCode(), 0);
    }

private:
    QTemporaryDir m_configs;
};

CLEAVE_TEST_MAIN(TestAgent)
#include "tst_agent.moc"
