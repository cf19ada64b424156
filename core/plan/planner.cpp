// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/planner.h"

#include "core/codec/codec.h"
#include "core/error.h"
#include "core/plan/problem.h"
#include "core/tl/spec.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <set>
#include <tuple>

namespace cleave::plan {

const char *tierName(Tier tier)
{
    switch (tier) {
    case Tier::Device:
        return "device";
    case Tier::Edge:
        return "edge";
    case Tier::Cloud:
        return "cloud";
    }
    return "?";
}

Tier parseTier(const std::string &text)
{
    for (auto tier : {Tier::Device, Tier::Edge, Tier::Cloud})
        if (text == tierName(tier))
            return tier;
    throw Error(ErrorKind::InvalidInput, "tier '" + text + "': not one of device, edge, cloud");
}

const char *partName(Part part)
{
    static const char *const names[kPartCount] = {
        "device",  "device_tl", "serialise",     "uplink", "deserialise",
        "edge_tl", "edge",      "edge_to_cloud", "cloud",  "return"};
    return names[int(part)];
}

int64_t headMemoryBytes(const ResourceCosts &device, int split)
{
    if (device.blockWeightBytes.size() < size_t(split) ||
        device.blockPeakBytes.size() < size_t(split))
        return 0;
    int64_t weights = 0, held = 0;
    for (int b = 0; b < split; ++b) {
        weights += device.blockWeightBytes[size_t(b)];
        // A block holds its input while it makes its output and what lies between.
        held = std::max(held, device.cutBytes[size_t(b)] + device.blockPeakBytes[size_t(b)]);
    }
    return weights + held;
}

const char *modeName(Mode mode)
{
    return mode == Mode::Scission ? "scission" : "scissiontl";
}

namespace {

constexpr int kNone = -1;

Error invalid(const std::string &message)
{
    return Error(ErrorKind::InvalidInput, message);
}

/// A problem that names demands: out of range, not positive, unmet, conflicting.
PlanError refused(PlanProblem::Kind kind, std::vector<Demand> demands, int64_t lo = 0,
                  int64_t hi = 0)
{
    PlanProblem p;
    p.kind = kind;
    p.demands = std::move(demands);
    p.lo = lo;
    p.hi = hi;
    return PlanError(std::move(p));
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

double &at(Parts &parts, Part part)
{
    return parts[size_t(part)];
}

/// What crossing a cut costs once the codec (and maybe a TL) is chosen: bytes from the sender,
/// times on the sender and the receiver already scaled.
struct Hop
{
    int64_t bytes = 0;
    double serialise_s = 0;
    double deserialise_s = 0;
    double down_s = 0; ///< DeviceTL
    double up_s = 0;   ///< EdgeTL
};

/// A TL at one cut on one resource, with its wire cost derived from the codec's measurement at
/// that cut: the codec was timed on the raw tensor, so bytes and times scale with the TL's size.
struct TlAtCut
{
    bool applies = false;
    double down_s = 0;
    double up_s = 0;
    int64_t bytes = 0;
    double serialise_s = 0;
    double deserialise_s = 0;
};

/// A configuration as costed, before it is named: indices instead of strings.
struct Candidate
{
    int s1 = 0;
    int s2 = 0;
    int resources[kTierCount] = {kNone, kNone, kNone};
    int tl = kNone;
    Parts parts{};
    double total_s = 0;
    int64_t upload = 0;
    int64_t deviceMemory = 0;
    int variant = 0; ///< which measured version of its TL: 0 as inserted, then fine-tuned ones
    const MeasuredAccuracy *accuracy = nullptr; ///< as measured; null: not measured
};

/// One constraint as the search uses it: bounds on s1 and s2, the resources it allows per
/// tier, and predicates for what bounds cannot say. `demand` names it in conflict messages.
struct Rule
{
    Demand demand;
    int lo1 = 0, hi1 = std::numeric_limits<int>::max();
    int lo2 = 0, hi2 = std::numeric_limits<int>::max();
    std::array<std::vector<bool>, kTierCount> allowedResources; ///< empty: any
    std::function<bool(int s1, int s2)> shape;
    std::function<bool(const Candidate &)> cost;
};

} // namespace

struct Planner::Prepared
{
    int K = 0;
    bool threeTiers = false;
    NetworkProfile link;
    NetworkProfile cloudLink;
    bool returnLeg = true;
    std::vector<std::vector<double>> prefix;           ///< [resource][0..K], scaled
    std::vector<std::vector<int64_t>> memory;          ///< [resource][0..K]: headMemoryBytes
    std::vector<std::vector<WireCost>> wire;           ///< [resource][0..K], scaled
    std::vector<std::string> specs;                    ///< TL specs considered (ScissionTL)
    std::vector<std::vector<std::vector<TlAtCut>>> tl; ///< [spec][resource][0..K]
    std::array<std::vector<int>, kTierCount> candidates;
    std::vector<Rule> rules;
    const AccuracyTable *accuracy = nullptr; ///< null: none measured
    bool lossyCodec = false;                 ///< the codec changes what crosses (fp16, int8)
    /// [TL option + 1][cut]: the versions measured there with the request's codec; null: none.
    std::vector<std::vector<const std::vector<MeasuredAccuracy> *>> accuracyAt;
    int accuracyRule = kNone; ///< the accuracy limit's index in `rules`

