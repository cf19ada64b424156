// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "remote/client/agentaccess.h"
#include "remote/client/localagents.h"
#include "remote/client/offloader.h"

#include "core/plan/costs.h"

#include <atomic>
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
    std::vector<int> splits;  ///< empty: every split, 0..K
    OffloadSettings settings; ///< settings.runs per split and round
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
    std::string db;                    ///< store runs and predict from it; empty: neither
    std::string splitOption = "split"; ///< how error messages name the split setting
};

/// One split's runs beside the planner's prediction.
struct OffloadedSplit
{
    SplitMeasurement measured;
    int64_t offloadId = 0; ///< in the store; 0 without one
    std::optional<plan::Parts> predicted;

    double medianTotal_s() const;
    /// (measured median - predicted) / predicted, in percent; needs a prediction.
    double errorPercent() const;
};

struct OffloadOutcome
{
    std::string device; ///< the addresses used
    std::string edge;
    int blocks = 0;
    std::vector<OffloadedSplit> splits;
    std::vector<std::string> notes; ///< why there is no prediction, and the like
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
