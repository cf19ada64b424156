// SPDX-License-Identifier: GPL-3.0-or-later
// The planner's plain data: what it reads (per-resource costs), what it is asked (a request with
// constraints) and what it answers (ranked configurations, per-split series). No LibTorch and no
// Qt, so the plots and the GUI can hold these structs as they are.
#pragma once

#include "core/graph/shape.h"
#include "core/plan/network.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cleave::plan {

enum class Tier { Device, Edge, Cloud };
constexpr int kTierCount = 3;
const char *tierName(Tier tier);
/// "device", "edge" or "cloud"; Error(InvalidInput) otherwise.
Tier parseTier(const std::string &text);

/// The parts of one configuration's end-to-end latency, in the order they happen.
enum class Part {
    Device,      ///< blocks [0, s1) on the device
    DeviceTl,    ///< the Transfer Layer's down part, on the device
    Serialise,   ///< encoding the cut tensor for the wire (codec)
    Uplink,      ///< device to edge: latency + bytes x 8 / uplink bandwidth
    Deserialise, ///< decoding it where the next blocks run
    EdgeTl,      ///< the Transfer Layer's up part, where the next blocks run
    Edge,        ///< blocks [s1, s2) on the edge
    EdgeToCloud, ///< edge to cloud: serialise, link, deserialise (three tiers)
    Cloud,       ///< blocks [s2, K) on the cloud
    Return,      ///< the result back to the device (latency + bytes x 8 / downlink, per hop)
};
constexpr int kPartCount = 10;
using Parts = std::array<double, kPartCount>;
/// "device", "device_tl", "serialise", "uplink", "deserialise", "edge_tl", "edge",
/// "edge_to_cloud", "cloud", "return": the keys of `plan --json`.
const char *partName(Part part);
inline double sum(const Parts &parts)
{
    double total = 0;
    for (double p : parts)
        total += p;
    return total;
}

/// Crossing one cut with one codec, as measured on one resource.
/// One tensor that crosses a cut, as benchmarked: what the plan says it sends.
struct WireTensor
{
    std::string label;
    graph::Shape shape;
    std::string dtype;
    int64_t bytes = 0;
};

/// The tensors of each cut, index 0..K; empty where the store recorded none.
using CutTensors = std::vector<std::vector<WireTensor>>;

struct WireCost
{
    int64_t bytes = 0;
    double serialise_s = 0;
    double deserialise_s = 0;
};

/// A Transfer Layer at one cut, as measured on one resource.
struct TlCost
{
    double down_s = 0; ///< DeviceTL
    double up_s = 0;   ///< EdgeTL
    int64_t bytes = 0; ///< the raw (float32) tensor between them
};

/// One resource's stored measurements of one model: medians, in seconds and bytes.
struct ResourceCosts
{
    std::string name; ///< unique resource name, e.g. "local-edge@host"
    Tier tier = Tier::Device;
    std::vector<double> block_s; ///< K blocks
    /// What block_s was multiplied by so that the blocks add up to the whole model's measured
    /// time (1: as measured). Blocks timed one by one miss part of what a whole forward pass
    /// costs (5-15 % measured on ResNet-50); spreading it over the blocks in proportion makes
    /// a split's halves, which run as whole graphs, come out right.
    double blockScale = 1.0;
    std::vector<int64_t> cutBytes; ///< K + 1 cuts: raw bytes (cut 0 is the input, K the output)
    /// K blocks: the bytes of each block's weights, and the most its forward held at once beyond
    /// its input; empty where the benchmark did not measure memory.
    std::vector<int64_t> blockWeightBytes;
    std::vector<int64_t> blockPeakBytes;
    /// codec name -> per cut 0..K (absent where not measured)
    std::map<std::string, std::vector<std::optional<WireCost>>> codecs;
    /// TL spec -> per cut 0..K (absent where the TL does not apply)
    std::map<std::string, std::vector<std::optional<TlCost>>> tls;
};

/// What blocks [0, split) need on `device`: their weights, plus the most any of them holds at
/// once while it runs (its input and what its forward makes). 0 for split 0, and where memory
/// was not measured.
int64_t headMemoryBytes(const ResourceCosts &device, int split);

/// A block kept on, or kept off, a tier.
struct BlockRule
{
    int block = 0;
    Tier tier = Tier::Device;
    bool keepOff = false; ///< false: pinned to the tier
};

/// One configuration's accuracy as `cleave-cli accuracy` measured it on a labelled data set.
struct MeasuredAccuracy
{
    std::string dataset; ///< the data set's identity (name@digest)
    int64_t images = 0;
    double top1 = 0;       ///< fraction of the images whose best class is the label
    double top5 = 0;       ///< ... whose label is among the five best
    double agreement = 0;  ///< ... whose best class is the unsplit model's
    std::string fineTuned; ///< empty: the TL as inserted; else how it was fine-tuned
    double drop_pp = 0;    ///< the unsplit model's top-1 minus this one's, in percentage points
};

/// The measured accuracy of one model's configurations on one data set: per (cut, TL, codec)
/// the TL as inserted and every fine-tuned version of it, and the unsplit model's.
struct AccuracyTable
{
    struct Key
    {
        int split = 0;
        std::string tl; ///< empty: none
        std::string codec;
        bool operator<(const Key &o) const;
    };
    std::string dataset;
    MeasuredAccuracy unsplit;
    std::map<Key, std::vector<MeasuredAccuracy>> measured; ///< the TL as inserted first
    /// Every configuration measured on `dataset`, each drop taken against `unsplit`.
    static AccuracyTable of(const std::string &dataset, const MeasuredAccuracy &unsplit,
                            std::vector<std::pair<Key, MeasuredAccuracy>> configurations);
};

