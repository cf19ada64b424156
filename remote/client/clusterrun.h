// SPDX-License-Identifier: GPL-3.0-or-later
// One inference over a cluster of device agents: the runtime behind `cleave-cli cluster`.
#pragma once

#include "core/graph/modelgraph.h"
#include "core/plan/chain.h"
#include "core/plan/cluster.h"
#include "core/store/store.h"
#include "remote/client/agentaccess.h"
#include "remote/client/agentclient.h"
#include "remote/linkemulator.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cleave::remote {

class BenchSession;

/// An agent of the cluster and its emulated link to the aggregator.
struct ClusterAgent
{
    std::string address;
    plan::NetworkProfile link;
    /// Its token and TLS files when they differ from the cluster's (ClusterSettings::access).
    std::optional<AgentAccess> access;
};

/// What to run where. The first device holds the input (the source).
struct ClusterSettings
{
    std::string model; ///< a TorchScript file or zoo:NAME
    uint64_t seed = 0; ///< of a zoo model's weights; inference r's input has seed + r
    std::optional<graph::Shape> input;
    std::vector<ClusterAgent> devices;
    /// Stitches the strips and runs the rest; none: the source device does.
    std::optional<ClusterAgent> edge;
    AgentAccess access;
    std::optional<int> segmentEnd; ///< none: the planner's choice among the timed ends
    /// A fixed chain of rounds (two or more): the cut each round ends at, the first starting at
    /// the input and each other at the one before's end. Gathered at the source: no edge.
    std::vector<int> roundEnds;
    /// With the source aggregating and no fixed segment: also time the segments that start at
    /// every downsampling cut, and run a chain of rounds (strips gathered at the source,
    /// stitched and sent out again) when the planner predicts it faster than one segment.
    bool rounds = true;
    int runs = 10;
    int warmup = 2;
    int benchReps = 5; ///< per strip height
    int devicesMin = 1;
    int devicesMax = 0;
    std::vector<std::string> excluded; ///< device addresses
    std::optional<int64_t> maxLinkBytes;
    /// Adaptation: each device's speed is re-estimated from the compute times it reports (the
    /// largest measured over predicted of its last five inferences), and the rows
    /// re-planned; they move when the shares in use are predicted slower than the re-planned
    /// ones by more than `adaptThreshold` after two inferences in a row.
    bool adapt = true;
    double adaptThreshold = 0.10;
    std::chrono::milliseconds deadline = std::chrono::seconds(60); ///< per call
    /// Also run EdgeDI's partition of the first plan's rounds on every input (its strips
    /// deployed beside Cleave's; not adapted, left out once a device is lost).
    bool measureEdgeDi = false;
};

/// One attempt at one inference, and beside it the fastest device alone and EdgeDI's partition.
struct ClusterStep
{
    store::ClusterInference inference;
    std::optional<store::ClusterInference> alone; ///< the fastest device alone (same input)
    /// EdgeDI's partition of the first plan's rounds (same input; measureEdgeDi).
    std::optional<store::ClusterInference> edgeDi;
};

/// Runs the cluster: prepare() connects, loads, times (or reuses stored timings), plans and
/// deploys; run() runs the inferences, adapting and surviving lost devices. Progress and
/// events go to the callbacks as they happen; with a store, timings, inferences and events
/// are committed as they arrive.
class ClusterRun
{
public:
    ClusterRun(ClusterSettings settings, store::Store *db);
    ~ClusterRun();

    /// Opens the model and checks what the settings ask of it (input NxCxHxW, a row-local
    /// segment, rows enough for devicesMin) before any agent is started: Error(InvalidInput)
    /// naming the problem. prepare() calls it when it was not called.
    void openModel();
    /// The agents, when they are known only once openModel() has checked the request (local
    /// agents started after it).
    void setAgents(std::vector<ClusterAgent> devices, std::optional<ClusterAgent> edge,
                   const AgentAccess &access);

    using Say = std::function<void(const std::string &)>;
    /// Throws Error(Cancelled) once cancel() was called, between its steps or from the call in
    /// progress.
    void prepare(const Say &say);
    /// Stops prepare() or run() from any thread: the agents' calls in progress (strip and block
    /// timings included) end, and nothing new starts.
    void cancel();
    void run(const std::function<void(const ClusterStep &)> &onStep,
             const std::function<void(const store::ClusterEvent &)> &onEvent,
             const std::atomic<bool> *cancelled = nullptr);

