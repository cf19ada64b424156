// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-agent: runs on a device, edge or cloud machine and answers the workbench over gRPC.
// Prints "listening on HOST:PORT" on stdout once it accepts calls (with port 0, the port the
// system chose), logs one line per request on stderr, and stops cleanly on SIGINT or SIGTERM.
#include "core/graph/modelcheck.h"
#include "remote/agent/agentservice.h"
#include "remote/agent/exposure.h"
#include "remote/agent/inferenceservice.h"
#include "remote/channel.h"
#include "remote/clichecks.h"
#include "remote/controlgroup.h"
#include "remote/cpupinning.h"
#include "remote/versions.h"

#include "core/error.h"

#include <ATen/Parallel.h>
#include <CLI/CLI.hpp>
#include <grpc/support/log.h>
#include <grpcpp/grpcpp.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <dlfcn.h>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <sched.h>
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

// gRPC says why it cannot listen (an unknown host, a port in use) only in its log, as a line of
// its own; while the agent starts listening that reason is kept for the agent's one-line error.
std::string g_listenFailure;

extern "C" void keepListenFailure(gpr_log_func_args *args)
{
    if (args->severity != GPR_LOG_SEVERITY_ERROR || !g_listenFailure.empty())
        return;
    std::string reason = args->message;
    // The system's word where there is one ("Address already in use"), else gRPC's own first
    // line without the details in braces and the status name ("UNKNOWN:").
    const std::string osError = "os_error:\"";
    if (const auto at = reason.find(osError); at != std::string::npos) {
        const auto from = at + osError.size();
        reason = reason.substr(from, reason.find('"', from) - from);
    } else {
        reason = reason.substr(0, reason.find(" {"));
        if (const auto colon = reason.find(':'); colon != std::string::npos && colon < 20)
            reason = reason.substr(colon + 1);
    }
    g_listenFailure = reason;
}

// A parent that started this agent (cleave-cli --local, the workbench) holds the writing end of
// this pipe: reading its end means the parent is gone, whatever stopped it (SIGKILL too), and
// the agent stops as on SIGTERM.
void watchLifeline(int fd)
{
    std::thread([fd] {
        char byte = 0;
        for (;;) {
            const auto n = read(fd, &byte, 1);
            if (n == 0 || (n < 0 && errno != EINTR))
                break;
        }
        const char parentGone = 0;
        [[maybe_unused]] const auto written = write(g_stopPipe[1], &parentGone, 1);
    }).detach();
}

/// The cores this process may run on (its CPU affinity, which containers narrow).
int coresAvailable()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

int fail(int code, const std::string &message)
{
    std::cerr << "error: " << message << '\n';
    return code;
}

// The agent's resident memory now (LibTorch loaded), from /proc/self/statm.
int64_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    int64_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * int64_t(sysconf(_SC_PAGESIZE));
}

// Pins the agent to the CPUs of --cpus; returns an exit code on failure, else 0.
int pinCpus(const std::string &list)
{
    const auto cpus = cleave::remote::parseCpuList(list);
    if (!cpus)
        return fail(kExitBadInput,
                    "--cpus " + list + ": expected CPU numbers, e.g. 0 or 1-3 or 0,2");
    if (const auto problem = cleave::remote::pinToCpus(*cpus); !problem.empty())
        return fail(kExitBadInput, "--cpus " + list + ": " + problem);
    return 0;
}

// Room a memory limit leaves besides what the agent holds at start: a small model's load.
constexpr int64_t kLeastMemoryHeadroom = int64_t(64) << 20;

