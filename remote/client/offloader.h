// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleave/agent/v1/agent.pb.h"

#include "core/codec/codec.h"
#include "core/graph/modelgraph.h"
#include "core/plan/network.h"
#include "core/progress.h"
#include "core/tl/spec.h"

#include <optional>
#include <string>
#include <vector>

namespace cleave::remote {

class AgentClient;

/// The two halves of a model split at one cut, serialised as the agents receive them.
struct SplitHalves
{
    int split = 0;
    std::string tl;     ///< the TL used; empty where none was asked for or it cannot apply
    graph::Shape input; ///< what the device's half reads
    /// What crosses the link (after DeviceTL): one tensor, or each of a cut of several.
    std::vector<graph::Shape> wire;
    std::string headCompute; ///< blocks [0, split); empty at split 0
    std::string deviceTl;    ///< empty without a TL
    std::string edgeTl;      ///< empty without a TL
    std::string tailCompute; ///< the rest; empty at split K (then nothing is sent)
    bool runsOnEdge() const { return !edgeTl.empty() || !tailCompute.empty(); }
};

/// Cuts `model` (analysed with its original kept) at `split`, with `tl` where it applies.
/// Error(InvalidInput) for a split out of range.
SplitHalves makeHalves(const graph::ModelGraph &model, int split,
                       const std::optional<tl::TlSpec> &tl);

struct OffloadSettings
{
    std::optional<tl::TlSpec> tl;
    codec::Codec codec;
    plan::NetworkProfile link; ///< latency_s and rates; all 0: unshaped
    int runs = 10;
    int warmup = 2;
    uint64_t seed = 0;
    double deadline_s = 60;
};

/// Every run of one split, each with its components, as the device measured them.
struct SplitMeasurement
{
    int split = 0;
    std::string tl;
    std::string codec;
    std::vector<agent::v1::InferenceTiming> runs;
};

/// ScissionLite's Offloader: deploys the head on the device agent and the tail on the edge
/// agent, then has the device run them through the emulated link. Blocking; cancel() from any
/// thread stops it.
class Offloader
{
public:
    Offloader(AgentClient &device, AgentClient &edge);
    /// Removes what it deployed (each run replaces the halves of the one before).
    ~Offloader();
    Offloader(const Offloader &) = delete;
    Offloader &operator=(const Offloader &) = delete;

    /// Runs `halves`; progress returning false cancels (Error(Cancelled), runs so far lost to
    /// the caller only if it did not keep them through `onRun`).
    SplitMeasurement run(const SplitHalves &halves, const std::string &modelName,
                         const OffloadSettings &settings, const Progress &progress = {},
                         const std::function<void(const agent::v1::InferenceTiming &)> &onRun = {});

    /// The address the device reaches the edge's inference endpoint at.
    void setEdgeAddressForDevice(std::string address) { m_edgeForDevice = std::move(address); }

private:
    AgentClient &m_device;
    AgentClient &m_edge;
    std::string m_edgeForDevice;
    std::string m_session;    ///< part of the deployed names, so offloaders never collide
    std::string m_deviceName; ///< deployed there now; empty: nothing
    std::string m_edgeName;
};

} // namespace cleave::remote
