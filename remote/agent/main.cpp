// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-agent: runs on a device, edge or cloud machine and answers the workbench over gRPC.
// Prints "listening on HOST:PORT" on stdout once it accepts calls (with port 0, the port the
// system chose), logs one line per request on stderr, and stops cleanly on SIGINT or SIGTERM.
#include "remote/agent/agentservice.h"
#include "remote/agent/inferenceservice.h"
#include "remote/agent/modelcheck.h"
#include "remote/channel.h"

#include "core/error.h"

#include <ATen/Parallel.h>
#include <CLI/CLI.hpp>
#include <grpcpp/grpcpp.h>
#include <torch/version.h>

#include <cerrno>
#include <csignal>
#include <dlfcn.h>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace {

constexpr int kExitBadInput = 2;

// Any thread may take the signal (LibTorch starts threads before main); the handler only
// writes to a pipe that the stopping thread reads.
int g_stopPipe[2] = {-1, -1};

extern "C" void onStopSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto written = write(g_stopPipe[1], &byte, 1);
}

int fail(int code, const std::string &message)
{
    std::cerr << "error: " << message << '\n';
    return code;
}

// LibTorch's thread setting does not reach the system BLAS: OpenBLAS starts a thread per core
// and, between calls, its idle threads spin on sched_yield. On a machine with hyperthreads (or
// with a second agent beside this one, as with the local pair) that spinning takes the core from
// the thread doing the work: measured run-to-run swings of 20-30 % on one model. The BLAS gets
// the same number of threads as LibTorch, when it is OpenBLAS (found at run time: Debian's
// alternatives choose the library).
void matchBlasThreads(int threads)
{
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(threads);
}

} // namespace