// Puts the agent into a control group of its own with the limits asked for (after removing the
// groups killed agents left). Returns an exit code on failure, 0 when done or nothing asked.
int applyResourceLimits(const std::string &name, const cleave::remote::ResourceLimits &limits,
                        int64_t cpuPeriodUs, std::unique_ptr<cleave::remote::ControlGroup> &group)
{
    if (!limits.any())
        return 0;
    if (limits.cpuCores && *limits.cpuCores > coresAvailable())
        return fail(kExitBadInput, "--cpu-limit " + limits.describe() + ": more than the " +
                                       std::to_string(coresAvailable()) +
                                       " cores this machine gives the agent");
    if (limits.cpuCores && *limits.cpuCores * double(cpuPeriodUs) <
                               double(cleave::remote::ControlGroup::kLeastCpuQuotaUs))
        return fail(
            kExitBadInput,
            "--cpu-limit " + limits.describe() + ": a period of " + std::to_string(cpuPeriodUs) +
                " us would give a quota below the kernel's least (1 ms): give "
                "--cpu-period-us " +
                std::to_string(int64_t(std::ceil(
                    double(cleave::remote::ControlGroup::kLeastCpuQuotaUs) / *limits.cpuCores))) +
                " or more");
    const int64_t held = residentBytes();
    if (limits.memoryBytes) {
        const int64_t least = held + kLeastMemoryHeadroom;
        if (*limits.memoryBytes < least)
            return fail(kExitBadInput,
                        "--memory-limit " + std::to_string(*limits.memoryBytes >> 20) +
                            ": below what this agent needs to start (" +
                            std::to_string(held >> 20) +
                            " MiB with LibTorch loaded, and room to load a model): give at "
                            "least " +
                            std::to_string((least >> 20) + 1));
    }
    try {
        for (const auto &stale : cleave::remote::ControlGroup::removeStale())
            std::cerr << "removed the control group of a stopped agent: " << stale.string() << '\n';
        group = cleave::remote::ControlGroup::enter(name, limits, held, cpuPeriodUs);
    } catch (const cleave::Error &e) {
        return fail(kExitBadInput, e.what());
    }
    return 0;
}

// An agent runs what it is sent. On an address other machines reach it must tell its callers
// apart (a token, client certificates), unless its administrator says in so many words that
// anyone may use it. Returns why it may not start, or empty; marks `config` when it serves
// without.
std::string exposureRefusal(const std::string &listen, bool allowUnauthenticated,
                            cleave::remote::AgentConfig &config)
{
    if (config.token.required() || !config.tls.roots.empty())
        return {};
    const auto exposure = cleave::remote::exposureOf(listen);
    if (!exposure.network)
        return {};
    if (allowUnauthenticated) {
        config.unauthenticated = true;
        return {};
    }
    return "--listen " + listen + ": other machines can reach this address (" +
           exposure.reachableAt +
           ") and the agent would run what anyone sends: require a token (make one with "
           "\"(umask 077; head -c 32 /dev/urandom | base64 > agent.token)\" and give "
           "--token-file agent.token) or client certificates (--tls-cert, --tls-key, --tls-ca), "
           "or serve anyone with --allow-unauthenticated";
}

} // namespace

