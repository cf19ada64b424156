// SPDX-License-Identifier: GPL-3.0-or-later
// Split inference for real: cleave-agent processes on 127.0.0.1 with ephemeral ports, the
// halves of a C++-built TorchScript model deployed on them, the KServe v2 endpoint driven over
// gRPC, and the device's Offload run through the emulated link.
#include "clirunner.h"
#include "testmain.h"
#include "testmodels.h"
#include "tokenfile.h"

#include "core/codec/codec.h"
#include "core/graph/modelgraph.h"
#include "core/zoo/zoo.h"
#include "inference/grpc_service.grpc.pb.h"
#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"
#include "remote/client/offloader.h"
#include "remote/linkemulator.h"

#include <grpcpp/grpcpp.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <atomic>
#include <csignal>
#include <thread>

using namespace cleave;
namespace v1 = cleave::agent::v1;

namespace {

graph::ModelGraph demo()
{
    return graph::ModelGraph::fromModule(testing::demoModel(), "demo", {1, 3, 32, 32});
}

std::unique_ptr<inference::GRPCInferenceService::Stub> inferenceStub(const std::string &address)
{
    grpc::ChannelArguments args;
    args.SetMaxSendMessageSize(512 << 20);
    args.SetMaxReceiveMessageSize(512 << 20);
    return inference::GRPCInferenceService::NewStub(
        grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
}

// The local pair's token (LocalAgents makes a fresh one), sent with every raw call.
std::string g_localToken;

std::unique_ptr<grpc::ClientContext> withDeadline(int seconds = 60)
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
    if (!g_localToken.empty())
        context->AddMetadata("authorization", "Bearer " + g_localToken);
    return context;
}

inference::ModelInferRequest inferRequest(const std::string &model, const torch::Tensor &x,
                                          const std::string &codec = "fp32")
{
    inference::ModelInferRequest request;
    request.set_model_name(model);
    auto *input = request.add_inputs();
    input->set_name("INPUT__0");
    input->set_datatype("FP32");
    for (const auto d : x.sizes())
        input->add_shape(d);
    if (codec != "fp32")
        (*request.mutable_parameters())["cleave_codec"].set_string_param(codec);
    request.add_raw_input_contents(codec::encode(x, codec::Codec::parse(codec)));
    return request;
}

// The tensors of a cut as one request, INPUT__0..k-1; `reversed`: listed last first.
inference::ModelInferRequest inferRequest(const std::string &model, const graph::Tensors &tensors,
                                          bool reversed)
{
    inference::ModelInferRequest request;
    request.set_model_name(model);
    for (size_t k = 0; k < tensors.size(); ++k) {
        const size_t i = reversed ? tensors.size() - 1 - k : k;
        auto *input = request.add_inputs();
        input->set_name("INPUT__" + std::to_string(i));
        input->set_datatype("FP32");
        for (const auto d : tensors[i].sizes())
            input->add_shape(d);
        request.add_raw_input_contents(codec::encode(tensors[i], codec::Codec{}));
    }
    return request;
}

// U-Net at its smallest input, cut at every node.
const graph::ModelGraph &unetAtNodes()
{
    static const auto g =
        zoo::openModel("zoo:unet", graph::Shape{1, 3, 16, 16}, 0, graph::ModelGraph::Original::Keep,
                       {graph::Granularity::Node});
    return g;
}

// The split whose cut carries the most tensors.
int widestCut(const graph::ModelGraph &g)
{
    int widest = 0;
    for (int s = 1; s < g.blockCount(); ++s)
        if (g.cuts()[size_t(s)].tensors.size() > g.cuts()[size_t(widest)].tensors.size())
            widest = s;
    return widest;
}

torch::Tensor outputOf(const inference::ModelInferResponse &reply)
{
    const auto &o = reply.outputs(0);
    return codec::decode(reply.raw_output_contents(0), codec::Codec{},
                         graph::Shape(o.shape().begin(), o.shape().end()));
}

torch::Tensor run(const graph::ModelGraph &g, int first, int end, const torch::Tensor &x)
{
    auto m = g.slice(first, end);
    return m.forward({x}).toTensor();
}

} // namespace

