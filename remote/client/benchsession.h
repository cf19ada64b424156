// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/shape.h"
#include "core/store/store.h"
#include "remote/client/agentaccess.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cleave::remote {

class AgentClient;

/// What to measure: the same settings go to every agent.
struct BenchSettings
{
    std::string model; ///< a TorchScript file or zoo:NAME
    std::optional<graph::Shape> input;
    graph::CutOptions cutting; ///< where the agents cut the model
    uint64_t seed = 0;
    int warmup = 3;
    int reps = 20;
    std::vector<std::string> codecs{"fp32"}; ///< the planner costs (de)serialising at every cut
    std::vector<std::string> tlSpecs;
    bool resume = false; ///< continue each agent's newest incomplete run

    /// Throws Error(InvalidInput / NotFound) naming the bad setting, before anything starts.
    void validate() const;
};

/// One agent to measure on, by role (device, edge, cloud).
struct BenchTarget
{
    std::string role;
    std::string address;
    AgentAccess access; ///< token and TLS files, when the agent requires them
};

/// What one agent's run produced.
struct AgentBenchResult
{
    std::string role;
    std::string address;
    std::string resource;
    int64_t runId = 0;
    int blocks = 0;
    int blocksDone = 0; ///< committed to the store: fewer than blocks when interrupted
    double sumOfBlockMedians_s = 0;
    double wholeModel_s = 0;
    double wall_s = 0;
    bool resumed = false;
    /// Cuts measured for each TL spec and each codec asked for (a spec that applies at no cut
    /// has 0), out of blocks + 1.
    std::map<std::string, int> tlCuts;
    std::map<std::string, int> codecCuts;

    /// How far the sum of block medians is from the whole model's median, in percent.
    double additivityErrorPercent() const;
};

/// Measures a model on several agents, one after the other, committing every result to a
/// store as it arrives — the run `cleave-cli bench` and the workbench's benchmark panel share.
/// Models load on every agent at once; measuring never overlaps: on one machine, two
/// measurements would skew each other. Blocking; cancel() may be called from any thread.
class BenchSession
{
public:
    struct Observer
    {
        /// An agent's progress: the fraction of its run (every block is timed on each pass, so
        /// the blocks' timings arrive together at the end).
        std::function<void(const std::string &role, double fraction)> progress;
        /// A line worth logging: an agent answered, a run began or ended.
        std::function<void(const std::string &role, const std::string &line)> log;
        /// A result was committed to the store (a block, a cut's codec, a TL, the whole model).
        std::function<void(const std::string &role)> committed;
        /// An agent's run is complete: the planner can use it.
        std::function<void(const AgentBenchResult &result)> finished;
    };

    BenchSettings settings;
    std::vector<BenchTarget> targets;

    BenchSession(BenchSettings settings, std::vector<BenchTarget> targets);
    ~BenchSession();

    /// Runs every agent in order. Throws Error naming the agent, the block it reached and what
    /// the store keeps of the run (Error(Cancelled) after cancel()); what was committed stays.
    std::vector<AgentBenchResult> run(store::Store &db, const Observer &observer = {});

    /// Stops the run in progress as soon as its agent notices; safe from any thread.
    void cancel();
    bool cancelled() const { return m_cancelled; }
    /// After run() threw while an agent was measuring: that agent's partial run (the blocks
    /// committed so far), which settings.resume continues.
    const std::optional<AgentBenchResult> &interrupted() const { return m_interrupted; }

private:
    struct Prepared;
    Prepared prepare(const BenchTarget &target);
    AgentBenchResult measure(store::Store &db, const Prepared &prepared, const Observer &observer);

    std::string m_content; ///< the model's ModelIdentity::content
    std::atomic<bool> m_cancelled{false};
    std::optional<AgentBenchResult> m_interrupted;
    std::mutex m_clientMutex;
    AgentClient *m_client = nullptr; ///< the call cancel() reaches
};

} // namespace cleave::remote