int main(int argc, char **argv)
{
    cleave::remote::keepFreedTensorsForReuse();
    CLI::App app{"Cleave agent: times model blocks and runs split inference for Cleave.",
                 "cleave-agent"};
    app.set_version_flag("--version", "cleave-agent " CLEAVE_VERSION " (LibTorch " TORCH_VERSION
                                      ", gRPC " +
                                          grpc::Version() + ")");
    std::string listen;
    cleave::remote::AgentConfig config;
    int threads = 0;
    int64_t maxModelMiB = config.maxModelBytes >> 20;
    std::string tokenFile, tlsCert, tlsKey, tlsCa, checkModel;
    // Uploads come in chunks of 1 MiB; an inference carries one tensor.
    int64_t maxMessageMiB = (cleave::remote::AgentService::maxTensorBytes() +
                             cleave::remote::AgentService::kMaxChunkBytes) >>
                            20;
    int64_t maxCallSeconds = config.limits.maxCallTime.count();
    // Required, but checked after parsing: the model check child runs without it.
    app.add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port) (required)");
    app.add_option("--name", config.name, "name reported to the workbench");
    app.add_option("--role", config.role, "device, edge or cloud")
        ->check(CLI::IsMember({"device", "edge", "cloud"}));
    app.add_option("--threads", threads, "LibTorch threads (default: all cores)")
        ->check(CLI::PositiveNumber);
    app.add_option("--max-model-mib", maxModelMiB, "largest model upload accepted, MiB")
        ->check(CLI::PositiveNumber);
    app.add_option("--token-file", tokenFile,
                   "require this file's token of every call (authorization: Bearer TOKEN)");
    auto *cert =
        app.add_option("--tls-cert", tlsCert, "serve TLS with this PEM certificate (chain)");
    auto *key = app.add_option("--tls-key", tlsKey, "the PEM private key of --tls-cert");
    cert->needs(key);
    key->needs(cert);
    app.add_option("--tls-ca", tlsCa,
                   "require client certificates signed by this PEM CA (with --tls-cert)")
        ->needs(cert);
    // The child side of the model check (modelcheck.h); not for users.
    app.add_option("--check-model", checkModel)->group("");
    auto *limits = app.add_option_group("Limits", "what a call may ask of this agent");
    limits->add_option("--max-message-mib", maxMessageMiB, "largest gRPC message, MiB")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    limits->add_option("--max-streams", config.limits.maxStreams, "calls in progress at once")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    limits
        ->add_option("--max-calls-per-s", config.limits.callsPerSecond,
                     "calls a second from one client host (0: unlimited)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    limits->add_option("--max-call-s", maxCallSeconds, "longest a call may run, seconds")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &) {
        std::cout << app.version() << '\n';
        return 0;
    } catch (const CLI::ParseError &e) {
        return fail(kExitBadInput, e.what());
    }
    if (!checkModel.empty())
        return cleave::remote::checkModelHere(checkModel);
    if (listen.empty())
        return fail(kExitBadInput, "--listen is required");
    if (listen.find(':') == std::string::npos)
        return fail(kExitBadInput, "--listen " + listen + ": expected HOST:PORT");
    config.maxModelBytes = maxModelMiB << 20;
    config.modelChecker = cleave::remote::currentExecutable();
    config.limits.maxCallTime = std::chrono::seconds(maxCallSeconds);
    if (maxMessageMiB > 2047)
        return fail(kExitBadInput, "--max-message-mib: at most 2047 (gRPC's limit)");
    if (!tokenFile.empty()) {
        try {
            std::string warning;
            config.token = cleave::remote::BearerToken::fromFile(tokenFile, &warning);
            if (!warning.empty())
                std::cerr << "warning: " << warning << '\n';
        } catch (const cleave::Error &e) {
            return fail(kExitBadInput, e.what());
        }
    }
    try {
        config.tls = cleave::remote::readTlsFiles(tlsCa, tlsCert, tlsKey);
    } catch (const cleave::Error &e) {
        return fail(kExitBadInput, e.what());
    }
    if (threads > 0)
        at::set_num_threads(threads);
    matchBlasThreads(at::get_num_threads());

    if (pipe(g_stopPipe) != 0)
        return fail(1, "cannot create a pipe for signals");
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    std::unique_ptr<cleave::remote::AgentService> service;
    try {
        service = std::make_unique<cleave::remote::AgentService>(config);
    } catch (const cleave::Error &e) {
        return fail(1, e.what());
    }
    cleave::remote::InferenceService inference(service->deployments(), service->gate());
    int port = 0;
    grpc::ServerBuilder builder;
    builder.AddListeningPort(listen, cleave::remote::serverCredentials(config.tls), &port);
    builder.RegisterService(service.get());
    builder.RegisterService(&inference);
    const int maxMessage = int(maxMessageMiB << 20);
    builder.SetMaxReceiveMessageSize(maxMessage);
    builder.SetMaxSendMessageSize(maxMessage);
    // No HTTP/2 cap on streams per connection (GRPC_ARG_MAX_CONCURRENT_STREAMS): calls over it
    // wait in the client until their deadline, where the gate answers at once which limit.
    auto server = builder.BuildAndStart();
    if (!server || port == 0)
        return fail(kExitBadInput, "--listen " + listen + ": cannot listen there");

    const auto host = listen.substr(0, listen.rfind(':'));
    std::cout << "cleave-agent " << config.name << " (" << config.role << ", "
              << at::get_num_threads() << " threads"
              << (config.token.required() ? ", token required" : "")
              << (config.tls.cert.empty()    ? ""
                  : config.tls.roots.empty() ? ", TLS"
                                             : ", TLS with client certificates")
              << ") listening on " << host << ':' << port << std::endl;

    std::thread stopper([&] {
        char signal = 0;
        while (read(g_stopPipe[0], &signal, 1) < 0 && errno == EINTR) {
        }
        std::cerr << "stopping on signal " << int(signal) << '\n';
        server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
    });
    server->Wait();
    stopper.join();
    std::cerr << "stopped\n";
    return 0;
}
