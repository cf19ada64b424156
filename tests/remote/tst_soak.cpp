// SPDX-License-Identifier: GPL-3.0-or-later
// Load and soak: N device streams drive one edge agent's inference endpoint over loopback for T
// seconds (CLEAVE_SOAK_STREAMS, CLEAVE_SOAK_SECONDS; 8 and 20 by default). Every call must
// succeed with the right answer, and the edge's memory must not grow between the end of the
// warm-up and the end of the soak. Prints throughput, p50/p99 latency and the edge's RSS.
#include "testmain.h"
#include "testmodels.h"

#include "core/codec/codec.h"
#include "core/graph/modelgraph.h"
#include "inference/grpc_service.grpc.pb.h"
#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"
#include "remote/client/offloader.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <thread>

using namespace cleave;
using Clock = std::chrono::steady_clock;

namespace {

int setting(const char *name, int fallback)
{
    const auto value = qEnvironmentVariableIntValue(name);
    return value > 0 ? value : fallback;
}

/// Resident memory of a process, MiB (VmRSS in /proc).
double rssMiB(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

/// One device stream: its own channel (connection), calling until `until`.
struct Stream
{
    std::vector<double> latencies_ms;
    int errors = 0;
    std::string firstError;
};

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edgeHoldsUpUnderParallelStreams()
    {
        const int streams = setting("CLEAVE_SOAK_STREAMS", 8);
        const int seconds = setting("CLEAVE_SOAK_SECONDS", 20);
        const int warmup_s = 3;
        const auto graph =
            graph::ModelGraph::fromModule(testing::demoModel(), "demo", {1, 3, 32, 32});
        const int split = 5;
        const auto halves = remote::makeHalves(graph, split, std::nullopt);
        remote::AgentProcess edge("soak-edge", "edge", 1);
        remote::AgentClient(edge.address()).deploy("soak", halves.wire, halves.tailCompute, {});

        // What the tail must answer to one fixed input, computed here once.
        const auto x = torch::randn(halves.wire.front(), at::detail::createCPUGenerator(7));
        const auto expected = graph.slice(split, graph.blockCount()).forward({x}).toTensor();
        inference::ModelInferRequest request;
        request.set_model_name("soak");
        auto *input = request.add_inputs();
        input->set_name("INPUT__0");
        input->set_datatype("FP32");
        for (const auto d : x.sizes())
            input->add_shape(d);
        request.add_raw_input_contents(codec::encode(x, codec::Codec{}));

        std::atomic<int> phase{0}; // 0 warm-up, 1 measuring, 2 stop
        std::vector<Stream> results(static_cast<size_t>(streams));
        std::vector<std::thread> threads;
        for (int s = 0; s < streams; ++s) {
            threads.emplace_back([&, s] {
                auto &r = results[size_t(s)];
                auto stub = inference::GRPCInferenceService::NewStub(
                    grpc::CreateChannel(edge.address(), grpc::InsecureChannelCredentials()));
                bool checked = false;
                while (phase.load() < 2) {
                    grpc::ClientContext context;
                    context.set_deadline(std::chrono::system_clock::now() +
                                         std::chrono::seconds(30));
                    inference::ModelInferResponse answer;
                    const auto start = Clock::now();
                    const auto status = stub->ModelInfer(&context, request, &answer);
                    const double ms =
                        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                    bool right = status.ok() && answer.raw_output_contents_size() == 1;
                    if (right && !checked) {
                        const auto &o = answer.outputs(0);
                        const auto y =
                            codec::decode(answer.raw_output_contents(0), codec::Codec{},
                                          graph::Shape(o.shape().begin(), o.shape().end()));
                        right = (y - expected).abs().max().item<double>() < 1e-5;
                        checked = true;
                    }
                    if (phase.load() != 1)
                        continue;
                    if (right) {
                        r.latencies_ms.push_back(ms);
                    } else {
                        if (r.errors++ == 0)
                            r.firstError = status.ok() ? "wrong answer" : status.error_message();
                    }
                }
            });
        }
        std::this_thread::sleep_for(std::chrono::seconds(warmup_s));
        const double rssStart = rssMiB(edge.pid());
        phase = 1;
        const auto started = Clock::now();
        double rssPeak = rssStart;
        while (Clock::now() - started < std::chrono::seconds(seconds)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            rssPeak = std::max(rssPeak, rssMiB(edge.pid()));
        }
        phase = 2;
        const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
        for (auto &t : threads)
            t.join();
        const double rssEnd = rssMiB(edge.pid());

        std::vector<double> all;
        int errors = 0;
        std::string firstError;
        for (const auto &r : results) {
            all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
            errors += r.errors;
            if (firstError.empty())
                firstError = r.firstError;
        }
        QVERIFY(!all.empty());
        std::sort(all.begin(), all.end());
        const auto quantile = [&](double q) { return all[size_t(q * double(all.size() - 1))]; };
        qInfo("soak: %d streams for %.1f s: %zu calls, %.0f calls/s, p50 %.2f ms, p99 %.2f ms, "
              "%d errors; edge RSS %.1f MiB after warm-up, %.1f MiB at the end (peak %.1f)",
              streams, elapsed, all.size(), double(all.size()) / elapsed, quantile(0.5),
              quantile(0.99), errors, rssStart, rssEnd, rssPeak);
        QVERIFY2(errors == 0, firstError.c_str());
        // Every stream got its share: none starved.
        for (const auto &r : results)
            QVERIFY(!r.latencies_ms.empty());
        // A leak of even 1 KiB a call would show here: tens of thousands of calls.
        QVERIFY2(rssEnd < rssStart + 16.0,
                 qPrintable(QStringLiteral("%1 -> %2 MiB").arg(rssStart).arg(rssEnd)));
    }
};

CLEAVE_TEST_MAIN(TestSoak)
#include "tst_soak.moc"
