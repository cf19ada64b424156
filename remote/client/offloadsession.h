// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "remote/client/agentaccess.h"
#include "remote/client/localagents.h"
#include "remote/client/offloader.h"

#include "core/plan/costs.h"

#include <atomic>
#include <cmath>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cleave::remote {

/// What to offload and where: `cleave-cli offload` and the workbench's offload view fill it in.
struct OffloadRequest
{
    std::string model; ///< a TorchScript file or zoo:NAME
    std::optional<graph::Shape> input;
    graph::CutOptions cutting; ///< at node granularity a split may send several tensors
    std::vector<int> splits;   ///< empty: every split, 0..K
    OffloadSettings settings;  ///< settings.runs per split and round
    /// The splits run round-robin this many times; each split's runs are pooled. A machine's
    /// speed drifts over minutes: rounds spread the drift over every split instead of letting
    /// it fall on the few measured while it lasted.
    int rounds = 1;
    bool unshaped = false; ///< no link emulation (predicted as a 1 Tbit/s link without latency)
    std::string device;    ///< agent addresses; both empty: start local agents
    std::string edge;
    LocalLimits localLimits;  ///< for the local agents: an emulated device
    AgentAccess deviceAccess; ///< token and TLS files, for agents that require them
    AgentAccess edgeAccess;
    std::string db; ///< store runs and predict from it; empty: neither
    /// Also predict with the stored block times scaled by each agent's drift (AgentDrift):
    /// reported beside the raw prediction, never instead of it.
    bool recalibrate = false;
    std::string splitOption = "split"; ///< how error messages name the split setting
};

/// One split's runs beside the planner's prediction.
struct OffloadedSplit
{
    SplitMeasurement measured;
    int64_t offloadId = 0; ///< in the store; 0 without one
    std::optional<plan::Parts> predicted;
    /// The prediction with the agents' drift taken out (OffloadRequest::recalibrate).
    std::optional<plan::Parts> recalibrated;

    double medianTotal_s() const;
    /// (measured median - predicted) / predicted, in percent; needs a prediction.
    double errorPercent() const;
    /// The same against the recalibrated prediction; needs one.
    double recalibratedErrorPercent() const;
};

/// How far an agent's speed has moved since its benchmark: the whole model timed again before
/// and after the sweep, beside the stored whole-model time. A machine drifts (clocks, heat,
/// neighbours), and a prediction is only as good as timings that still hold.
struct AgentDrift
{
    std::string role; ///< "device" or "edge"
    std::string resource;
    std::string benchmarkedAt; ///< when the stored run began (UTC, ISO 8601)
    double stored_s = 0;
    double before_s = 0;
    double after_s = 0;

    /// Now over then, before and after averaged: 1.14 is 14 % slower.
    double factor() const { return (before_s + after_s) / 2 / stored_s; }
    double percent() const { return (factor() - 1) * 100; }
    /// More than 10 % off: worth telling, and worth benchmarking again.
    bool stale() const { return std::abs(factor() - 1) > 0.10; }
};

struct OffloadOutcome
{
    std::string device; ///< the addresses used
    std::string edge;
    int blocks = 0;
    std::vector<OffloadedSplit> splits;
    std::vector<AgentDrift> drift;  ///< device and edge, with a store that has their timings
    std::vector<std::string> notes; ///< why there is no prediction, stale timings, and the like
};

/// Runs splits of a model for real on a device and an edge agent, one after the other; each
/// inference is committed to the store as it arrives. Blocking; cancel() from any thread.
class OffloadSession
{
public:
    struct Observer
    {
        /// The split being run (its position among those asked), its progress and message.
        std::function<void(int split, int index, int count, double fraction,
                           const std::string &message)>
            progress;
        std::function<void(const OffloadedSplit &)> splitDone;
    };

    explicit OffloadSession(OffloadRequest request);

    /// Throws Error naming the bad setting, the agent, or the split and what the store keeps.
    OffloadOutcome run(const Observer &observer = {});
    void cancel() { m_cancelled = true; }

private:
    OffloadRequest m_request;
    std::atomic<bool> m_cancelled{false};
};

} // namespace cleave::remote