    /// Resource names of the devices, in the order given, and of the aggregator.
    const std::vector<std::string> &deviceNames() const { return m_names; }
    const std::string &aggregatorName() const { return m_aggregatorName; }
    /// One segment over the blocks the first plan's rounds cover, beside EdgeDI's heuristic,
    /// the fastest device and the bound.
    const plan::ClusterComparison &comparison() const { return m_comparison; }
    /// The first plan: its rounds (one, unless chained) and the rest.
    const plan::ChainPlan &first() const { return m_first; }
    /// EdgeDI's heuristic on each round of the first plan.
    const plan::ChainPlan &edgeDi() const { return m_edgeDi; }
    /// The plan in use now (after adaptation and lost devices).
    const plan::ChainPlan &current() const { return m_current; }
    /// What the planner was asked for one round from the input (every device's fits).
    const plan::ClusterRequest &request() const { return m_request; }
    /// What it is asked for `round` of a plan, and the round's segment.
    plan::ClusterRequest requestOf(const plan::ClusterPlan &round) const;
    const plan::SegmentRows &segmentOf(const plan::ClusterPlan &round) const;
    const graph::ModelGraph &graph() const { return *m_graph; }
    int64_t clusterId() const { return m_clusterId; }

private:
    struct Device;
    struct Attempt;
    const AgentAccess &accessOf(const ClusterAgent &agent) const;
    void connect(const Say &say);
    void loadEverywhere(const Say &say);
    /// Strip timings of every device, from the store or measured (fitted by fitStrips).
    void timeStrips(const Say &say);
    /// Every block on the aggregator: the rest after the segment, and the weights of the
    /// segment's rows; with a store, timeWhole.
    void timeRest(const Say &say);
    /// With a store: every block on the source and on the edge, benchmarked as `cleave-cli
    /// bench` does (or its stored benchmark reused), so that `plan --cluster` ranks the cluster
    /// beside the device alone and Scission on the same measurements.
    void timeWhole(const Say &say);
    /// The segments' work weighed by the block timings, and each device's fit of its strips.
    void fitStrips();
    void planFirst(const Say &say);
    bool chaining() const;
    /// The segments [first, end) whose strips the devices time.
    std::vector<std::pair<int, int>> timedSegments() const;
    /// Chains of rounds from every first cut, when the settings allow them: m_options.
    void planRounds();
    /// The rounds of ClusterSettings::roundEnds, each planned exactly, and the rest.
    plan::ChainPlan fixedChain() const;
    void recordFirst();
    /// Every round re-planned on the devices' speeds as estimated now (the cuts kept).
    plan::ChainPlan replanned() const;
    /// The rows in use now, at the devices' speeds as estimated now.
    plan::ChainPlan evaluatedNow() const;
    plan::ChainPlan chainOf(std::vector<plan::ClusterPlan> rounds, double restSlowness) const;
    /// Deploys the strips of every round of `chain` (round r under `name`-r) where a device's
    /// rows under that name differ.
    void deploy(const plan::ChainPlan &chain, const std::string &name = "cluster-strip");
    void deployAlone();
    /// One inference over the rounds of `chain`, strips deployed under `strip`.
    Attempt execute(const plan::ChainPlan &chain, const torch::Tensor &x, const std::string &strip);
    struct StripPart;
    /// Scatter, the devices' strips in parallel, gather: one part per share.
    std::vector<StripPart> runStrips(const plan::ClusterPlan &plan, const torch::Tensor &x,
                                     const std::string &strip,
                                     std::chrono::steady_clock::time_point start);
    /// Stitches the last round's outputs and has the aggregator run the rest (and return it).
    void aggregate(Attempt &attempt, const std::vector<torch::Tensor> &outputs, int end);
    /// One inference with the shares in use, retried on the others while devices are lost.
    store::ClusterInference
    runShares(const torch::Tensor &x, const torch::Tensor &reference, int run,
              const std::function<void(const ClusterStep &)> &onStep,
              const std::function<void(const store::ClusterEvent &)> &onEvent);
    std::optional<store::ClusterInference> runAlone(const torch::Tensor &x,
                                                    const torch::Tensor &reference, int run);
    std::optional<store::ClusterInference> runEdgeDi(const torch::Tensor &x,
                                                     const torch::Tensor &reference, int run);
    store::ClusterInference record(const Attempt &attempt, const plan::ChainPlan &chain,
                                   const torch::Tensor &reference, int run, int number) const;
    void adapt(const Attempt &attempt, int run,
               const std::function<void(const store::ClusterEvent &)> &onEvent);
    void lose(int device, const std::string &why, int run,
              const std::function<void(const store::ClusterEvent &)> &onEvent);
    /// `request` with every device's fits and block times scaled by its slowness.
    plan::ClusterRequest estimated(plan::ClusterRequest request) const;
    /// "16/4/5 + 14/6/5": each round's rows per device.
    std::string rowsText(const plan::ChainPlan &chain) const;
    const plan::RoundOptions &optionsFrom(int first) const;
    void event(const store::ClusterEvent &e,
               const std::function<void(const store::ClusterEvent &)> &onEvent);

    ClusterSettings m_settings;
    store::Store *m_db;
    std::vector<std::unique_ptr<Device>> m_devices;
    std::unique_ptr<AgentClient> m_edge;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_callsMutex;         ///< guards the clients and m_bench for cancel()
    BenchSession *m_bench = nullptr; ///< the whole-model timing in progress
    void stopIfCancelled() const;
    std::optional<graph::ModelGraph> m_graph;
    std::string m_modelId;
    int64_t m_storeModel = 0;
    store::ModelRecord m_storeRecord;
    int64_t m_clusterId = 0;
    std::vector<std::string> m_names;
    std::string m_aggregatorName;
    std::vector<int> m_ends;   ///< of the segments from the input
    std::vector<int> m_firsts; ///< the cuts strips are timed from: 0, and round firsts
    std::vector<std::vector<store::StripTiming>> m_stripTimings; ///< per device
    std::vector<plan::SegmentRows> m_segments;
    plan::ClusterRequest m_request;
    plan::ClusterComparison m_comparison;
    /// The rounds' candidates by first cut (empty without rounds); m_chained: the plan uses them.
    std::vector<plan::RoundOptions> m_options;
    bool m_chained = false;
    double m_chainRest_s = 0; ///< the source's blocks after the chain's last round
    plan::ChainPlan m_first;
    plan::ChainPlan m_edgeDi;
    plan::ChainPlan m_current;
    std::unique_ptr<LinkEmulator> m_sourceUplink; ///< shared by every strip the source sends
    int m_favoured = 0; ///< inferences in a row after which a re-plan was worth moving to
};

} // namespace cleave::remote