class TestOffload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("CLEAVE_AGENT", CLEAVE_AGENT);
        m_agents = std::make_unique<remote::LocalAgents>();
        g_localToken = m_agents->access().token;
        m_graph = std::make_unique<graph::ModelGraph>(demo());
    }

    // The edge serves a deployed tail through the KServe v2 protocol: liveness, readiness,
    // metadata as Triton's pytorch_libtorch backend names it, and inference whose result is
    // the model's own.
    void edgeServesTheKServeProtocol()
    {
        const auto &g = *m_graph;
        const int split = 7;
        const auto halves = remote::makeHalves(g, split, std::nullopt);
        remote::AgentClient edge(m_agents->edge().address(), std::chrono::seconds(5),
                                 m_agents->access());
        const auto reply = edge.deploy("demo_tail", halves.wire, halves.tailCompute, {});
        QCOMPARE(graph::Shape(reply.output_shape().begin(), reply.output_shape().end()),
                 (graph::Shape{1, 10}));

        auto stub = inferenceStub(m_agents->edge().address());
        inference::ServerLiveResponse live;
        QVERIFY(stub->ServerLive(withDeadline().get(), {}, &live).ok() && live.live());
        inference::ServerReadyResponse ready;
        QVERIFY(stub->ServerReady(withDeadline().get(), {}, &ready).ok() && ready.ready());
        inference::ModelReadyRequest readyRequest;
        readyRequest.set_name("demo_tail");
        inference::ModelReadyResponse modelReady;
        QVERIFY(stub->ModelReady(withDeadline().get(), readyRequest, &modelReady).ok());
        QVERIFY(modelReady.ready());
        readyRequest.set_name("nothing_here");
        QVERIFY(stub->ModelReady(withDeadline().get(), readyRequest, &modelReady).ok());
        QVERIFY(!modelReady.ready());
        // Undeployed, a model is no longer served.
        edge.deploy("demo_gone", halves.wire, halves.tailCompute, {});
        edge.undeploy("demo_gone");
        readyRequest.set_name("demo_gone");
        QVERIFY(stub->ModelReady(withDeadline().get(), readyRequest, &modelReady).ok());
        QVERIFY(!modelReady.ready());
        QVERIFY(testing::errorOf([&] {
                    edge.undeploy("demo_gone");
                }).contains(QStringLiteral("no deployment 'demo_gone' on this agent")));

        inference::ModelMetadataRequest metaRequest;
        metaRequest.set_name("demo_tail");
        inference::ModelMetadataResponse meta;
        QVERIFY(stub->ModelMetadata(withDeadline().get(), metaRequest, &meta).ok());
        QCOMPARE(meta.platform(), std::string("pytorch_libtorch"));
        QCOMPARE(meta.inputs(0).name(), std::string("INPUT__0"));
        QCOMPARE(meta.inputs(0).datatype(), std::string("FP32"));
        QCOMPARE(graph::Shape(meta.inputs(0).shape().begin(), meta.inputs(0).shape().end()),
                 halves.wire.front());
        QCOMPARE(meta.outputs(0).name(), std::string("OUTPUT__0"));

        const auto x = torch::randn({1, 3, 32, 32});
        const auto cut = run(g, 0, split, x);
        const auto expected = run(g, 0, g.blockCount(), x);
        for (const char *codec : {"fp32", "fp16", "int8+zstd"}) {
            inference::ModelInferResponse answer;
            const auto status = stub->ModelInfer(withDeadline().get(),
                                                 inferRequest("demo_tail", cut, codec), &answer);
            QVERIFY2(status.ok(), status.error_message().c_str());
            const auto out = outputOf(answer);
            QCOMPARE(out.sizes().vec(), expected.sizes().vec());
            // fp32 is exact; the lossy codecs stay close on a tensor of this range.
            const double tolerance = std::string(codec) == "fp32" ? 1e-5 : 0.2;
            QVERIFY2((out - expected).abs().max().item<double>() <= tolerance, codec);
            QVERIFY(answer.parameters().at("cleave_compute_s").double_param() > 0);
        }
    }

    void inferenceRefusesBadRequests_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown model")
            << QStringLiteral("model") << int(grpc::StatusCode::NOT_FOUND)
            << QStringLiteral("model 'no_such' is not deployed");
        QTest::newRow("wrong shape")
            << QStringLiteral("shape") << int(grpc::StatusCode::INVALID_ARGUMENT)
            << QStringLiteral("INPUT__0: shape 1x32x16x9 does not match the model's 1x32x16x16");
        QTest::newRow("wrong dtype")
            << QStringLiteral("dtype") << int(grpc::StatusCode::INVALID_ARGUMENT)
            << QStringLiteral("datatype INT64 is not served");
        QTest::newRow("wrong byte count")
            << QStringLiteral("bytes") << int(grpc::StatusCode::INVALID_ARGUMENT)
            << QStringLiteral("demo_bad: ");
        QTest::newRow("unknown codec")
            << QStringLiteral("codec") << int(grpc::StatusCode::INVALID_ARGUMENT)
            << QStringLiteral("codec");
        QTest::newRow("no raw contents")
            << QStringLiteral("raw") << int(grpc::StatusCode::INVALID_ARGUMENT)
            << QStringLiteral("raw_input_contents");
        QTest::newRow("over the size limit")
            << QStringLiteral("huge") << int(grpc::StatusCode::RESOURCE_EXHAUSTED) << QString();
    }
    void inferenceRefusesBadRequests()
    {
        QFETCH(QString, what);
        QFETCH(int, code);
        QFETCH(QString, message);
        const auto halves = remote::makeHalves(*m_graph, 7, std::nullopt);
        remote::AgentClient edge(m_agents->edge().address(), std::chrono::seconds(5),
                                 m_agents->access());
        edge.deploy("demo_bad", halves.wire, halves.tailCompute, {});
        auto request = inferRequest("demo_bad", torch::randn(halves.wire.front()));
        if (what == QLatin1String("model")) {
            request.set_model_name("no_such");
        } else if (what == QLatin1String("shape")) {
            request.mutable_inputs(0)->set_shape(3, 9);
        } else if (what == QLatin1String("dtype")) {
            request.mutable_inputs(0)->set_datatype("INT64");
        } else if (what == QLatin1String("bytes")) {
            request.mutable_raw_input_contents(0)->resize(100);
        } else if (what == QLatin1String("codec")) {
            (*request.mutable_parameters())["cleave_codec"].set_string_param("fp8");
        } else if (what == QLatin1String("raw")) {
            request.clear_raw_input_contents();
        } else if (what == QLatin1String("huge")) {
            request.mutable_raw_input_contents(0)->assign(size_t(300) << 20, '\0');
        }
        inference::ModelInferResponse answer;
        const auto status = inferenceStub(m_agents->edge().address())
                                ->ModelInfer(withDeadline().get(), request, &answer);
        QCOMPARE(int(status.error_code()), code);
        QVERIFY2(QString::fromStdString(status.error_message()).contains(message),
                 status.error_message().c_str());
        // The edge goes on serving.
        const auto good = inferRequest("demo_bad", torch::randn(halves.wire.front()));
        QVERIFY(inferenceStub(m_agents->edge().address())
                    ->ModelInfer(withDeadline().get(), good, &answer)
                    .ok());
    }

    // At node granularity a cut inside U-Net carries the skip connections too: the edge's tail
    // takes them all in one ModelInfer as INPUT__0..k-1 (named, so in any order) and gives the
    // model's own output; the offloader sends every tensor of the cut, raw, even where a TL was
    // asked (it reduces one tensor).
    void offloadsACutOfSeveralTensors()
    {
        const auto &g = unetAtNodes();
        const int split = widestCut(g);
        const auto &cut = g.cuts()[size_t(split)];
        QVERIFY(cut.tensors.size() >= 3);
        const auto halves = remote::makeHalves(g, split, tl::TlSpec::parse("maxpool2"));
        QVERIFY(halves.tl.empty());
        QCOMPARE(halves.wire.size(), cut.tensors.size());
        remote::AgentClient device(m_agents->device().address(), std::chrono::seconds(5),
                                   m_agents->access());
        remote::AgentClient edge(m_agents->edge().address(), std::chrono::seconds(5),
                                 m_agents->access());
        const auto reply = edge.deploy("unet_tail", halves.wire, halves.tailCompute, {});
        QCOMPARE(size_t(reply.inputs_size()), cut.tensors.size());
        QCOMPARE(graph::Shape(reply.output_shape().begin(), reply.output_shape().end()),
                 g.outputShape());

        inference::ModelMetadataRequest metaRequest;
        metaRequest.set_name("unet_tail");
        inference::ModelMetadataResponse meta;
        QVERIFY(inferenceStub(m_agents->edge().address())
                    ->ModelMetadata(withDeadline().get(), metaRequest, &meta)
                    .ok());
        QCOMPARE(size_t(meta.inputs_size()), cut.tensors.size());
        for (int t = 0; t < meta.inputs_size(); ++t) {
            QCOMPARE(meta.inputs(t).name(), "INPUT__" + std::to_string(t));
            QCOMPARE(graph::Shape(meta.inputs(t).shape().begin(), meta.inputs(t).shape().end()),
                     cut.tensors[size_t(t)].shape);
        }

        c10::InferenceMode inference;
        const auto x = g.sampleInput();
        const auto whole = graph::runOnce(g.tail(0), x);
        const auto middle = graph::runOnce(g.head(split), graph::Tensors{x});
        inference::ModelInferResponse answer;
        QVERIFY(
            inferenceStub(m_agents->edge().address())
                ->ModelInfer(withDeadline().get(), inferRequest("unet_tail", middle, true), &answer)
                .ok());
        const auto y = outputOf(answer);
        QVERIFY((y - whole).abs().max().item<double>() <= 1e-5 * whole.abs().max().item<double>());

        remote::Offloader offloader(device, edge);
        remote::OffloadSettings settings;
        settings.runs = 2;
        settings.tl = tl::TlSpec::parse("maxpool2");
        const auto m = offloader.run(halves, "unet", settings);
        QCOMPARE(int(m.runs.size()), 2);
        for (const auto &t : m.runs) {
            QCOMPARE(t.upload_bytes(), cut.bytes);
            QVERIFY(t.device_compute_s() > 0 && t.edge_compute_s() > 0);
            QCOMPARE(t.result_bytes(), int64_t(2 * 16 * 16 * 4));
        }
    }

    // Every tensor of such a cut once: one missing, one more, one of another name, one twice or
    // one of the wrong shape is INVALID_ARGUMENT naming it, and the edge goes on serving.
    void inferenceRefusesBadSetsOfTensors_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QStringLiteral("missing")
                                 << QStringLiteral(
                                        "expected {n} input tensor(s) (INPUT__0..INPUT__{last})");
        QTest::newRow("extra") << QStringLiteral("extra")
                               << QStringLiteral("expected {n} input tensor(s)");
        QTest::newRow("unknown") << QStringLiteral("unknown")
                                 << QStringLiteral(
                                        "unknown input 'x'; it takes INPUT__0..INPUT__{last}");
        QTest::newRow("beyond") << QStringLiteral("beyond")
                                << QStringLiteral("unknown input 'INPUT__{n}'");
        QTest::newRow("padded") << QStringLiteral("padded")
                                << QStringLiteral("unknown input 'INPUT__01'");
        QTest::newRow("twice") << QStringLiteral("twice")
                               << QStringLiteral("input INPUT__0 is given twice");
        QTest::newRow("shape") << QStringLiteral("shape") << QStringLiteral("INPUT__1: shape");
    }
    void inferenceRefusesBadSetsOfTensors()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        const auto &g = unetAtNodes();
        const int split = widestCut(g);
        const auto halves = remote::makeHalves(g, split, std::nullopt);
        remote::AgentClient edge(m_agents->edge().address(), std::chrono::seconds(5),
                                 m_agents->access());
        edge.deploy("unet_bad", halves.wire, halves.tailCompute, {});
        graph::Tensors tensors;
        for (const auto &shape : halves.wire)
            tensors.push_back(torch::randn(shape));
        auto request = inferRequest("unet_bad", tensors, false);
        if (what == QLatin1String("missing")) {
            request.mutable_inputs()->RemoveLast();
            request.mutable_raw_input_contents()->RemoveLast();
        } else if (what == QLatin1String("extra")) {
            *request.add_inputs() = request.inputs(0);
            request.mutable_inputs(request.inputs_size() - 1)->set_name("INPUT__99");
            *request.add_raw_input_contents() = request.raw_input_contents(0);
        } else if (what == QLatin1String("unknown")) {
            request.mutable_inputs(1)->set_name("x");
        } else if (what == QLatin1String("beyond")) {
            request.mutable_inputs(1)->set_name("INPUT__" + std::to_string(halves.wire.size()));
        } else if (what == QLatin1String("padded")) {
            request.mutable_inputs(1)->set_name("INPUT__01");
        } else if (what == QLatin1String("twice")) {
            request.mutable_inputs(1)->set_name("INPUT__0");
        } else if (what == QLatin1String("shape")) {
            request.mutable_inputs(1)->set_shape(1, 7);
        }
        inference::ModelInferResponse answer;
        const auto status = inferenceStub(m_agents->edge().address())
                                ->ModelInfer(withDeadline().get(), request, &answer);
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        const auto expected =
            QString(message)
                .replace(QStringLiteral("{n}"), QString::number(halves.wire.size()))
                .replace(QStringLiteral("{last}"), QString::number(halves.wire.size() - 1));
        QVERIFY2(QString::fromStdString(status.error_message()).contains(expected),
                 status.error_message().c_str());
        QVERIFY(inferenceStub(m_agents->edge().address())
                    ->ModelInfer(withDeadline().get(), inferRequest("unet_bad", tensors, false),
                                 &answer)
                    .ok());
    }

    // The device runs the head with a Transfer Layer, the edge EdgeTL and the tail; every
    // component is reported, and what was sent is a quarter of the raw cut.
    void offloadsASplitWithATransferLayer()
    {
        remote::AgentClient device(m_agents->device().address(), std::chrono::seconds(5),
                                   m_agents->access());
        remote::AgentClient edge(m_agents->edge().address(), std::chrono::seconds(5),
                                 m_agents->access());
        remote::Offloader offloader(device, edge);
        const int split = 5; // 1x16x32x32
        const auto halves = remote::makeHalves(*m_graph, split, tl::TlSpec::parse("maxpool2"));
        QCOMPARE(halves.tl, std::string("maxpool2"));
        QCOMPARE(halves.wire, (std::vector<graph::Shape>{{1, 16, 16, 16}}));
        remote::OffloadSettings settings;
        settings.runs = 4;
        settings.link = plan::NetworkProfile::custom(200, 1);
        int seen = 0;
        const auto m = offloader.run(halves, "demo", settings, {},
                                     [&](const v1::InferenceTiming &) { ++seen; });
        QCOMPARE(int(m.runs.size()), 4);
        QCOMPARE(seen, 4);
        for (const auto &t : m.runs) {
            QVERIFY(t.device_compute_s() > 0 && t.device_tl_s() > 0 && t.encode_s() > 0);
            QVERIFY(t.edge_decode_s() > 0 && t.edge_tl_s() > 0 && t.edge_compute_s() > 0);
            QVERIFY(t.return_s() > 0);
            QCOMPARE(t.upload_bytes(), int64_t(16 * 16 * 16 * 4));
            QCOMPARE(t.result_bytes(), int64_t(10 * 4));
            // The link's one-way delay and rate are in the uplink: 1 ms + 16384 B at 200 Mbit/s.
            QVERIFY2(t.uplink_s() >= 0.001 + 16384 * 8 / 200e6,
                     qPrintable(QString::number(t.uplink_s())));
            const double parts = t.device_compute_s() + t.device_tl_s() + t.encode_s() +
                                 t.uplink_s() + t.edge_decode_s() + t.edge_tl_s() +
                                 t.edge_compute_s() + t.return_s();
            QVERIFY(parts <= t.total_s() * 1.001);
            QVERIFY(parts >= t.total_s() * 0.8);
        }
    }

    // At split K everything runs on the device and nothing is sent; at split 0 the raw input.
    void offloadsTheEnds()
    {
        remote::AgentClient device(m_agents->device().address(), std::chrono::seconds(5),
                                   m_agents->access());
        remote::AgentClient edge(m_agents->edge().address(), std::chrono::seconds(5),
                                 m_agents->access());
        remote::Offloader offloader(device, edge);
        remote::OffloadSettings settings;
        settings.runs = 2;
        const auto all = offloader.run(remote::makeHalves(*m_graph, m_graph->blockCount(), {}),
                                       "demo", settings);
        QCOMPARE(all.runs.at(0).upload_bytes(), int64_t(0));
        QCOMPARE(all.runs.at(0).uplink_s(), 0.0);
        QVERIFY(all.runs.at(0).device_compute_s() > 0);
        const auto none = offloader.run(remote::makeHalves(*m_graph, 0, {}), "demo", settings);
        QCOMPARE(none.runs.at(0).upload_bytes(), int64_t(3 * 32 * 32 * 4));
        QCOMPARE(none.runs.at(0).device_compute_s(), 0.0);
        QVERIFY(none.runs.at(0).edge_compute_s() > 0);
    }

    // The shaper: a transfer takes bytes x 8 / rate plus the delay, never less, and concurrent
    // senders queue behind each other on one link.
    void linkEmulatorShapesTransfers()
    {
        remote::LinkEmulator link({8e6, 0, 0.010});
        const double one = link.sendUp(100000); // 0.1 s on the wire + 10 ms
        QVERIFY2(one >= 0.110 && one < 0.2, qPrintable(QString::number(one)));
        QElapsedTimer timer;
        timer.start();
        std::vector<std::thread> senders;
        for (int i = 0; i < 4; ++i)
            senders.emplace_back([&] { link.sendDown(25000); });
        for (auto &t : senders)
            t.join();
        // Four transfers of 25 ms each share the link: the last one arrives after 100 ms + 10 ms.
        const double last = double(timer.nsecsElapsed()) / 1e9;
        QVERIFY2(last >= 0.110 && last < 0.2, qPrintable(QString::number(last)));
    }

    // One edge serves 8 device streams at once, each getting its own, correct answers.
    void edgeServesEightStreamsAtOnce()
    {
        const auto &g = *m_graph;
        const auto halves = remote::makeHalves(g, 9, std::nullopt);
        remote::AgentClient edge(m_agents->edge().address(), std::chrono::seconds(5),
                                 m_agents->access());
        edge.deploy("demo_streams", halves.wire, halves.tailCompute, {});
        std::atomic<int> failures{0}, answers{0};
        std::vector<std::thread> streams;
        for (int s = 0; s < 8; ++s) {
            streams.emplace_back([&, s] {
                auto stub = inferenceStub(m_agents->edge().address());
                for (int i = 0; i < 15; ++i) {
                    const auto x = torch::full(halves.wire.front(), float(s * 100 + i) / 1000.0f);
                    inference::ModelInferResponse answer;
                    const auto status = stub->ModelInfer(withDeadline().get(),
                                                         inferRequest("demo_streams", x), &answer);
                    if (!status.ok()) {
                        ++failures;
                        continue;
                    }
                    const auto expected = run(g, 9, g.blockCount(), x);
                    if ((outputOf(answer) - expected).abs().max().item<double>() > 1e-5)
                        ++failures;
                    ++answers;
                }
            });
        }
        for (auto &t : streams)
            t.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(answers.load(), 8 * 15);
    }

    // The edge dies mid-run: the device says so, naming the edge and the run, and the runs
    // measured before it reached the caller.
    void edgeDyingMidRunIsReported()
    {
        remote::AgentProcess dying("dying-edge", "edge", 1);
        remote::AgentClient device(m_agents->device().address(), std::chrono::seconds(5),
                                   m_agents->access());
        remote::AgentClient edge(dying.address());
        remote::Offloader offloader(device, edge);
        remote::OffloadSettings settings;
        settings.runs = 1000;
        settings.link = plan::NetworkProfile::custom(1000, 1);
        int seen = 0;
        const auto message = testing::errorOf([&] {
            offloader.run(remote::makeHalves(*m_graph, 7, {}), "demo", settings, {},
                          [&](const v1::InferenceTiming &) {
                              if (++seen == 3)
                                  ::kill(dying.pid(), SIGKILL);
                          });
        });
        QVERIFY(seen >= 3 && seen < 1000);
        QVERIFY2(
            message.contains(QStringLiteral("edge ") + QString::fromStdString(dying.address())),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("at run ")), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }

    // Agents that require a token: the device presents the edge's token to the edge's inference
    // endpoint; `offload --token-file` runs a split through them; a wrong edge token fails with
    // the edge's answer and nothing leaks the token.
    void offloadsThroughAgentsThatRequireAToken()
    {
        QTemporaryDir dir;
        const auto tokenPath =
            testing::writeTokenFile(dir, QStringLiteral("token"), "t0ken-for-both-agents");
        QVERIFY(!tokenPath.isEmpty());
        const std::vector<std::string> secured{"--token-file", tokenPath.toStdString()};
        remote::AgentProcess device("secured-device", "device", 1, secured);
        remote::AgentProcess edge("secured-edge", "edge", 1, secured);

        const auto r = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            {QStringLiteral("offload"), testing::fixture("chain.pt"), QStringLiteral("--split"),
             QStringLiteral("1"), QStringLiteral("--device"),
             QString::fromStdString(device.address()), QStringLiteral("--edge"),
             QString::fromStdString(edge.address()), QStringLiteral("--runs"), QStringLiteral("2"),
             QStringLiteral("--token-file"), tokenPath, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out)[QStringLiteral("splits")][0][QStringLiteral("runs")]
                     .toInt(),
                 2);
        const auto refused =
            testing::runCli(QStringLiteral(CLEAVE_CLI),
                            {QStringLiteral("offload"), testing::fixture("chain.pt"),
                             QStringLiteral("--split"), QStringLiteral("1"),
                             QStringLiteral("--device"), QString::fromStdString(device.address()),
                             QStringLiteral("--edge"), QString::fromStdString(edge.address())});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("requires a token"), refused.err.constData());

        remote::AgentClient deviceClient(device.address()), edgeClient(edge.address());
        deviceClient.setToken("t0ken-for-both-agents");
        edgeClient.setToken("t0ken-for-both-agents");
        remote::Offloader offloader(deviceClient, edgeClient);
        remote::OffloadSettings settings;
        settings.runs = 2;
        const auto measured = offloader.run(remote::makeHalves(*m_graph, 7, {}), "demo", settings);
        QCOMPARE(measured.runs.size(), size_t(2));
        // A wrong edge token: deploying the tail is refused by the edge.
        edgeClient.setToken("not-the-token");
        const auto message = testing::errorOf(
            [&] { offloader.run(remote::makeHalves(*m_graph, 5, {}), "demo", settings); });
        QVERIFY2(message.contains(QStringLiteral("wrong token")), qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("t0ken")));
    }

    // A transfer that cannot make the deadline on a slow link fails at once, naming the link.
    void slowLinkMissesTheDeadline()
    {
        remote::AgentClient device(m_agents->device().address(), std::chrono::seconds(5),
                                   m_agents->access());
        remote::AgentClient edge(m_agents->edge().address(), std::chrono::seconds(5),
                                 m_agents->access());
        remote::Offloader offloader(device, edge);
        remote::OffloadSettings settings;
        settings.runs = 2;
        settings.warmup = 0;
        settings.deadline_s = 1;
        settings.link = plan::NetworkProfile::custom(0.1, 100); // 65 KB take 5 s
        QElapsedTimer timer;
        timer.start();
        QString message;
        try {
            offloader.run(remote::makeHalves(*m_graph, 3, {}), "demo", settings);
        } catch (const Error &e) {
            message = QString::fromUtf8(e.what());
            QCOMPARE(int(e.kind()), int(ErrorKind::Unavailable));
        }
        QVERIFY2(message.contains(QStringLiteral("over the 1.000000 s deadline")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("0.10 Mbit/s up")), qPrintable(message));
        QVERIFY(timer.elapsed() < 4000);
    }

    // The same transfer through the kernel's shaper: a network namespace of the test's own with
    // tc on its loopback (netem with delay and rate where the kernel has it, else tbf at the
    // rate), cleave-cli offload inside it with the emulator off. The uplink the device reports
    // is what the kernel imposed, and it agrees with the emulator at the same rate.
    void kernelShapedLinkAgreesWithTheEmulator()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("tc"),
                                           {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")})
                .isEmpty())
            QSKIP("unshare or tc (iproute2) is not installed");
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("demo.pt"));
        graph::saveModule(testing::demoModel(), model.toStdString(), {1, 3, 128, 128});
        const QString offload = QStringLiteral(CLEAVE_CLI " offload ") + model +
                                QStringLiteral(" --split 0 --local --runs 3 --warmup 1 --json ");
        // 1x3x128x128 float32: 196,608 bytes, 78.6 ms at 20 Mbit/s.
        const QString script =
            QStringLiteral("set -e; ip link set lo up mtu 1500; "
                           "if tc qdisc add dev lo root netem delay 10ms rate 20mbit 2>/dev/null; "
                           "then echo netem >&2; "
                           "else tc qdisc add dev lo root tbf rate 20mbit burst 32kbit latency 2s; "
                           "echo tbf >&2; fi; exec ") +
            offload + QStringLiteral("--link none");
        QProcess shaped;
        shaped.start(QStringLiteral("unshare"),
                     {QStringLiteral("-n"), QStringLiteral("sh"), QStringLiteral("-c"), script});
        QVERIFY(shaped.waitForFinished(120000));
        const auto err = shaped.readAllStandardError();
        if (shaped.exitCode() != 0 && (err.contains("Operation not permitted") ||
                                       err.contains("unshare failed") || err.contains("RTNETLINK")))
            QSKIP(qPrintable(QStringLiteral("this machine does not allow a network namespace "
                                            "with tc: ") +
                             QString::fromUtf8(err.left(200)).simplified()));
        QVERIFY2(shaped.exitCode() == 0, err.constData());
        const bool netem = err.startsWith("netem");
        const double delay = netem ? 0.010 : 0.0;
        const auto uplinkOf = [](const QByteArray &json) {
            const auto split = QJsonDocument::fromJson(json)
                                   .object()[QStringLiteral("splits")]
                                   .toArray()[0]
                                   .toObject();
            return split[QStringLiteral("measured")]
                .toObject()[QStringLiteral("uplink")]
                .toObject()[QStringLiteral("median_s")]
                .toDouble();
        };
        const double kernel = uplinkOf(shaped.readAllStandardOutput());

        QProcess emulated;
        emulated.startCommand(offload + QStringLiteral("--bandwidth-mbps 20 --latency-ms ") +
                              QString::number(delay * 1e3));
        QVERIFY(emulated.waitForFinished(120000));
        QVERIFY2(emulated.exitCode() == 0, emulated.readAllStandardError().constData());
        const double emulator = uplinkOf(emulated.readAllStandardOutput());
        const double ideal = 196608 * 8 / 20e6 + delay;
        qInfo("%s: uplink %.1f ms through the kernel, %.1f ms through the emulator, %.1f ms ideal",
              netem ? "netem" : "tbf", kernel * 1e3, emulator * 1e3, ideal * 1e3);
        QVERIFY(kernel >= ideal * 0.9);
        QVERIFY(emulator >= ideal);
        QVERIFY2(std::abs(kernel - emulator) <= 0.25 * emulator,
                 qPrintable(QStringLiteral("%1 vs %2").arg(kernel).arg(emulator)));
    }

    void refusesBadOffloads()
    {
        remote::AgentClient device(m_agents->device().address(), std::chrono::seconds(5),
                                   m_agents->access());
        v1::OffloadRequest request;
        request.set_deployment("never_deployed");
        QVERIFY(testing::errorOf([&] {
                    device.offload(request, [](const v1::OffloadEvent &) {});
                }).contains(QStringLiteral("no deployment 'never_deployed' on this agent")));
        QVERIFY(testing::errorOf([&] {
                    remote::makeHalves(*m_graph, 99, {});
                }).contains(QStringLiteral("--split 99: out of range 0..")));
        QVERIFY(testing::errorOf([&] {
                    device.deploy("broken", {{1, 3, 32, 32}}, "not a module", {});
                }).contains(QStringLiteral("broken (compute) is not a TorchScript module")));
        // A module that does not take the shape it is deployed for.
        const auto halves = remote::makeHalves(*m_graph, 7, std::nullopt);
        const auto misfit = testing::errorOf([&] {
            device.deploy("misfit", {{1, 5, 3, 3}}, halves.tailCompute, {});
        });
        QVERIFY2(misfit.contains(QStringLiteral("misfit: does not run on a 1x5x3x3 input")),
                 qPrintable(misfit));
    }

private:
    std::unique_ptr<remote::LocalAgents> m_agents;
    std::unique_ptr<graph::ModelGraph> m_graph;
};

CLEAVE_TEST_MAIN(TestOffload)
#include "tst_offload.moc"