/// Everything a user may demand of a plan. Empty means unconstrained.
struct Constraints
{
    std::vector<BlockRule> blocks;
    std::vector<std::string> requiredResources;
    std::vector<std::string> excludedResources;
    std::vector<Tier> requiredTiers;
    std::vector<Tier> unusedTiers;
    std::optional<int> minSplit; ///< privacy: blocks [0, N) stay on the device
    std::optional<int64_t> maxUploadBytes;
    std::optional<int64_t> maxDeviceMemoryBytes; ///< the head's weights + its peak activation
    std::optional<double> maxDevice_s;           ///< device compute + DeviceTL + serialise
    std::optional<double> maxTotal_s;
    /// Percentage points of top-1 lost against the unsplit model at most; configurations whose
    /// accuracy was not measured are left out.
    std::optional<double> maxAccuracyDrop_pp;
    /// What-if: resource name -> factor on its stored timings ("device 4x slower": 4).
    std::map<std::string, double> slowdown;
};

enum class Mode { Scission, ScissionTl };
const char *modeName(Mode mode); ///< "scission", "scissiontl"

struct PlanRequest
{
    std::vector<Tier> tiers{Tier::Device, Tier::Edge};
    NetworkProfile link;                                      ///< device <-> edge
    NetworkProfile cloudLink = NetworkProfile::preset("wan"); ///< edge <-> cloud (three tiers)
    std::string codec = "fp32";
    Mode mode = Mode::Scission;
    /// ScissionTL: the TL specs to consider; the best applicable one is taken per
    /// configuration. Empty: every spec measured.
    std::vector<std::string> tlSpecs;
    bool returnLeg = true;
    int top = 10; ///< 0: every configuration
    Constraints constraints;
    bool pareto = false; ///< also list the latency/top-1 Pareto front (Plan::pareto)
};

/// One way to run the model: where each tier's blocks start and which resources run them.
struct Configuration
{
    int s1 = 0; ///< blocks [0, s1) on the device
    int s2 = 0; ///< blocks [s1, s2) on the edge, [s2, K) on the cloud (K with two tiers)
    std::array<std::string, kTierCount> resources; ///< by Tier; empty where unused
    std::string tl;                                ///< the TL used at s1, empty for none
    Parts parts{};
    double total_s = 0;
    int64_t uploadBytes = 0;       ///< what leaves the device per inference
    int64_t deviceMemoryBytes = 0; ///< what the head needs on the device (headMemoryBytes)
    /// As measured; none where the planner has no accuracy table or it lacks this configuration.
    /// A TL fine-tuned in several ways makes one configuration per way.
    std::optional<MeasuredAccuracy> accuracy;
};

/// The same plan: splits, resources, TL and how the TL was fine-tuned (costs aside).
inline bool samePlan(const Configuration &a, const Configuration &b)
{
    const auto tuned = [](const Configuration &c) {
        return c.accuracy ? c.accuracy->fineTuned : std::string();
    };
    return a.s1 == b.s1 && a.s2 == b.s2 && a.tl == b.tl && a.resources == b.resources &&
           tuned(a) == tuned(b);
}

/// One split of the two-tier (device, edge) view, under both cost models.
struct SplitPoint
{
    int split = 0;
    Parts scission{};
    Parts scissionTl{}; ///< equals `scission` where no TL applies
    std::string tl;     ///< the TL ScissionTL takes here, empty for none
    int64_t rawBytes = 0;
    int64_t codecBytes = 0;
    int64_t tlBytes = 0;           ///< 0 where no TL applies
    int64_t deviceMemoryBytes = 0; ///< the head's memory on the device (headMemoryBytes)
    bool allowed = true;           ///< meets every constraint
};

/// Every split's parts for the plots, on one device and one edge resource.
struct SplitSeries
{
    std::string model;
    std::string device;
    std::string edge;
    std::vector<SplitPoint> points; ///< splits 0..K
    int bestScission = -1;          ///< the optimum ignoring the constraints
    int bestScissionTl = -1;
    int bestScissionAllowed = -1; ///< the optimum among allowed splits (-1: none)
    int bestScissionTlAllowed = -1;
};

/// What offloaded runs (cleave-cli offload) measured end to end at one split, beside what the
/// planner predicts for the same configuration: the paper's measured series.
struct MeasuredPoint
{
    int split = 0;
    bool tl = false; ///< run with the Transfer Layer that ScissionTL takes at this split
    int runs = 0;
    double median_s = 0;
    double p5_s = 0;
    double p95_s = 0;
    double predicted_s = 0;
};

struct MeasuredSeries
{
    std::string model;
    std::string link;                  ///< as NetworkProfile::describe() says it
    std::vector<MeasuredPoint> points; ///< by split; without and with the TL
};

struct Plan
{
    Mode mode = Mode::Scission;
    int blocks = 0;                     ///< K
    std::vector<Configuration> ranking; ///< best first, at most `top`
    int64_t allowed = 0;                ///< of which met every constraint
    std::vector<std::string> notes;     ///< assumptions worth telling the user
    std::string accuracyDataset;        ///< the data set of the accuracies; empty: none known
    /// Configurations meeting every other constraint that an accuracy limit left out because
    /// their accuracy was not measured.
    int64_t unmeasured = 0;
    /// ... and those it left out because no measurement can stand for them: three tiers whose
    /// edge computes cross twice with a lossy codec.
    int64_t unmeasurable = 0;
    /// With PlanRequest::pareto: the allowed configurations that no other beats on both latency
    /// and top-1, fastest first (configurations without a measured accuracy take no part).
    std::vector<Configuration> pareto;
};

} // namespace cleave::plan