int main(int argc, char **argv)
{
    cleave::remote::keepFreedTensorsForReuse();
    CLI::App app{"Cleave agent: times model blocks and runs split inference for Cleave.",
                 "cleave-agent"};
    app.set_version_flag("--version", cleave::remote::versionText("cleave-agent"));
    std::string listen;
    cleave::remote::AgentConfig config;
    int threads = 0;
    int64_t maxModelMiB = config.maxModelBytes >> 20;
    std::string tokenFile, tlsCert, tlsKey, tlsCa, checkModel;
    bool allowUnauthenticated = false;
    int lifelineFd = -1;
    double cpuLimit = 0;
    int64_t memoryLimitMiB = 0;
    int64_t cpuPeriodUs = cleave::remote::ControlGroup::kDefaultCpuPeriodUs;
    std::string cpus;
    // Uploads come in chunks of 1 MiB; an inference carries one tensor.
    int64_t maxMessageMiB = (cleave::remote::AgentService::maxTensorBytes() +
                             cleave::remote::AgentService::kMaxChunkBytes) >>
                            20;
    int64_t maxCallSeconds = config.limits.maxCallTime.count();
    // The service reads its options from /etc/cleave/agent.conf; a misspelt name there must stop
    // it rather than be ignored (CLI11 ignores unknown names by default).
    app.set_config("--config", "",
                   "read options from this file: NAME = VALUE lines, NAME a "
                   "long option without dashes (command-line options win)");
    app.allow_config_extras(CLI::config_extras_mode::error);
    // Required, but checked after parsing: the model check child runs without it.
    app.add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port) (required)");
    app.add_option("--name", config.name, "name reported to the workbench (default: the role)");
    app.add_option("--role", config.role, "device, edge or cloud")
        ->check(CLI::IsMember({"device", "edge", "cloud"}));
    app.add_option("--threads", threads,
                   "LibTorch and BLAS threads (default: every core this agent may run on)")
        ->check(cleave::remote::wholeNumberFrom(1));
    app.add_option("--max-model-mib", maxModelMiB, "largest model upload accepted, MiB")
        ->check(cleave::remote::wholeNumberFrom(1));
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
    app.add_flag("--allow-unauthenticated", allowUnauthenticated,
                 "serve a network address with neither --token-file nor --tls-ca: anyone who "
                 "reaches it may upload models and use this machine (without this flag, such "
                 "an agent does not start; loopback addresses need neither)");
    // The child side of the model check (modelcheck.h); not for users.
    app.add_option("--check-model", checkModel)->group("");
    // A pipe from the process that started this agent (localagents.h); not for users.
    app.add_option("--lifeline-fd", lifelineFd)->group("");
    auto *limits = app.add_option_group("Limits", "what a call may ask of this agent");
    limits->add_option("--max-message-mib", maxMessageMiB, "largest gRPC message, MiB")
        ->check(cleave::remote::wholeNumberFrom(1))
        ->capture_default_str();
    limits->add_option("--max-streams", config.limits.maxStreams, "calls in progress at once")
        ->check(cleave::remote::wholeNumberFrom(1))
        ->capture_default_str();
    limits
        ->add_option("--max-calls-per-s", config.limits.callsPerSecond,
                     "calls a second from one client host (0: unlimited)")
        ->check(cleave::remote::numberFrom(0))
        ->capture_default_str();
    limits->add_option("--max-call-s", maxCallSeconds, "longest a call may run, seconds")
        ->check(cleave::remote::wholeNumberFrom(1))
        ->capture_default_str();
    auto *resources = app.add_option_group(
        "Resource limits", "what this agent may use of its machine, enforced by the kernel's "
                           "control groups (needs root or a delegated group)");
    resources
        ->add_option("--cpu-limit", cpuLimit,
                     "share of one core, e.g. 0.1 (a slow device); above 1 spreads over cores")
        ->check(cleave::remote::numberAbove(0));
    resources->add_option("--memory-limit", memoryLimitMiB, "memory ceiling, MiB")
        ->check(cleave::remote::wholeNumberFrom(1));
    resources->add_option("--cpus", cpus,
                          "run only on these CPUs, e.g. 0 or 1-3 (keeps an emulated device off "
                          "the cores of an agent beside it)");
    resources
        ->add_option("--cpu-period-us", cpuPeriodUs,
                     "the scheduler's period the CPU share is counted in, microseconds")
        ->check(cleave::remote::wholeNumberFrom(1000))
        ->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &) {
        std::cout << app.version() << '\n';
        return 0;
    } catch (const CLI::ConfigError &e) {
        // CLI11 names the line but neither the file nor the problem.
        std::string reason = e.what();
        const std::string unread = "INI was not able to parse ";
        if (reason.rfind(unread, 0) == 0)
            reason = "not an option of cleave-agent, or not NAME = VALUE: " +
                     reason.substr(unread.size());
        return fail(kExitBadInput, app["--config"]->as<std::string>() + ": " + reason);
    } catch (const CLI::ParseError &e) {
        return fail(kExitBadInput, e.what());
    }
    if (!checkModel.empty())
        return cleave::graph::checkModelHere(checkModel);
    if (listen.empty())
        return fail(kExitBadInput, "--listen is required");
    if (listen.find(':') == std::string::npos)
        return fail(kExitBadInput, "--listen " + listen + ": expected HOST:PORT");
    if (const auto port = listen.substr(listen.rfind(':') + 1);
        listen.rfind("unix", 0) != 0 &&
        (port.empty() || port.size() > 5 ||
         port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535))
        return fail(kExitBadInput,
                    "--listen " + listen + ": the port must be a number from 0 to 65535");
    // With the role as its name, a device and an edge agent on one host stay two resources.
    if (app.count("--name") == 0)
        config.name = config.role;
    config.maxModelBytes = maxModelMiB << 20;
    config.modelChecker = cleave::graph::currentExecutable();
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
    if (const auto refusal = exposureRefusal(listen, allowUnauthenticated, config);
        !refusal.empty())
        return fail(kExitBadInput, refusal);
    if (cpuLimit > 0)
        config.resources.cpuCores = cpuLimit;
    if (memoryLimitMiB > 0)
        config.resources.memoryBytes = memoryLimitMiB << 20;
    if (!cpus.empty())
        if (const int code = pinCpus(cpus))
            return code;
    std::unique_ptr<cleave::remote::ControlGroup> group;
    if (const int code = applyResourceLimits(config.name, config.resources, cpuPeriodUs, group))
        return code;
    if (group && config.resources.memoryBytes)
        config.memoryInUse = [group = group.get()] { return group->memoryUsed(); };
    if (group && config.resources.cpuCores)
        config.setCpuLimit = [group = group.get()](double cores) { group->setCpuLimit(cores); };
    // LibTorch alone may start fewer threads than cores (one, on a machine of two): without
    // --threads, the agent uses every core it may run on, or as many as its CPU share covers.
    const bool everyCore = threads == 0 && !config.resources.cpuCores && cpus.empty();
    if (threads == 0)
        threads = config.resources.cpuCores
                      ? std::max(1, int(std::ceil(*config.resources.cpuCores)))
                      : coresAvailable();
    cleave::remote::setComputeThreads(threads);

    if (lifelineFd >= 0 && fcntl(lifelineFd, F_GETFD) < 0)
        return fail(kExitBadInput,
                    "--lifeline-fd " + std::to_string(lifelineFd) + ": not an open descriptor");
    if (pipe(g_stopPipe) != 0)
        return fail(1, "cannot create a pipe for signals");
    if (lifelineFd >= 0)
        watchLifeline(lifelineFd);
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
    gpr_set_log_function(keepListenFailure);
    auto server = builder.BuildAndStart();
    gpr_set_log_function(nullptr); // gRPC's own log again
    if (!server || port == 0)
        return fail(kExitBadInput,
                    "--listen " + listen + ": cannot listen there" +
                        (g_listenFailure.empty() ? "" : " (" + g_listenFailure + ")"));

    const auto host = listen.substr(0, listen.rfind(':'));
    if (config.unauthenticated)
        std::cerr << "warning: " << host << ':' << port
                  << " is open to anyone who reaches it (--allow-unauthenticated): they may "
                     "upload models, use this machine's CPU and offload to agents it reaches\n";
    const int torchThreads = at::get_num_threads();
    std::cout << "cleave-agent " << config.name << " (" << config.role << ", " << torchThreads
              << (torchThreads == 1 ? " thread" : " threads") << (everyCore ? ": every core" : "")
              << (config.resources.any() ? ", limited to " + config.resources.describe() : "")
              << (cpus.empty()
                      ? ""
                      : ", on CPUs " + cleave::remote::formatCpuList(cleave::remote::allowedCpus()))
              << (config.token.required() ? ", token required" : "")
              << (config.unauthenticated ? ", UNAUTHENTICATED: open to anyone" : "")
              << (config.tls.cert.empty()    ? ""
                  : config.tls.roots.empty() ? ", TLS"
                                             : ", TLS with client certificates")
              << ") listening on " << host << ':' << port << std::endl;

    std::thread stopper([&] {
        char signal = 0;
        while (read(g_stopPipe[0], &signal, 1) < 0 && errno == EINTR) {
        }
        if (signal == 0)
            std::cerr << "stopping: the process that started this agent is gone\n";
        else
            std::cerr << "stopping on signal " << int(signal) << '\n';
        server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
    });
    server->Wait();
    stopper.join();
    group.reset(); // the control group goes before the last word, which may meet a closed pipe
    std::cerr << "stopped\n";
    return 0;
}