    /// Costs one configuration with TL option `tl` (kNone: no TL).
    bool cost(Candidate &c) const;
    /// The measured versions of a configuration's TL (1 where nothing or one was measured).
    int variants(const Candidate &c) const;
    /// A configuration that crosses twice with a lossy codec (three tiers, the edge computing):
    /// a sweep measures one crossing, so no measurement can stand for it.
    bool crossesTwiceLossy(const Candidate &c) const
    {
        return lossyCodec && c.s1 < c.s2 && c.s2 < K;
    }

private:
    const std::vector<MeasuredAccuracy> *versions(const Candidate &c) const;
    const MeasuredAccuracy *accuracyOf(const Candidate &c) const;
};

const std::vector<MeasuredAccuracy> *Planner::Prepared::versions(const Candidate &c) const
{
    if (!accuracy || c.s1 >= K || crossesTwiceLossy(c))
        return nullptr;
    return accuracyAt[size_t(c.tl + 1)][size_t(c.s1)];
}

int Planner::Prepared::variants(const Candidate &c) const
{
    const auto *measured = versions(c);
    return measured ? std::max(1, int(measured->size())) : 1;
}

const MeasuredAccuracy *Planner::Prepared::accuracyOf(const Candidate &c) const
{
    if (accuracy && c.s1 == K)
        return &accuracy->unsplit;
    const auto *measured = versions(c);
    return measured && size_t(c.variant) < measured->size() ? &(*measured)[size_t(c.variant)]
                                                            : nullptr;
}

bool Planner::Prepared::cost(Candidate &c) const
{
    const int d = c.resources[int(Tier::Device)];
    const int e = c.resources[int(Tier::Edge)];
    const int cl = c.resources[int(Tier::Cloud)];
    Parts &p = c.parts;
    p.fill(0);
    at(p, Part::Device) = prefix[size_t(d)][size_t(c.s1)];
    c.deviceMemory = memory[size_t(d)][size_t(c.s1)];
    c.upload = 0;
    if (c.s1 < K) {
        const bool edgeComputes = c.s1 < c.s2;
        // With three tiers and an idle edge, the edge relays the bytes on to the cloud.
        const int receiver = edgeComputes ? e : cl;
        Hop hop;
        if (c.tl == kNone) {
            const auto &sent = wire[size_t(d)][size_t(c.s1)];
            hop = {sent.bytes, sent.serialise_s, wire[size_t(receiver)][size_t(c.s1)].deserialise_s,
                   0, 0};
        } else {
            const auto &down = tl[size_t(c.tl)][size_t(d)][size_t(c.s1)];
            const auto &up = tl[size_t(c.tl)][size_t(receiver)][size_t(c.s1)];
            if (!down.applies || !up.applies)
                return false;
            hop = {down.bytes, down.serialise_s, up.deserialise_s, down.down_s, up.up_s};
        }
        at(p, Part::DeviceTl) = hop.down_s;
        at(p, Part::Serialise) = hop.serialise_s;
        at(p, Part::Uplink) = link.latency_s + double(hop.bytes) * 8.0 / link.uplink_bps;
        at(p, Part::Deserialise) = hop.deserialise_s;
        at(p, Part::EdgeTl) = hop.up_s;
        c.upload = hop.bytes;
        if (edgeComputes) {
            at(p, Part::Edge) = prefix[size_t(e)][size_t(c.s2)] - prefix[size_t(e)][size_t(c.s1)];
            if (c.s2 < K) {
                const auto &sent = wire[size_t(e)][size_t(c.s2)];
                at(p, Part::EdgeToCloud) = sent.serialise_s + cloudLink.latency_s +
                                           double(sent.bytes) * 8.0 / cloudLink.uplink_bps +
                                           wire[size_t(cl)][size_t(c.s2)].deserialise_s;
            }
        } else {
            at(p, Part::EdgeToCloud) =
                cloudLink.latency_s + double(hop.bytes) * 8.0 / cloudLink.uplink_bps;
        }
        const bool cloudComputes = cl != kNone && c.s2 < K;
        if (cloudComputes)
            at(p, Part::Cloud) = prefix[size_t(cl)][size_t(K)] - prefix[size_t(cl)][size_t(c.s2)];
        if (returnLeg) {
            const int last = cloudComputes ? cl : e;
            const double result = double(wire[size_t(last)][size_t(K)].bytes) * 8.0;
            at(p, Part::Return) = link.latency_s + result / link.downlink_bps;
            if (cloudComputes)
                at(p, Part::Return) += cloudLink.latency_s + result / cloudLink.downlink_bps;
        }
    }
    c.total_s = sum(p);
    c.accuracy = accuracyOf(c);
    return true;
}

Planner::Planner(std::string model, std::vector<ResourceCosts> resources)
    : m_model(std::move(model))
    , m_resources(std::move(resources))
{
    if (m_resources.empty())
        throw Error(ErrorKind::NotFound, m_model + ": no timings to plan with");
    m_blocks = int(m_resources.front().block_s.size());
    for (const auto &r : m_resources) {
        if (int(r.block_s.size()) != m_blocks || int(r.cutBytes.size()) != m_blocks + 1)
            throw invalid(m_model + ": resource " + r.name + " has timings for " +
                          std::to_string(r.block_s.size()) + " blocks, others for " +
                          std::to_string(m_blocks));
    }
}

namespace {

/// The keys of one per-name table (TLs, codecs) over every resource, sorted, once each.
template<typename Table>
std::vector<std::string> namesMeasured(const std::vector<ResourceCosts> &resources,
                                       Table ResourceCosts::*table)
{
    std::set<std::string> names;
    for (const auto &r : resources)
        for (const auto &entry : r.*table)
            names.insert(entry.first);
    return {names.begin(), names.end()};
}

} // namespace

std::vector<std::string> Planner::tlSpecs() const
{
    return namesMeasured(m_resources, &ResourceCosts::tls);
}

std::vector<std::string> Planner::codecs() const
{
    return namesMeasured(m_resources, &ResourceCosts::codecs);
}

int Planner::resourceIndex(const std::string &name, const char *what) const
{
    for (size_t i = 0; i < m_resources.size(); ++i)
        if (m_resources[i].name == name)
            return int(i);
    std::string known;
    for (const auto &r : m_resources)
        known += (known.empty() ? "" : ", ") + r.name;
    throw Error(ErrorKind::NotFound, std::string(what) + " '" + name + "': no timings of " +
                                         m_model + " on it (measured on: " + known + ")");
}

Planner::Prepared Planner::prepare(const PlanRequest &request) const
{
    Prepared P;
    P.K = m_blocks;
    P.link = request.link;
    P.cloudLink = request.cloudLink;
    P.returnLeg = request.returnLeg;
    P.link.validate();
    const auto inPlan = prepareTiers(request, P);
    const auto factor = whatIfFactors(request.constraints);
    prepareCandidates(inPlan, P);
    prepareWire(request, factor, P);
    if (request.mode == Mode::ScissionTl)
        prepareTransferLayers(request, factor, P);
    prepareAccuracy(request, P);
    addTierRule(inPlan, P);
    addPlacementRules(request.constraints, P);
    addCostRules(request.constraints, P);
    addAccuracyRule(request.constraints, P);
    for (auto &r : P.rules) {
        r.hi1 = std::min(r.hi1, P.K);
        r.hi2 = std::min(r.hi2, P.K);
    }
    return P;
}

// Tiers: device alone, edge alone (the raw input is sent), device and edge, or all three.
std::array<bool, kTierCount> Planner::prepareTiers(const PlanRequest &request, Prepared &P) const
{
    std::array<bool, kTierCount> inPlan{};
    for (auto t : request.tiers)
        inPlan[int(t)] = true;
    P.threeTiers = inPlan[int(Tier::Cloud)];
    if (P.threeTiers && !(inPlan[int(Tier::Device)] && inPlan[int(Tier::Edge)]))
        throw invalid("tiers: the cloud comes after the edge; use device,edge,cloud");
    if (!inPlan[int(Tier::Device)] && !inPlan[int(Tier::Edge)])
        throw invalid("tiers: name device, edge or both");
    if (P.threeTiers)
        P.cloudLink.validate();
    return inPlan;
}

// What-if factors: each resource's measured times scaled (1: as measured).
std::vector<double> Planner::whatIfFactors(const Constraints &c) const
{
    std::vector<double> factor(m_resources.size(), 1.0);
    for (const auto &[name, f] : c.slowdown) {
        if (!std::isfinite(f) || f <= 0)
            throw invalid("what-if factor for " + name + ": must be positive, not " + number(f));
        factor[size_t(resourceIndex(name, "what-if resource"))] = f;
    }
    return factor;
}

// The input starts on the device, so a device resource is needed even to send it raw.
void Planner::prepareCandidates(const std::array<bool, kTierCount> &inPlan, Prepared &P) const
{
    for (size_t r = 0; r < m_resources.size(); ++r) {
        const auto &res = m_resources[r];
        const bool needed = res.tier == Tier::Device || inPlan[int(res.tier)];
        if (needed)
            P.candidates[int(res.tier)].push_back(int(r));
    }
    for (auto tier : {Tier::Device, Tier::Edge, Tier::Cloud}) {
        const bool needed = tier == Tier::Device || inPlan[int(tier)];
        if (needed && P.candidates[int(tier)].empty()) {
            PlanProblem p;
            p.kind = PlanProblem::Kind::NoTimingsOnTier;
            p.model = m_model;
            p.tier = tier;
            throw PlanError(std::move(p));
        }
    }
}

// Codec: its measurement at every cut. Without fp32 timings (a run without --codec), raw bytes
// are sent and (de)serialising is taken as free; the plan says so.
void Planner::prepareWire(const PlanRequest &request, const std::vector<double> &factor,
                          Prepared &P) const
{
    const int K = P.K;
    codec::Codec::parse(request.codec); // the name must be a codec at all
    P.prefix.resize(m_resources.size());
    P.memory.resize(m_resources.size());
    P.wire.resize(m_resources.size());
    for (size_t r = 0; r < m_resources.size(); ++r) {
        const auto &res = m_resources[r];
        auto &prefix = P.prefix[r];
        prefix.assign(size_t(K) + 1, 0.0);
        for (int b = 0; b < K; ++b)
            prefix[size_t(b) + 1] = prefix[size_t(b)] + res.block_s[size_t(b)] * factor[r];
        auto &memory = P.memory[r];
        memory.resize(size_t(K) + 1);
        for (int s = 0; s <= K; ++s)
            memory[size_t(s)] = headMemoryBytes(res, s);
        auto &wire = P.wire[r];
        wire.resize(size_t(K) + 1);
        const auto measured = res.codecs.find(request.codec);
        if (measured == res.codecs.end() && request.codec != "fp32") {
            PlanProblem p;
            p.kind = PlanProblem::Kind::CodecNotMeasured;
            p.model = m_model;
            p.codec = request.codec;
            p.resource = res.name;
            throw PlanError(std::move(p));
        }
        for (int s = 0; s <= K; ++s) {
            std::optional<WireCost> cost;
            if (measured != res.codecs.end() && size_t(s) < measured->second.size())
                cost = measured->second[size_t(s)];
            if (cost) {
                wire[size_t(s)] = {cost->bytes, cost->serialise_s * factor[r],
                                   cost->deserialise_s * factor[r]};
            } else {
                wire[size_t(s)] = {res.cutBytes[size_t(s)], 0, 0};
            }
        }
    }
}

// TL specs: ScissionTL considers the requested ones (default: every one measured).
void Planner::prepareTransferLayers(const PlanRequest &request, const std::vector<double> &factor,
                                    Prepared &P) const
{
    const int K = P.K;
    P.specs = request.tlSpecs.empty() ? tlSpecs() : request.tlSpecs;
    if (P.specs.empty()) {
        PlanProblem p;
        p.kind = PlanProblem::Kind::NoTransferLayers;
        p.model = m_model;
        throw PlanError(std::move(p));
    }
    for (const auto &spec : P.specs) {
        tl::TlSpec::parse(spec); // a known spec at all
        bool anywhere = false;
        for (const auto &r : m_resources)
            anywhere = anywhere || r.tls.count(spec) > 0;
        if (!anywhere) {
            PlanProblem p;
            p.kind = PlanProblem::Kind::TlNotMeasured;
            p.model = m_model;
            p.tl = spec;
            throw PlanError(std::move(p));
        }
    }
    P.tl.resize(P.specs.size());
    for (size_t t = 0; t < P.specs.size(); ++t) {
        P.tl[t].resize(m_resources.size());
        for (size_t r = 0; r < m_resources.size(); ++r) {
            const auto &res = m_resources[r];
            auto &cuts = P.tl[t][r];
            cuts.resize(size_t(K) + 1);
            const auto found = res.tls.find(P.specs[t]);
            if (found == res.tls.end())
                continue;
            for (int s = 0; s <= K && size_t(s) < found->second.size(); ++s) {
                const auto &m = found->second[size_t(s)];
                if (!m)
                    continue;
                const auto raw = res.cutBytes[size_t(s)];
                const double share = raw > 0 ? double(m->bytes) / double(raw) : 1.0;
                const auto &w = P.wire[r][size_t(s)];
                cuts[size_t(s)] = {true,
                                   m->down_s * factor[r],
                                   m->up_s * factor[r],
                                   int64_t(std::llround(double(w.bytes) * share)),
                                   w.serialise_s * share,
                                   w.deserialise_s * share};
            }
        }
    }
}

// Accuracy: what was measured at each cut with each TL and the request's codec (zstd or not:
// the table keeps one).
void Planner::prepareAccuracy(const PlanRequest &request, Prepared &P) const
{
    if (!m_accuracy)
        return;
    P.accuracy = &*m_accuracy;
    auto codec = codec::Codec::parse(request.codec);
    P.lossyCodec = codec.precision != codec::Codec::Precision::Fp32;
    codec.zstd = false; // as the table keeps them
    P.accuracyAt.assign(P.specs.size() + 1, std::vector<const std::vector<MeasuredAccuracy> *>(
                                                size_t(P.K) + 1, nullptr));
    for (int t = kNone; t < int(P.specs.size()); ++t) {
        for (int s = 0; s < P.K; ++s) {
            const AccuracyTable::Key key{s, t == kNone ? std::string() : P.specs[size_t(t)],
                                         codec.name()};
            const auto found = m_accuracy->measured.find(key);
            if (found != m_accuracy->measured.end())
                P.accuracyAt[size_t(t + 1)][size_t(s)] = &found->second;
        }
    }
}

// The tiers' rule comes first: a constraint that contradicts it names the tiers.
void Planner::addTierRule(const std::array<bool, kTierCount> &inPlan, Prepared &P) const
{
    const int K = P.K;
    std::vector<Tier> named;
    for (int t = 0; t < kTierCount; ++t)
        if (inPlan[size_t(t)])
            named.push_back(Tier(t));
    Rule tiers;
    tiers.demand = Demand::ofTiers(std::move(named));
    if (!P.threeTiers)
        tiers.lo2 = K;
    if (!inPlan[int(Tier::Edge)])
        tiers.lo1 = K; // the device alone
    if (!inPlan[int(Tier::Device)])
        tiers.hi1 = 0; // the edge alone: the raw input is sent
    P.rules.push_back(std::move(tiers));
}

// Where the split may fall and which blocks, tiers and resources go where.
void Planner::addPlacementRules(const Constraints &c, Prepared &P) const
{
    const int K = P.K;
    if (c.minSplit) {
        Rule r;
        r.demand = Demand::ofNumber(Demand::Kind::MinSplit, *c.minSplit);
        if (*c.minSplit < 0 || *c.minSplit > K)
            throw refused(PlanProblem::Kind::OutOfRange, {r.demand}, 0, K);
        r.lo1 = *c.minSplit;
        P.rules.push_back(std::move(r));
    }
    for (const auto &b : c.blocks) {
        Rule r;
        r.demand = Demand::ofBlock(b);
        if (b.block < 0 || b.block >= K)
            throw refused(PlanProblem::Kind::OutOfRange, {r.demand}, 0, K - 1);
        // Block b runs on the device if b < s1, on the edge if s1 <= b < s2, else the cloud.
        const Tier t = b.tier;
        if (!b.keepOff) {
            if (t == Tier::Device)
                r.lo1 = b.block + 1;
            else if (t == Tier::Edge)
                r.hi1 = b.block, r.lo2 = b.block + 1;
            else
                r.hi2 = b.block;
        } else if (t == Tier::Device) {
            r.hi1 = b.block;
        } else if (t == Tier::Cloud) {
            r.lo2 = b.block + 1;
        } else {
            const int block = b.block;
            r.shape = [block](int s1, int s2) { return block < s1 || block >= s2; };
        }
        P.rules.push_back(std::move(r));
    }
    const auto tierUsed = [K](Tier t, int s1, int s2) {
        return t == Tier::Device ? s1 > 0 : t == Tier::Edge ? s1 < s2 : s2 < K;
    };
    for (auto t : c.requiredTiers) {
        Rule r;
        r.demand = Demand::ofTier(Demand::Kind::RequiredTier, t);
        r.shape = [tierUsed, t](int s1, int s2) { return tierUsed(t, s1, s2); };
        P.rules.push_back(std::move(r));
    }
    for (auto t : c.unusedTiers) {
        Rule r;
        r.demand = Demand::ofTier(Demand::Kind::UnusedTier, t);
        r.shape = [tierUsed, t](int s1, int s2) { return !tierUsed(t, s1, s2); };
        P.rules.push_back(std::move(r));
    }
    for (const auto &name : c.requiredResources) {
        const int index = resourceIndex(name, "required resource");
        const Tier t = m_resources[size_t(index)].tier;
        Rule r;
        r.demand = Demand::ofResource(Demand::Kind::RequiredResource, name);
        r.allowedResources[int(t)].assign(m_resources.size(), false);
        r.allowedResources[int(t)][size_t(index)] = true;
        r.shape = [tierUsed, t](int s1, int s2) { return tierUsed(t, s1, s2); };
        P.rules.push_back(std::move(r));
    }
    for (const auto &name : c.excludedResources) {
        const int index = resourceIndex(name, "excluded resource");
        const Tier t = m_resources[size_t(index)].tier;
        Rule r;
        r.demand = Demand::ofResource(Demand::Kind::ExcludedResource, name);
        r.allowedResources[int(t)].assign(m_resources.size(), true);
        r.allowedResources[int(t)][size_t(index)] = false;
        P.rules.push_back(std::move(r));
    }
}

// Limits on what a configuration costs: bytes sent, memory and time on the device, time in all.
void Planner::addCostRules(const Constraints &c, Prepared &P) const
{
    if (c.maxDeviceMemoryBytes) {
        Rule r;
        r.demand = Demand::ofNumber(Demand::Kind::MaxDeviceMemory, *c.maxDeviceMemoryBytes);
        if (*c.maxDeviceMemoryBytes <= 0)
            throw refused(PlanProblem::Kind::NotPositive, {r.demand});
        const auto limit = *c.maxDeviceMemoryBytes;
        r.cost = [limit](const Candidate &x) { return x.deviceMemory <= limit; };
        P.rules.push_back(std::move(r));
    }
    if (c.maxUploadBytes) {
        Rule r;
        r.demand = Demand::ofNumber(Demand::Kind::MaxUploadBytes, *c.maxUploadBytes);
        if (*c.maxUploadBytes < 0)
            throw refused(PlanProblem::Kind::Negative, {r.demand});
        const auto limit = *c.maxUploadBytes;
        r.cost = [limit](const Candidate &x) { return x.upload <= limit; };
        P.rules.push_back(std::move(r));
    }
    const auto positiveLimit = [](std::optional<double> v, Demand::Kind kind) {
        if (v && !(std::isfinite(*v) && *v > 0))
            throw refused(PlanProblem::Kind::NotPositive, {Demand::ofSeconds(kind, *v)});
    };
    positiveLimit(c.maxDevice_s, Demand::Kind::MaxDeviceTime);
    positiveLimit(c.maxTotal_s, Demand::Kind::MaxLatency);
    if (c.maxDevice_s) {
        Rule r;
        r.demand = Demand::ofSeconds(Demand::Kind::MaxDeviceTime, *c.maxDevice_s);
        const double limit = *c.maxDevice_s;
        r.cost = [limit](const Candidate &x) {
            return x.parts[size_t(Part::Device)] + x.parts[size_t(Part::DeviceTl)] +
                       x.parts[size_t(Part::Serialise)] <=
                   limit;
        };
        P.rules.push_back(std::move(r));
    }
    if (c.maxTotal_s) {
        Rule r;
        r.demand = Demand::ofSeconds(Demand::Kind::MaxLatency, *c.maxTotal_s);
        const double limit = *c.maxTotal_s;
        r.cost = [limit](const Candidate &x) { return x.total_s <= limit; };
        P.rules.push_back(std::move(r));
    }
}

// Top-1 lost against the unsplit model: only measured configurations can meet a limit.
void Planner::addAccuracyRule(const Constraints &c, Prepared &P) const
{
    if (!c.maxAccuracyDrop_pp)
        return;
    Rule r;
    r.demand = Demand::ofPoints(Demand::Kind::MaxAccuracyDrop, *c.maxAccuracyDrop_pp);
    if (!(std::isfinite(*c.maxAccuracyDrop_pp) && *c.maxAccuracyDrop_pp >= 0))
        throw refused(PlanProblem::Kind::Negative, {r.demand});
    if (!m_accuracy) {
        PlanProblem p;
        p.kind = PlanProblem::Kind::NoAccuracy;
        p.model = m_model;
        p.demands = {r.demand};
        throw PlanError(std::move(p));
    }
    // Drops come from image counts: 1.0 point of 1,000 images is 10 images, not 1.0000000001.
    const double limit = *c.maxAccuracyDrop_pp + 1e-9;
    r.cost = [limit](const Candidate &x) { return x.accuracy && x.accuracy->drop_pp <= limit; };
    P.accuracyRule = int(P.rules.size());
    P.rules.push_back(std::move(r));
}

bool AccuracyTable::Key::operator<(const Key &o) const
{
    return std::tie(split, tl, codec) < std::tie(o.split, o.tl, o.codec);
}

AccuracyTable AccuracyTable::of(const std::string &dataset, const MeasuredAccuracy &unsplit,
                                std::vector<std::pair<Key, MeasuredAccuracy>> configurations)
{
    AccuracyTable table;
    table.dataset = dataset;
    table.unsplit = unsplit;
    table.unsplit.drop_pp = 0;
    // The TL as inserted first, then its fine-tuned versions by name.
    std::stable_sort(
        configurations.begin(), configurations.end(),
        [](const auto &a, const auto &b) { return a.second.fineTuned < b.second.fineTuned; });
    for (auto &[key, measured] : configurations) {
        // zstd changes no value: "int8+zstd" and "int8" are one measurement, kept once.
        auto codec = codec::Codec::parse(key.codec);
        codec.zstd = false;
        auto &versions = table.measured[{key.split, key.tl, codec.name()}];
        const bool known = std::any_of(versions.begin(), versions.end(), [&](const auto &v) {
            return v.fineTuned == measured.fineTuned;
        });
        if (known)
            continue;
        measured.drop_pp = (unsplit.top1 - measured.top1) * 100.0;
        versions.push_back(std::move(measured));
    }
    return table;
}

namespace {

/// Visits every allowed configuration under the rules selected by `use` (a bit per rule), with
/// every TL option of the mode; stops early when `visit` returns false.
template<typename Visit>
void search(const std::vector<Rule> &rules, uint64_t use,
            const std::array<std::vector<int>, kTierCount> &candidates, int K, bool threeTiers,
            int tlOptions, const std::function<bool(Candidate &)> &costOf,
            const std::function<int(const Candidate &)> &variantsOf, Visit &&visit)
{
    int lo1 = 0, hi1 = K, lo2 = 0, hi2 = K;
    std::vector<const Rule *> shapes;
    std::vector<const Rule *> costs;
    std::array<std::vector<int>, kTierCount> pool = candidates;
    for (size_t i = 0; i < rules.size(); ++i) {
        if (!(use >> i & 1))
            continue;
        const auto &r = rules[i];
        lo1 = std::max(lo1, r.lo1), hi1 = std::min(hi1, r.hi1);
        lo2 = std::max(lo2, r.lo2), hi2 = std::min(hi2, r.hi2);
        if (r.shape)
            shapes.push_back(&r);
        if (r.cost)
            costs.push_back(&r);
        for (int t = 0; t < kTierCount; ++t) {
            if (r.allowedResources[size_t(t)].empty())
                continue;
            auto &p = pool[size_t(t)];
            p.erase(
                std::remove_if(p.begin(), p.end(),
                               [&](int x) { return !r.allowedResources[size_t(t)][size_t(x)]; }),
                p.end());
        }
    }
    if (!threeTiers)
        lo2 = std::max(lo2, K);
    const std::vector<int> none{kNone};
    const auto &edges = pool[int(Tier::Edge)].empty() ? none : pool[int(Tier::Edge)];
    const auto &clouds = threeTiers ? pool[int(Tier::Cloud)] : none;
    Candidate c;
    for (int d : pool[int(Tier::Device)]) {
        for (int e : edges) {
            for (int cl : clouds) {
                c.resources[0] = d, c.resources[1] = e, c.resources[2] = cl;
                for (int s1 = lo1; s1 <= hi1; ++s1) {
                    // Sending needs someone to receive: no edge resource means device only.
                    if (s1 < K && e == kNone)
                        continue;
                    // An idle edge (s1 == s2) or cloud (s2 == K) costs nothing and is not
                    // named: the first candidate stands for all, so each configuration is
                    // listed once.
                    for (int s2 = std::max(s1, lo2); s2 <= hi2; ++s2) {
                        if ((s1 == s2 && e != edges.front()) || (s2 == K && cl != clouds.front()))
                            continue;
                        bool ok = true;
                        for (const auto *r : shapes)
                            ok = ok && r->shape(s1, s2);
                        if (!ok)
                            continue;
                        c.s1 = s1, c.s2 = s2;
                        for (int t = kNone; t < tlOptions; ++t) {
                            if (t != kNone && s1 == K)
                                break;
                            c.tl = t;
                            c.variant = 0;
                            for (const int n = variantsOf(c); c.variant < n; ++c.variant) {
                                if (!costOf(c))
                                    break;
                                bool allowed = true;
                                for (const auto *r : costs)
                                    allowed = allowed && r->cost(c);
                                if (allowed && !visit(c))
                                    return;
                            }
                        }
                    }
                }
            }
        }
    }
}

} // namespace

namespace {

/// Says which constraint, or which two, leave nothing allowed (the tiers rule, rule 0, always
/// on; the accuracy limit, which `accuracyUnmet` explains, left out).
[[noreturn]] void refuseEmpty(const std::vector<Rule> &rules, int accuracyRule,
                              const std::function<bool(uint64_t use)> &feasible)
{
    std::vector<size_t> others;
    for (size_t i = 1; i < rules.size(); ++i)
        if (int(i) != accuracyRule)
            others.push_back(i);
    for (size_t i : others)
        if (!feasible(uint64_t(1) << i))
            throw refused(PlanProblem::Kind::Unmet, {rules[i].demand, rules[0].demand});
    for (size_t a = 0; a < others.size(); ++a)
        for (size_t b = a + 1; b < others.size(); ++b)
            if (!feasible(uint64_t(1) << others[a] | uint64_t(1) << others[b]))
                throw refused(PlanProblem::Kind::Conflict,
                              {rules[others[a]].demand, rules[others[b]].demand});
    std::vector<Demand> all;
    for (size_t i : others)
        all.push_back(rules[i].demand);
    throw refused(PlanProblem::Kind::UnmetTogether, std::move(all));
}

/// The accuracy limit left nothing: the least drop among what it left out, or how many had
/// no measurement.
[[noreturn]] void accuracyUnmet(const Rule &limit, const std::string &model,
                                const AccuracyTable &table, const Candidate *closest,
                                const std::vector<std::string> &specs, const std::string &codec,
                                int64_t unmeasured)
{
    PlanProblem p;
    p.kind = PlanProblem::Kind::AccuracyUnmet;
    p.model = model;
    p.demands = {limit.demand};
    p.dataset = table.dataset;
    p.unmeasured = unmeasured;
    p.codec = codec;
    if (closest) {
        p.bestDrop = closest->accuracy->drop_pp;
        p.bestFineTuned = closest->accuracy->fineTuned;
        p.split = closest->s1;
        p.tl = closest->tl == kNone ? std::string() : specs[size_t(closest->tl)];
    }
    throw PlanError(std::move(p));
}

/// Ties go to the earlier split, then to the TL as inserted, so rankings are stable.
bool faster(const Candidate &a, const Candidate &b)
{
    return std::tie(a.total_s, a.s1, a.s2, a.tl, a.variant) <
           std::tie(b.total_s, b.s1, b.s2, b.tl, b.variant);
}

/// The measured configurations that no other beats on both latency and top-1, fastest first.
std::vector<const Candidate *> paretoFront(const std::vector<Candidate> &allowed)
{
    std::vector<const Candidate *> measured;
    for (const auto &c : allowed)
        if (c.accuracy)
            measured.push_back(&c);
    // Equal points: the one the ranking lists first stands for them.
    std::sort(measured.begin(), measured.end(), [](const Candidate *a, const Candidate *b) {
        if (a->total_s != b->total_s)
            return a->total_s < b->total_s;
        if (a->accuracy->top1 != b->accuracy->top1)
            return a->accuracy->top1 > b->accuracy->top1;
        return faster(*a, *b);
    });
    std::vector<const Candidate *> front;
    for (const auto *c : measured)
        if (front.empty() || c->accuracy->top1 > front.back()->accuracy->top1)
            front.push_back(c);
    return front;
}

} // namespace

Plan Planner::plan(const PlanRequest &request) const
{
    if (request.top < 0)
        throw refused(PlanProblem::Kind::Negative,
                      {Demand::ofNumber(Demand::Kind::Top, request.top)});
    const auto P = prepare(request);
    const int K = P.K;
    const int tlOptions = int(P.specs.size());
    const std::function<bool(Candidate &)> costOf = [&P](Candidate &c) { return P.cost(c); };
    const std::function<int(const Candidate &)> variantsOf = [&P](const Candidate &c) {
        return P.variants(c);
    };
    if (P.rules.size() > 64)
        throw invalid("too many constraints (at most 63)");
    const uint64_t all = P.rules.size() == 64 ? ~uint64_t(0) : (uint64_t(1) << P.rules.size()) - 1;

    Plan plan;
    plan.mode = request.mode;
    plan.blocks = K;
    if (m_accuracy)
        plan.accuracyDataset = m_accuracy->dataset;
    // The accuracy limit is checked here rather than in the search, to count what it leaves
    // out unmeasured and to find the closest it refused.
    const Rule *accuracyLimit =
        P.accuracyRule == kNone ? nullptr : &P.rules[size_t(P.accuracyRule)];
    const uint64_t use = accuracyLimit ? all & ~(uint64_t(1) << P.accuracyRule) : all;
    std::vector<Candidate> allowed;
    std::optional<Candidate> closest;
    search(P.rules, use, P.candidates, K, P.threeTiers, tlOptions, costOf, variantsOf,
           [&](Candidate &c) {
               if (accuracyLimit && !accuracyLimit->cost(c)) {
                   if (P.crossesTwiceLossy(c))
                       ++plan.unmeasurable;
                   else if (!c.accuracy)
                       ++plan.unmeasured;
                   else if (!closest || c.accuracy->drop_pp < closest->accuracy->drop_pp)
                       closest = c;
                   return true;
               }
               allowed.push_back(c);
               return true;
           });
    plan.allowed = int64_t(allowed.size());

    if (allowed.empty()) {
        const int64_t leftOut = plan.unmeasured + plan.unmeasurable;
        if (accuracyLimit && (closest || leftOut > 0))
            accuracyUnmet(*accuracyLimit, m_model, *m_accuracy, closest ? &*closest : nullptr,
                          P.specs, request.codec, leftOut);
        refuseEmpty(P.rules, P.accuracyRule, [&](uint64_t rules) {
            bool any = false;
            search(P.rules, rules | 1, P.candidates, K, P.threeTiers, tlOptions, costOf, variantsOf,
                   [&](Candidate &) { return !(any = true); });
            return any;
        });
    }

    const auto named = [&](const Candidate &c) {
        Configuration config;
        config.s1 = c.s1;
        config.s2 = c.s2;
        // Name only the tiers that run blocks, and the device that holds the input.
        const bool edgeUsed = c.s1 < c.s2;
        const bool cloudUsed = P.threeTiers && c.s2 < K;
        config.resources[0] = m_resources[size_t(c.resources[0])].name;
        if (edgeUsed && c.resources[1] != kNone)
            config.resources[1] = m_resources[size_t(c.resources[1])].name;
        if (cloudUsed)
            config.resources[2] = m_resources[size_t(c.resources[2])].name;
        config.tl = c.tl == kNone ? std::string() : P.specs[size_t(c.tl)];
        config.parts = c.parts;
        config.total_s = c.total_s;
        config.uploadBytes = c.upload;
        config.deviceMemoryBytes = c.deviceMemory;
        if (c.accuracy)
            config.accuracy = *c.accuracy;
        return config;
    };
    if (request.pareto)
        for (const auto *c : paretoFront(allowed))
            plan.pareto.push_back(named(*c));
    const size_t keep =
        request.top == 0 ? allowed.size() : std::min(allowed.size(), size_t(request.top));
    std::partial_sort(allowed.begin(), allowed.begin() + long(keep), allowed.end(), faster);
    allowed.resize(keep);
    for (const auto &c : allowed)
        plan.ranking.push_back(named(c));
    plan.notes = notes(request, plan);
    return plan;
}

std::vector<std::string> Planner::notes(const PlanRequest &request, const Plan &plan) const
{
    std::vector<std::string> notes;
    for (const auto &r : m_resources) {
        if (request.codec == "fp32" && r.codecs.find("fp32") == r.codecs.end()) {
            notes.push_back("no fp32 codec timings on " + r.name +
                            ": raw bytes sent, (de)serialising taken as free");
        }
        if (std::abs(r.blockScale - 1.0) > 0.01) {
            char text[160];
            std::snprintf(text, sizeof text,
                          "block times on %s scaled by %.3f to add up to its whole-model time",
                          r.name.c_str(), r.blockScale);
            notes.push_back(text);
        }
        if (request.constraints.maxDeviceMemoryBytes && r.tier == Tier::Device &&
            r.blockPeakBytes.empty())
            notes.push_back("no memory figures for " + r.name +
                            " (benchmarked before memory was measured): its device memory "
                            "limit is not checked; benchmark it again");
    }
    if (plan.unmeasurable > 0)
        notes.push_back(std::to_string(plan.unmeasurable) +
                        " three-tier configurations cross twice with the lossy codec " +
                        request.codec +
                        " (to the edge and on to the cloud); an accuracy sweep measures one "
                        "crossing, so they are left out");
    if (plan.unmeasured > 0)
        notes.push_back(std::to_string(plan.unmeasured) +
                        " configurations that meet the other constraints have no accuracy "
                        "measured on " +
                        plan.accuracyDataset + " with codec " + request.codec +
                        " and are left out");
    return notes;
}

SplitSeries Planner::series(const PlanRequest &request, std::string device, std::string edge) const
{
    PlanRequest twoTier = request;
    twoTier.tiers = {Tier::Device, Tier::Edge};
    twoTier.mode = Mode::ScissionTl;
    const bool anyTl = !tlSpecs().empty() || !request.tlSpecs.empty();
    if (!anyTl)
        twoTier.mode = Mode::Scission;
    const auto P = prepare(twoTier);
    const int K = P.K;
    if (device.empty() || edge.empty()) {
        std::string bestDevice, bestEdge;
        try {
            PlanRequest best = request;
            best.top = 1;
            const auto top = plan(best).ranking;
            if (!top.empty()) {
                bestDevice = top.front().resources[0];
                bestEdge = top.front().resources[1];
            }
        } catch (const Error &) {
            // Constraints that exclude everything still leave a series to look at.
        }
        if (device.empty())
            device = !bestDevice.empty() ? bestDevice
                                         : m_resources[size_t(P.candidates[0].front())].name;
        if (edge.empty())
            edge = !bestEdge.empty() ? bestEdge : m_resources[size_t(P.candidates[1].front())].name;
    }
    const int d = resourceIndex(device, "device");
    const int e = resourceIndex(edge, "edge");

    SplitSeries series;
    series.model = m_model;
    series.device = device;
    series.edge = edge;
    // Constraints apply as in plan(), tiers rule excepted (the series is the two-tier view).
    const auto passesAs = [&](const Candidate &c) {
        for (size_t i = 1; i < P.rules.size(); ++i) {
            const auto &r = P.rules[i];
            if (c.s1 < r.lo1 || c.s1 > r.hi1 || c.s2 < r.lo2 || c.s2 > r.hi2)
                return false;
            if (r.shape && !r.shape(c.s1, c.s2))
                return false;
            if (r.cost && !r.cost(c))
                return false;
            for (int t = 0; t < 2; ++t) {
                const auto &mask = r.allowedResources[size_t(t)];
                if (!mask.empty() && !mask[size_t(c.resources[t])])
                    return false;
            }
        }
        return true;
    };
    // Any measured version of its TL may meet an accuracy limit: the fine-tuned one, say.
    const auto passes = [&](const Candidate &c) {
        Candidate version = c;
        for (version.variant = 0; version.variant < P.variants(c); ++version.variant) {
            P.cost(version);
            if (passesAs(version))
                return true;
        }
        return false;
    };
    double best = 0, bestTl = 0, bestAllowed = 0, bestTlAllowed = 0;
    for (int s = 0; s <= K; ++s) {
        SplitPoint point;
        point.split = s;
        Candidate c;
        c.resources[0] = d, c.resources[1] = e;
        c.s1 = s, c.s2 = K;
        P.cost(c);
        point.scission = c.parts;
        point.rawBytes = m_resources[size_t(d)].cutBytes[size_t(s)];
        point.codecBytes = s < K ? c.upload : 0;
        point.deviceMemoryBytes = c.deviceMemory;
        const bool allowedScission = passes(c);
        Candidate withTl = c;
        bool tlFound = false;
        for (int t = 0; t < int(P.specs.size()) && s < K; ++t) {
            Candidate x = c;
            x.tl = t;
            if (!P.cost(x))
                continue;
            if (!tlFound || x.total_s < withTl.total_s) {
                withTl = x;
                tlFound = true;
            }
        }
        point.scissionTl = withTl.parts;
        if (tlFound) {
            point.tl = P.specs[size_t(withTl.tl)];
            point.tlBytes = withTl.upload;
        }
        point.allowed = allowedScission && passes(withTl);
        const double total = sum(point.scission);
        const double totalTl = sum(point.scissionTl);
        if (series.bestScission < 0 || total < best)
            series.bestScission = s, best = total;
        if (series.bestScissionTl < 0 || totalTl < bestTl)
            series.bestScissionTl = s, bestTl = totalTl;
        if (allowedScission && (series.bestScissionAllowed < 0 || total < bestAllowed))
            series.bestScissionAllowed = s, bestAllowed = total;
        if (passes(withTl) && (series.bestScissionTlAllowed < 0 || totalTl < bestTlAllowed))
            series.bestScissionTlAllowed = s, bestTlAllowed = totalTl;
        series.points.push_back(std::move(point));
    }
    return series;
}

} // namespace cleave::plan
