// SPDX-License-Identifier: GPL-3.0-or-later
// The planner: every term of the cost model on hand-computed cases, the fast path against a
// brute-force enumeration written here from the formula, each constraint, conflicts and bad
// input, and reading timings from a real store file.
#include "accuracies.h"
#include "testmain.h"

#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/plan/headline.h"
#include "core/plan/planner.h"
#include "core/plan/problem.h"
#include "core/store/store.h"

#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace cleave;
using plan::Part;
using plan::Tier;

namespace {

constexpr double kMs = 1e-3;

plan::ResourceCosts resource(const std::string &name, Tier tier, std::vector<double> block_s,
                             std::vector<int64_t> cutBytes, double ser_s, double deser_s)
{
    plan::ResourceCosts r;
    r.name = name;
    r.tier = tier;
    r.block_s = std::move(block_s);
    r.cutBytes = std::move(cutBytes);
    auto &fp32 = r.codecs["fp32"];
    for (auto bytes : r.cutBytes)
        fp32.push_back(plan::WireCost{bytes + 16, ser_s, deser_s});
    return r;
}

// Three blocks. A link of 8 Mbit/s moves one byte per microsecond.
const std::vector<int64_t> kCutBytes{1000, 500, 250, 40};

plan::Planner twoTierPlanner()
{
    auto device = resource("dev", Tier::Device, {1 * kMs, 2 * kMs, 3 * kMs}, kCutBytes, 0.01 * kMs,
                           0.02 * kMs);
    auto edge = resource("edge", Tier::Edge, {0.1 * kMs, 0.2 * kMs, 0.3 * kMs}, kCutBytes,
                         0.03 * kMs, 0.04 * kMs);
    // maxpool2 applies at cuts 1 and 2: a quarter of the bytes.
    device.tls["maxpool2"] = {std::nullopt, plan::TlCost{0.5 * kMs, 0.6 * kMs, 125},
                              plan::TlCost{0.25 * kMs, 0.3 * kMs, 62}, std::nullopt};
    edge.tls["maxpool2"] = {std::nullopt, plan::TlCost{0.05 * kMs, 0.4 * kMs, 125},
                            plan::TlCost{0.02 * kMs, 0.2 * kMs, 62}, std::nullopt};
    return plan::Planner("toy", {device, edge});
}

plan::PlanRequest request(double mbps = 8, double latencyMs = 10)
{
    plan::PlanRequest r;
    r.link = plan::NetworkProfile::custom(mbps, latencyMs);
    r.cloudLink = plan::NetworkProfile::custom(80, 2);
    r.top = 0;
    return r;
}

const plan::Configuration &atSplit(const plan::Plan &p, int s1, int s2 = -1)
{
    for (const auto &c : p.ranking)
        if (c.s1 == s1 && (s2 < 0 || c.s2 == s2))
            return c;
    throw std::runtime_error("split not ranked");
}

QString errorOfPlan(const plan::Planner &planner, const plan::PlanRequest &r)
{
    return testing::errorOf([&] { planner.plan(r); });
}

// The problem a PlanError carries; kind NoTimings with model "no PlanError" when none is thrown.
plan::PlanProblem problemOfPlan(const plan::Planner &planner, const plan::PlanRequest &r)
{
    try {
        planner.plan(r);
    } catch (const plan::PlanError &e) {
        return e.problem();
    }
    plan::PlanProblem none;
    none.model = "no PlanError";
    return none;
}

using Demand = plan::Demand;
using Problem = plan::PlanProblem;

// ---- brute force, straight from ARCHITECTURE.md's formula, one configuration at a time ----

struct Brute
{
    double total = 0;
    int64_t upload = 0;
};

double blocksOn(const plan::ResourceCosts &r, int from, int to, double factor)
{
    double t = 0;
    for (int b = from; b < to; ++b)
        t += r.block_s[size_t(b)] * factor;
    return t;
}

Brute brute(const std::vector<plan::ResourceCosts> &rs, int d, int e, int c, int s1, int s2,
            const std::string &tl, const plan::PlanRequest &req)
{
    const int K = int(rs[0].block_s.size());
    const auto &D = rs[size_t(d)];
    Brute out;
    out.total = blocksOn(D, 0, s1, 1);
    if (s1 == K)
        return out;
    const bool edgeRuns = s1 < s2;
    const auto &R = edgeRuns ? rs[size_t(e)] : rs[size_t(c)];
    const auto &sent = *D.codecs.at("fp32")[size_t(s1)];
    double bytes = double(sent.bytes);
    double ser = sent.serialise_s;
    double deser = R.codecs.at("fp32")[size_t(s1)]->deserialise_s;
    if (!tl.empty()) {
        const auto &down = *D.tls.at(tl)[size_t(s1)];
        const auto &up = *R.tls.at(tl)[size_t(s1)];
        const double share = double(down.bytes) / double(D.cutBytes[size_t(s1)]);
        bytes = std::round(bytes * share);
        ser *= share;
        deser *= share;
        out.total += down.down_s + up.up_s;
    }
    out.upload = int64_t(bytes);
    out.total += ser + req.link.latency_s + bytes * 8 / req.link.uplink_bps + deser;
    if (edgeRuns) {
        out.total += blocksOn(rs[size_t(e)], s1, s2, 1);
        if (s2 < K) {
            const auto &w = *rs[size_t(e)].codecs.at("fp32")[size_t(s2)];
            out.total += w.serialise_s + req.cloudLink.latency_s +
                         double(w.bytes) * 8 / req.cloudLink.uplink_bps +
                         rs[size_t(c)].codecs.at("fp32")[size_t(s2)]->deserialise_s;
        }
    } else {
        out.total += req.cloudLink.latency_s + bytes * 8 / req.cloudLink.uplink_bps;
    }
    const bool cloudRuns = c >= 0 && s2 < K;
    if (cloudRuns)
        out.total += blocksOn(rs[size_t(c)], s2, K, 1);
    if (req.returnLeg) {
        const auto &last = cloudRuns ? rs[size_t(c)] : rs[size_t(e)];
        const double result = double(last.codecs.at("fp32")[size_t(K)]->bytes) * 8;
        out.total += req.link.latency_s + result / req.link.downlink_bps;
        if (cloudRuns)
            out.total += req.cloudLink.latency_s + result / req.cloudLink.downlink_bps;
    }
    return out;
}

std::vector<plan::ResourceCosts> randomResources(std::mt19937 &rng, int K, bool withTl)
{
    std::uniform_real_distribution<double> time(0.05 * kMs, 20 * kMs);
    std::uniform_int_distribution<int64_t> size(64, 2'000'000);
    std::bernoulli_distribution applies(0.6);
    std::vector<int64_t> cuts(size_t(K) + 1);
    for (auto &c : cuts)
        c = size(rng);
    std::vector<bool> tlAt(size_t(K) + 1);
    for (size_t s = 0; s + 1 < tlAt.size(); ++s)
        tlAt[s] = applies(rng);
    std::vector<plan::ResourceCosts> rs;
    const std::pair<const char *, Tier> names[] = {{"d0", Tier::Device}, {"d1", Tier::Device},
                                                   {"e0", Tier::Edge},   {"e1", Tier::Edge},
                                                   {"c0", Tier::Cloud},  {"c1", Tier::Cloud}};
    for (const auto &[name, tier] : names) {
        plan::ResourceCosts r;
        r.name = name;
        r.tier = tier;
        r.cutBytes = cuts;
        for (int b = 0; b < K; ++b)
            r.block_s.push_back(time(rng) / (tier == Tier::Device ? 1 : 5));
        auto &fp32 = r.codecs["fp32"];
        for (auto bytes : cuts)
            fp32.push_back(plan::WireCost{bytes + 16, time(rng) / 10, time(rng) / 10});
        if (withTl) {
            auto &tl = r.tls["maxpool2"];
            for (size_t s = 0; s < cuts.size(); ++s)
                tl.push_back(tlAt[s] ? std::optional<plan::TlCost>(plan::TlCost{
                                           time(rng) / 10, time(rng) / 10, cuts[s] / 4})
                                     : std::nullopt);
        }
        rs.push_back(std::move(r));
    }
    return rs;
}

// Random accuracies for every configuration of randomResources but a few, the TL fine-tuned at
// some cuts, in steps of a tenth of a point so that drops tie.
plan::AccuracyTable randomAccuracy(std::mt19937 &rng, int K)
{
    std::uniform_int_distribution<int> tenths(700, 900);
    std::bernoulli_distribution skip(0.15), tuned(0.3);
    std::vector<std::pair<plan::AccuracyTable::Key, plan::MeasuredAccuracy>> all;
    for (int s = 0; s < K; ++s)
        for (const std::string tl : {"", "maxpool2"}) {
            if (skip(rng))
                continue;
            all.push_back({{s, tl, "fp32"}, testing::measuredTop1(tenths(rng) / 1000.0)});
            if (!tl.empty() && tuned(rng))
                all.push_back(
                    {{s, tl, "fp32"}, testing::measuredTop1(tenths(rng) / 1000.0, "1 epoch")});
        }
    return plan::AccuracyTable::of("toy@0", testing::measuredTop1(0.85), std::move(all));
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetsAreThePapersLinks()
    {
        const auto g5 = plan::NetworkProfile::preset("5g-peak");
        QCOMPARE(g5.uplink_bps, 57e6);
        QCOMPARE(g5.latency_s, 0.028);
        QCOMPARE(plan::NetworkProfile::preset("4g").uplink_bps, 5.85e6);
        QCOMPARE(plan::NetworkProfile::preset("3g").latency_s, 0.1);
        QCOMPARE(plan::NetworkProfile::preset("wifi").uplink_bps, 18.88e6);
        QCOMPARE(plan::NetworkProfile::preset("5g-low").uplink_bps, 30e6);
        // A cluster's wired network; and the names as help texts list them.
        QCOMPARE(plan::NetworkProfile::preset("lan").uplink_bps, 1e9);
        QCOMPARE(plan::NetworkProfile::preset("lan").latency_s, 0.0005);
        QCOMPARE(plan::NetworkProfile::presetNames(),
                 std::string("5g-peak (default), 5g-low, 4g, 3g, wifi, wan, lan"));
    }

    // Every term of T(s) for two tiers, computed by hand.
    void scissionTermsByHand()
    {
        const auto planner = twoTierPlanner();
        auto r = request();
        const auto p = planner.plan(r);
        QCOMPARE(p.allowed, int64_t(4));
        QCOMPARE(p.ranking.size(), size_t(4));
        // s = 1: block 0 on the device, 516 bytes up, blocks 1 and 2 on the edge, 56 bytes back.
        const auto &c = atSplit(p, 1);
        QCOMPARE(c.resources[0], std::string("dev"));
        QCOMPARE(c.resources[1], std::string("edge"));
        QCOMPARE(c.uploadBytes, int64_t(516));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Device)], 1 * kMs));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Serialise)], 0.01 * kMs));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Uplink)], 10 * kMs + 516e-6));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Deserialise)], 0.04 * kMs));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Edge)], 0.5 * kMs));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Return)], 10 * kMs + 56e-6));
        QCOMPARE(c.parts[size_t(Part::DeviceTl)], 0.0);
        QVERIFY(qFuzzyCompare(c.total_s, (1 + 0.01 + 10 + 0.516 + 0.04 + 0.5 + 10 + 0.056) * kMs));
        // s = K: all on the device, nothing sent.
        const auto &all = atSplit(p, 3);
        QVERIFY(qFuzzyCompare(all.total_s, 6 * kMs));
        QCOMPARE(all.uploadBytes, int64_t(0));
        QVERIFY(all.resources[1].empty());
        // Best first: 6 ms on the device beats 20+ ms of round trip.
        QCOMPARE(p.ranking.front().s1, 3);
        // Without the return leg (as in the papers) s = 1 loses 10.056 ms.
        r.returnLeg = false;
        const auto noReturn = planner.plan(r);
        QVERIFY(qFuzzyCompare(atSplit(noReturn, 1).total_s, c.total_s - 10.056 * kMs));
    }

    void transferLayerTermsByHand()
    {
        const auto planner = twoTierPlanner();
        auto r = request();
        r.mode = plan::Mode::ScissionTl;
        const auto p = planner.plan(r);
        // With TL at s = 1: 125 of 500 raw bytes, so the 516 encoded bytes scale to 129, and
        // (de)serialising by a quarter.
        const plan::Configuration *withTl = nullptr;
        for (const auto &c : p.ranking)
            if (c.s1 == 1 && c.tl == "maxpool2")
                withTl = &c;
        QVERIFY(withTl);
        QCOMPARE(withTl->uploadBytes, int64_t(129));
        QVERIFY(qFuzzyCompare(withTl->parts[size_t(Part::DeviceTl)], 0.5 * kMs));
        QVERIFY(qFuzzyCompare(withTl->parts[size_t(Part::EdgeTl)], 0.4 * kMs));
        QVERIFY(qFuzzyCompare(withTl->parts[size_t(Part::Serialise)], 0.0025 * kMs));
        QVERIFY(qFuzzyCompare(withTl->parts[size_t(Part::Deserialise)], 0.01 * kMs));
        QVERIFY(qFuzzyCompare(withTl->parts[size_t(Part::Uplink)], 10 * kMs + 129e-6));
        // No TL where it does not apply (s = 0, the 1-D output).
        for (const auto &c : p.ranking)
            if (c.s1 == 0 || c.s1 == 3)
                QVERIFY(c.tl.empty());
    }

    void threeTiersByHand()
    {
        auto device = resource("dev", Tier::Device, {1 * kMs, 2 * kMs, 3 * kMs}, kCutBytes, 0, 0);
        auto edge = resource("edge", Tier::Edge, {0.5 * kMs, 1 * kMs, 1.5 * kMs}, kCutBytes, 0, 0);
        auto cloud =
            resource("cloud", Tier::Cloud, {0.1 * kMs, 0.2 * kMs, 0.3 * kMs}, kCutBytes, 0, 0);
        const plan::Planner planner("toy", {device, edge, cloud});
        auto r = request();
        r.tiers = {Tier::Device, Tier::Edge, Tier::Cloud};
        const auto p = planner.plan(r);
        QCOMPARE(p.allowed, int64_t(10)); // 0 <= s1 <= s2 <= 3
        // s1 = 1, s2 = 2: block 0 device, block 1 edge, block 2 cloud; 266 bytes on to the cloud
        // at 80 Mbit/s (10 bytes per microsecond) and 2 ms; 56 bytes back over both hops.
        const auto &c = atSplit(p, 1, 2);
        QCOMPARE(c.resources[2], std::string("cloud"));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Edge)], 1 * kMs));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::EdgeToCloud)], 2 * kMs + 26.6e-6));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Cloud)], 0.3 * kMs));
        QVERIFY(qFuzzyCompare(c.parts[size_t(Part::Return)], 10 * kMs + 56e-6 + 2 * kMs + 5.6e-6));
        // s1 = s2 = 1: the edge relays the 516 bytes to the cloud.
        const auto &relay = atSplit(p, 1, 1);
        QVERIFY(relay.resources[1].empty());
        QVERIFY(qFuzzyCompare(relay.parts[size_t(Part::EdgeToCloud)], 2 * kMs + 51.6e-6));
        QVERIFY(qFuzzyCompare(relay.parts[size_t(Part::Cloud)], 0.5 * kMs));
    }

    // The fast path (prefix sums, one pass) equals costing every configuration from the formula.
    void fastPathEqualsBruteForce()
    {
        for (unsigned seed = 1; seed <= 40; ++seed) {
            std::mt19937 rng(seed);
            const int K = 3 + int(seed % 9);
            const bool withTl = seed % 2 == 0;
            const bool three = seed % 3 != 0;
            const auto rs = randomResources(rng, K, withTl);
            const plan::Planner planner("random", rs);
            auto r = request(std::uniform_real_distribution<double>(1, 100)(rng),
                             std::uniform_real_distribution<double>(0, 50)(rng));
            r.returnLeg = seed % 4 != 1;
            r.mode = withTl ? plan::Mode::ScissionTl : plan::Mode::Scission;
            if (three)
                r.tiers = {Tier::Device, Tier::Edge, Tier::Cloud};
            const auto fast = planner.plan(r).ranking;
            // Each configuration once: an idle edge or cloud is not another configuration.
            std::set<std::tuple<int, int, std::string, std::string, std::string, std::string>> keys;
            for (const auto &c : fast)
                keys.insert({c.s1, c.s2, c.resources[0], c.resources[1], c.resources[2], c.tl});
            QCOMPARE(keys.size(), fast.size());

            std::vector<double> totals;
            double best = 1e300;
            for (int d : {0, 1})
                for (int e : {2, 3})
                    for (int c : three ? std::vector<int>{4, 5} : std::vector<int>{-1})
                        for (int s1 = 0; s1 <= K; ++s1)
                            for (int s2 = three ? s1 : K; s2 <= K; ++s2)
                                for (const std::string tl : {"", "maxpool2"}) {
                                    if (!tl.empty() &&
                                        (!withTl || s1 == K || !rs[0].tls.at(tl)[size_t(s1)]))
                                        continue;
                                    const auto b = brute(rs, d, e, c, s1, s2, tl, r);
                                    totals.push_back(b.total);
                                    best = std::min(best, b.total);
                                }
            // The fast path names each distinct configuration once; the brute force counts a
            // device-only split once per (unused) edge and cloud, so compare the sorted sets of
            // distinct totals.
            std::sort(totals.begin(), totals.end());
            std::vector<double> fastTotals;
            for (const auto &c : fast)
                fastTotals.push_back(c.total_s);
            const auto distinct = [](std::vector<double> v) {
                std::sort(v.begin(), v.end());
                v.erase(std::unique(v.begin(), v.end(),
                                    [](double a, double b) { return std::abs(a - b) < 1e-12; }),
                        v.end());
                return v;
            };
            const auto a = distinct(fastTotals);
            const auto b = distinct(totals);
            QCOMPARE(a.size(), b.size());
            for (size_t i = 0; i < a.size(); ++i)
                QVERIFY2(std::abs(a[i] - b[i]) < 1e-12,
                         qPrintable(QStringLiteral("seed %1 rank %2").arg(seed).arg(i)));
            QVERIFY(std::abs(fast.front().total_s - best) < 1e-12);
        }
    }

    // The papers' comparison, from the formula: the device alone is every block on the
    // device; Scission and ScissionTL are the least totals over the allowed splits without and
    // with the TL; the codec row is ScissionTL's best under the fastest other codec. The
    // privacy constraint holds for all but the device alone.
    void headlineFromTheFormula()
    {
        for (unsigned seed = 1; seed <= 20; ++seed) {
            std::mt19937 rng(seed);
            const int K = 4 + int(seed % 7);
            auto all = randomResources(rng, K, true);
            std::vector<plan::ResourceCosts> rs{all[0], all[2]}; // d0, e0
            for (auto &r : rs) {
                auto &int8 = r.codecs["int8"];
                for (const auto &w : r.codecs.at("fp32"))
                    int8.push_back(
                        plan::WireCost{w->bytes / 4, w->serialise_s * 2, w->deserialise_s * 2});
            }
            const plan::Planner planner("random", rs);
            auto r = request(std::uniform_real_distribution<double>(1, 100)(rng), 20);
            r.constraints.minSplit = 2;
            const auto h = plan::headline(planner, r);
            QCOMPARE(h.rows.size(), size_t(4));
            QVERIFY(h.absent.empty());

            const auto *alone = h.row(plan::Contender::DeviceAlone);
            QCOMPARE(alone->config.s1, K);
            QVERIFY(std::abs(alone->config.total_s - blocksOn(rs[0], 0, K, 1)) < 1e-12);

            double scission = 1e300, withTl = 1e300;
            for (int s1 = 2; s1 <= K; ++s1) {
                scission = std::min(scission, brute(rs, 0, 1, -1, s1, K, "", r).total);
                withTl = std::min(withTl, brute(rs, 0, 1, -1, s1, K, "", r).total);
                if (s1 < K && rs[0].tls.at("maxpool2")[size_t(s1)])
                    withTl = std::min(withTl, brute(rs, 0, 1, -1, s1, K, "maxpool2", r).total);
            }
            const auto *sc = h.row(plan::Contender::Scission);
            QVERIFY(sc->config.s1 >= 2 && sc->config.tl.empty() && sc->codec == "fp32");
            QVERIFY(std::abs(sc->config.total_s - scission) < 1e-12);
            const auto *tl = h.row(plan::Contender::ScissionTl);
            QVERIFY(tl->config.s1 >= 2 && tl->codec == "fp32");
            QVERIFY(std::abs(tl->config.total_s - withTl) < 1e-12);
            const auto *codec = h.row(plan::Contender::WithCodec);
            QCOMPARE(codec->codec, std::string("int8"));
            QVERIFY(codec->config.s1 >= 2);
            r.mode = plan::Mode::ScissionTl;
            r.codec = "int8";
            r.top = 1;
            QCOMPARE(codec->config.total_s, planner.plan(r).ranking.front().total_s);
            QCOMPARE(*h.speedUp(plan::Contender::Scission, plan::Contender::ScissionTl),
                     scission / tl->config.total_s);
        }
        // The device alone is the baseline whatever the demands (here a device time it exceeds);
        // of two codecs, the faster one is taken.
        {
            std::mt19937 rng(5);
            auto all = randomResources(rng, 6, true);
            std::vector<plan::ResourceCosts> rs{all[0], all[2]};
            for (auto &r : rs)
                for (const auto &[name, shrink] : {std::pair{"int8", 4}, std::pair{"fp16", 2}}) {
                    auto &costs = r.codecs[name];
                    for (const auto &w : r.codecs.at("fp32"))
                        costs.push_back(
                            plan::WireCost{w->bytes / shrink, w->serialise_s, w->deserialise_s});
                }
            const plan::Planner planner("two codecs", rs);
            auto r = request(5, 20);
            r.constraints.maxDevice_s = blocksOn(rs[0], 0, 6, 1) / 2;
            const auto h = plan::headline(planner, r);
            const auto *alone = h.row(plan::Contender::DeviceAlone);
            QVERIFY(std::abs(alone->config.total_s - blocksOn(rs[0], 0, 6, 1)) < 1e-12);
            r.mode = plan::Mode::ScissionTl;
            r.top = 1;
            double fastest = 1e300;
            for (const char *codec : {"int8", "fp16"}) {
                r.codec = codec;
                fastest = std::min(fastest, planner.plan(r).ranking.front().total_s);
            }
            QCOMPARE(h.row(plan::Contender::WithCodec)->config.total_s, fastest);
            QCOMPARE(h.fastest()->config.total_s,
                     std::min({h.rows[1].config.total_s, h.rows[2].config.total_s, fastest,
                               alone->config.total_s}));
        }
        // A what-if describes the machine, not a demand: the device alone takes it too.
        {
            std::mt19937 rng(3);
            auto all = randomResources(rng, 6, true);
            const plan::Planner planner("what-if", {all[0], all[2]});
            auto r = request();
            r.constraints.slowdown["d0"] = 3;
            r.constraints.minSplit = 2;
            const auto *alone = plan::headline(planner, r).row(plan::Contender::DeviceAlone);
            QVERIFY(std::abs(alone->config.total_s - blocksOn(all[0], 0, 6, 3)) < 1e-12);
        }
        // Without a TL measured, two rows and a note why.
        std::mt19937 rng(7);
        auto plain = randomResources(rng, 5, false);
        const plan::Planner planner("plain", {plain[0], plain[2]});
        const auto h = plan::headline(planner, request());
        QCOMPARE(h.rows.size(), size_t(2));
        QVERIFY(!h.speedUp(plan::Contender::Scission, plan::Contender::ScissionTl));
        QCOMPARE(h.absent.size(), size_t(2));
        QVERIFY(h.absent[0] ==
                std::pair(plan::Contender::ScissionTl, plan::Absence::NoTransferLayer));
    }

    void constraintsHold()
    {
        const auto planner = twoTierPlanner();
        auto r = request();
        const auto check = [&](const std::function<bool(const plan::Configuration &)> &ok,
                               size_t expected) {
            const auto asked = r;
            r = request();
            const auto p = planner.plan(asked);
            QCOMPARE(p.ranking.size(), expected);
            for (const auto &c : p.ranking)
                QVERIFY(ok(c));
        };
        r.constraints.minSplit = 2;
        check([](const auto &c) { return c.s1 >= 2; }, 2);
        r.constraints.blocks = {{1, Tier::Edge, false}};
        check([](const auto &c) { return c.s1 <= 1; }, 2);
        r.constraints.blocks = {{1, Tier::Device, false}};
        check([](const auto &c) { return c.s1 >= 2; }, 2);
        r.constraints.blocks = {{0, Tier::Device, true}};
        check([](const auto &c) { return c.s1 == 0; }, 1);
        r.constraints.blocks = {{2, Tier::Edge, true}};
        check([](const auto &c) { return c.s1 == 3; }, 1);
        r.constraints.requiredTiers = {Tier::Edge};
        check([](const auto &c) { return c.s1 < 3; }, 3);
        r.constraints.unusedTiers = {Tier::Edge};
        check([](const auto &c) { return c.s1 == 3; }, 1);
        r.constraints.requiredResources = {"edge"};
        check([](const auto &c) { return c.resources[1] == "edge"; }, 3);
        r.constraints.maxUploadBytes = 300;
        check([](const auto &c) { return c.uploadBytes <= 300; }, 2);
        r.constraints.maxDevice_s = 2 * kMs;
        check([](const auto &c) { return c.parts[0] + c.parts[1] + c.parts[2] <= 2 * kMs; }, 2);
        // Totals: s = 0 21.722 ms, 1 22.122, 2 23.672, 3 6 (all on the device).
        r.constraints.maxTotal_s = 21.8 * kMs;
        check([](const auto &c) { return c.total_s <= 21.8 * kMs; }, 2);
        r.top = 2;
        check([](const auto &) { return true; }, 2);
        // What-if: the device 10x slower makes sending the raw input the best plan.
        r.constraints.slowdown["dev"] = 10;
        const auto slow = planner.plan(r);
        QCOMPARE(slow.ranking.front().s1, 0);
        QVERIFY(qFuzzyCompare(atSplit(slow, 3).total_s, 60 * kMs));
    }

    // The device's memory for a split, from the formula: the head's weights plus the most any
    // head block holds at once (its input, the cut before it, and its own peak). The limit keeps
    // out every head that needs more; without memory figures the limit says it cannot check.
    void deviceMemoryLimitHolds()
    {
        auto device = resource("dev", Tier::Device, {1 * kMs, 2 * kMs, 3 * kMs}, kCutBytes,
                               0.01 * kMs, 0.02 * kMs);
        auto edge = resource("edge", Tier::Edge, {0.1 * kMs, 0.2 * kMs, 0.3 * kMs}, kCutBytes,
                             0.03 * kMs, 0.04 * kMs);
        device.blockWeightBytes = {4000, 100, 20000};
        device.blockPeakBytes = {600, 3000, 50};
        // By hand: split 1: 4000 + (1000 + 600); 2: 4100 + max(1600, 500 + 3000);
        // 3: 24100 + max(1600, 3500, 250 + 50).
        const std::vector<int64_t> byHand{0, 5600, 7600, 27600};
        for (int s = 0; s <= 3; ++s) {
            int64_t weights = 0, held = 0;
            for (int b = 0; b < s; ++b) {
                weights += device.blockWeightBytes[size_t(b)];
                held = std::max(held, kCutBytes[size_t(b)] + device.blockPeakBytes[size_t(b)]);
            }
            QCOMPARE(plan::headMemoryBytes(device, s), weights + held);
            QCOMPARE(plan::headMemoryBytes(device, s), byHand[size_t(s)]);
        }
        const plan::Planner planner("toy", {device, edge});
        auto r = request();
        r.constraints.maxDeviceMemoryBytes = 7600;
        const auto p = planner.plan(r);
        QCOMPARE(p.ranking.size(), size_t(3)); // splits 0, 1, 2
        for (const auto &c : p.ranking) {
            QVERIFY(c.deviceMemoryBytes <= 7600);
            QCOMPARE(c.deviceMemoryBytes, byHand[size_t(c.s1)]);
        }
        QVERIFY(p.notes.empty() ||
                std::none_of(p.notes.begin(), p.notes.end(), [](const std::string &n) {
                    return n.find("memory") != std::string::npos;
                }));
        QCOMPARE(planner.series(r, "dev", "edge").points[3].deviceMemoryBytes, int64_t(27600));
        r.constraints.maxDeviceMemoryBytes = 0;
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("device memory limit 0 MiB: must be positive"));
        // Timings without memory figures: nothing is refused, and the plan says why.
        r.constraints.maxDeviceMemoryBytes = 1;
        const auto unmeasured = twoTierPlanner().plan(r);
        QCOMPARE(unmeasured.ranking.size(), size_t(4));
        QVERIFY(
            std::any_of(unmeasured.notes.begin(), unmeasured.notes.end(), [](const std::string &n) {
                return n.find("no memory figures for dev") != std::string::npos;
            }));
    }

    void excludedResourceIsNeverUsed()
    {
        auto d0 = resource("d0", Tier::Device, {1 * kMs, 1 * kMs, 1 * kMs}, kCutBytes, 0, 0);
        auto d1 = resource("d1", Tier::Device, {2 * kMs, 2 * kMs, 2 * kMs}, kCutBytes, 0, 0);
        auto e0 = resource("e0", Tier::Edge, {1 * kMs, 1 * kMs, 1 * kMs}, kCutBytes, 0, 0);
        const plan::Planner planner("toy", {d0, d1, e0});
        auto r = request();
        QCOMPARE(planner.plan(r).ranking.front().resources[0], std::string("d0"));
        r.constraints.excludedResources = {"d0"};
        for (const auto &c : planner.plan(r).ranking)
            QCOMPARE(c.resources[0], std::string("d1"));
    }

    void conflictsNameBothConstraints()
    {
        const auto planner = twoTierPlanner();
        auto r = request();
        r.constraints.minSplit = 2;
        r.constraints.blocks = {{0, Tier::Edge, false}};
        auto p = problemOfPlan(planner, r);
        QCOMPARE(int(p.kind), int(Problem::Kind::Conflict));
        QCOMPARE(p.demands.size(), size_t(2));
        QCOMPARE(int(p.demands[0].kind), int(Demand::Kind::MinSplit));
        QCOMPARE(p.demands[0].number, int64_t(2));
        QCOMPARE(int(p.demands[1].kind), int(Demand::Kind::PinnedBlock));
        QCOMPARE(p.demands[1].number, int64_t(0));
        QCOMPARE(int(p.demands[1].tier), int(Tier::Edge));
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("conflicting constraints: minimum split 2 and block 0 pinned to "
                                "the edge"));
        r = request();
        r.constraints.requiredResources = {"edge"};
        r.constraints.excludedResources = {"edge"};
        p = problemOfPlan(planner, r);
        QCOMPARE(int(p.kind), int(Problem::Kind::Conflict));
        QCOMPARE(int(p.demands[0].kind), int(Demand::Kind::RequiredResource));
        QCOMPARE(int(p.demands[1].kind), int(Demand::Kind::ExcludedResource));
        QCOMPARE(p.demands[1].resource, std::string("edge"));
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("conflicting constraints: resource edge required and resource "
                                "edge excluded"));
        r = request();
        r.constraints.requiredTiers = {Tier::Edge};
        r.constraints.unusedTiers = {Tier::Edge};
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("conflicting constraints: tier edge required and tier edge "
                                "unused"));
        r = request();
        r.tiers = {Tier::Device};
        r.constraints.requiredTiers = {Tier::Edge};
        p = problemOfPlan(planner, r);
        QCOMPARE(int(p.kind), int(Problem::Kind::Unmet));
        QCOMPARE(int(p.demands[0].kind), int(Demand::Kind::RequiredTier));
        QCOMPARE(int(p.demands[1].kind), int(Demand::Kind::Tiers));
        QCOMPARE(p.demands[1].tiers, std::vector<Tier>{Tier::Device});
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("no configuration meets tier edge required with tiers device"));
        r = request();
        r.constraints.maxTotal_s = 1 * kMs;
        p = problemOfPlan(planner, r);
        QCOMPARE(int(p.demands[0].kind), int(Demand::Kind::MaxLatency));
        QCOMPARE(p.demands[0].seconds, 1 * kMs);
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("no configuration meets latency limit 1 ms with tiers "
                                "device,edge"));
    }

    // Core says what is wrong and leaves how to fix it to the front ends: no flag, no command.
    void problemsNameNoFlagOrCommand()
    {
        const auto planner = twoTierPlanner();
        std::vector<plan::PlanRequest> requests(6, request());
        requests[0].constraints.minSplit = 9;
        requests[1].constraints.maxUploadBytes = -1;
        requests[2].constraints.maxDevice_s = 0.0;
        requests[3].top = -1;
        requests[4].codec = "fp16";
        requests[5].mode = plan::Mode::ScissionTl, requests[5].tlSpecs = {"avgpool2"};
        const std::vector<Problem::Kind> kinds{
            Problem::Kind::OutOfRange,       Problem::Kind::Negative,
            Problem::Kind::NotPositive,      Problem::Kind::Negative,
            Problem::Kind::CodecNotMeasured, Problem::Kind::TlNotMeasured};
        for (size_t i = 0; i < requests.size(); ++i) {
            const auto message = errorOfPlan(planner, requests[i]);
            QCOMPARE(int(problemOfPlan(planner, requests[i]).kind), int(kinds[i]));
            QVERIFY2(!message.contains(QStringLiteral("--")) &&
                         !message.contains(QStringLiteral("cleave-cli")),
                     qPrintable(message));
        }
        QCOMPARE(errorOfPlan(planner, requests[0]),
                 QStringLiteral("minimum split 9: out of range 0..3"));
        QCOMPARE(errorOfPlan(planner, requests[2]),
                 QStringLiteral("device time limit 0 ms: must be positive"));
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero bandwidth")
            << 0
            << QStringLiteral("link 'custom': the uplink bandwidth must be positive, not 0 Mbit/s");
        QTest::newRow("negative bandwidth")
            << 1
            << QStringLiteral(
                   "link 'custom': the uplink bandwidth must be positive, not -5 Mbit/s");
        QTest::newRow("unknown preset")
            << 2
            << QStringLiteral(
                   "link '6g': no such preset (known: 5g-peak, 5g-low, 4g, 3g, wifi, wan, lan)");
        QTest::newRow("unknown TL spec")
            << 3
            << QStringLiteral("TL spec 'maxpool3': the pooling factor must be 2 or 4 (expected "
                              "maxpool2, maxpool4, "
                              "avgpool2 or avgpool4, optionally +cN)");
        QTest::newRow("TL not measured")
            << 4 << QStringLiteral("TL avgpool2: not measured for toy");
        QTest::newRow("block out of range")
            << 5 << QStringLiteral("block 3 pinned to the edge: block 3 is out of range 0..2");
        QTest::newRow("min split out of range")
            << 6 << QStringLiteral("minimum split 4: out of range 0..3");
        QTest::newRow("unknown resource")
            << 7
            << QStringLiteral(
                   "required resource 'jetson': no timings of toy on it (measured on: dev, edge)");
        QTest::newRow("codec not measured")
            << 8 << QStringLiteral("codec fp16: not measured on dev");
        QTest::newRow("negative latency")
            << 9 << QStringLiteral("link 'custom': the latency must be zero or more, not -1 ms");
    }

    void badInputIsRefused()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        const auto planner = twoTierPlanner();
        const auto error = testing::errorOf([&] {
            auto r = request();
            switch (which) {
            case 0:
                r.link = plan::NetworkProfile::custom(0, 10);
                break;
            case 1:
                r.link = plan::NetworkProfile::custom(-5, 10);
                break;
            case 2:
                r.link = plan::NetworkProfile::preset("6g");
                break;
            case 3:
                r.mode = plan::Mode::ScissionTl, r.tlSpecs = {"maxpool3"};
                break;
            case 4:
                r.mode = plan::Mode::ScissionTl, r.tlSpecs = {"avgpool2"};
                break;
            case 5:
                r.constraints.blocks = {{3, Tier::Edge, false}};
                break;
            case 6:
                r.constraints.minSplit = 4;
                break;
            case 7:
                r.constraints.requiredResources = {"jetson"};
                break;
            case 8:
                r.codec = "fp16";
                break;
            case 9:
                r.link = plan::NetworkProfile::custom(10, -1);
                break;
            }
            planner.plan(r);
        });
        QCOMPARE(error, message);
    }

    void seriesMarksBothOptima()
    {
        const auto planner = twoTierPlanner();
        auto r = request();
        r.constraints.minSplit = 1;
        const auto s = planner.series(r);
        QCOMPARE(int(s.points.size()), 4);
        QCOMPARE(s.device, std::string("dev"));
        QCOMPARE(s.edge, std::string("edge"));
        QVERIFY(!s.points[0].allowed);
        QVERIFY(s.points[1].allowed);
        QCOMPARE(s.points[1].tl, std::string("maxpool2"));
        QCOMPARE(s.points[1].tlBytes, int64_t(129));
        QCOMPARE(s.points[1].rawBytes, int64_t(500));
        QVERIFY(s.points[0].tl.empty());
        QCOMPARE(s.bestScission, 3);
        QCOMPARE(s.bestScissionAllowed, 3);
        // On a fast link with little latency, splitting early wins; the constraint moves it.
        auto fast = request(1000, 0.1);
        fast.constraints.minSplit = 1;
        const auto f = planner.series(fast);
        QCOMPARE(f.bestScission, 0);
        QCOMPARE(f.bestScissionAllowed, 1);
        QVERIFY(f.bestScissionTl >= 0 && f.bestScissionTlAllowed >= 1);
    }

    // Each configuration carries what was measured of it; a fine-tuned TL is a configuration of
    // its own at the same cost; zstd changes no value, so int8 measurements stand for int8+zstd.
    void configurationsCarryTheirAccuracy()
    {
        auto planner = twoTierPlanner();
        QVERIFY(!planner.accuracy());
        using Key = plan::AccuracyTable::Key;
        planner.setAccuracy(plan::AccuracyTable::of(
            "toy@0", testing::measuredTop1(0.9),
            {{Key{1, "", "fp32"}, testing::measuredTop1(0.9)},
             {Key{2, "", "fp32"}, testing::measuredTop1(0.895)},
             {Key{1, "maxpool2", "fp32"}, testing::measuredTop1(0.85)},
             {Key{1, "maxpool2", "fp32"}, testing::measuredTop1(0.89, "1 epoch")},
             {Key{2, "maxpool2", "fp32"}, testing::measuredTop1(0.80)}}));
        auto r = request();
        r.mode = plan::Mode::ScissionTl;
        const auto p = planner.plan(r);
        QCOMPARE(p.accuracyDataset, std::string("toy@0"));
        QCOMPARE(p.allowed, int64_t(7)); // splits 0..3, the TL at 1 (twice) and 2
        int tunedRows = 0;
        for (const auto &c : p.ranking) {
            if (c.s1 == 0) {
                QVERIFY(!c.accuracy); // not measured
                continue;
            }
            QVERIFY(c.accuracy);
            if (c.s1 == 3)
                QCOMPARE(c.accuracy->top1, 0.9); // nothing crosses: the unsplit model
            if (c.s1 == 2 && c.tl.empty())
                QVERIFY(qFuzzyCompare(c.accuracy->drop_pp, 0.5));
            if (!c.accuracy->fineTuned.empty()) {
                ++tunedRows;
                QCOMPARE(c.tl, std::string("maxpool2"));
                QVERIFY(qFuzzyCompare(c.accuracy->drop_pp, 1.0));
            }
        }
        QCOMPARE(tunedRows, 1);
        const plan::Configuration *inserted = nullptr, *tuned = nullptr;
        for (size_t i = 0; i < p.ranking.size(); ++i) {
            const auto &c = p.ranking[i];
            if (c.s1 == 1 && c.tl == "maxpool2")
                (c.accuracy->fineTuned.empty() ? inserted : tuned) = &c;
        }
        QVERIFY(inserted && tuned);
        // Same cost as the TL as inserted, ranked right after it.
        QCOMPARE(tuned->total_s, inserted->total_s);
        QCOMPARE(tuned - inserted, ptrdiff_t(1));

        // A codec measured without zstd stands for itself with it; another codec has none.
        auto device = planner.resources();
        for (auto &res : device)
            for (const char *name : {"int8", "int8+zstd"})
                res.codecs[name] = res.codecs.at("fp32");
        plan::Planner withCodecs("toy", device);
        withCodecs.setAccuracy(
            plan::AccuracyTable::of("toy@0", testing::measuredTop1(0.9),
                                    {{Key{1, "", "int8"}, testing::measuredTop1(0.88)}}));
        r.mode = plan::Mode::Scission;
        r.codec = "int8+zstd";
        QVERIFY(qFuzzyCompare(atSplit(withCodecs.plan(r), 1).accuracy->top1, 0.88));
        r.codec = "fp32";
        QVERIFY(!atSplit(withCodecs.plan(r), 1).accuracy);
    }

    // The limit keeps exactly the measured configurations within it, as the full ranking says,
    // and counts those it left out unmeasured; the Pareto front is every configuration no other
    // beats on both latency and top-1, checked pair by pair.
    void accuracyLimitAndParetoEqualBruteForce()
    {
        for (unsigned seed = 1; seed <= 30; ++seed) {
            std::mt19937 rng(seed);
            const int K = 3 + int(seed % 7);
            plan::Planner planner("random", randomResources(rng, K, true));
            planner.setAccuracy(randomAccuracy(rng, K));
            auto r = request(std::uniform_real_distribution<double>(1, 100)(rng), 5);
            r.mode = plan::Mode::ScissionTl;
            if (seed % 2)
                r.tiers = {Tier::Device, Tier::Edge, Tier::Cloud};
            const auto all = planner.plan(r).ranking;
            // Each configuration carries what the table holds of its cut and TL (the unsplit
            // model where nothing crosses), once per version.
            const auto &table = *planner.accuracy();
            std::map<std::tuple<int, int, std::array<std::string, 3>, std::string>, size_t> rows;
            for (const auto &c : all) {
                const auto found = table.measured.find({c.s1, c.tl, "fp32"});
                if (c.s1 == K) {
                    QVERIFY(c.accuracy && c.accuracy->top1 == table.unsplit.top1);
                    continue;
                }
                if (found == table.measured.end()) {
                    QVERIFY(!c.accuracy);
                    continue;
                }
                QVERIFY(c.accuracy);
                const auto &versions = found->second;
                const size_t n = rows[{c.s1, c.s2, c.resources, c.tl}]++;
                QVERIFY(n < versions.size());
                QCOMPARE(c.accuracy->fineTuned, versions[n].fineTuned); // as inserted first
                QCOMPARE(c.accuracy->top1, versions[n].top1);
            }
            const double limit = double(seed % 10);
            r.constraints.maxAccuracyDrop_pp = limit;
            r.pareto = true;
            plan::Plan limited;
            try {
                limited = planner.plan(r);
            } catch (const plan::PlanError &e) {
                QCOMPARE(int(e.problem().kind), int(Problem::Kind::AccuracyUnmet));
                for (const auto &c : all)
                    QVERIFY(!c.accuracy || c.accuracy->drop_pp > limit + 1e-9);
                continue;
            }
            std::vector<const plan::Configuration *> within;
            int64_t unmeasured = 0;
            for (const auto &c : all) {
                if (!c.accuracy)
                    ++unmeasured;
                else if (c.accuracy->drop_pp <= limit + 1e-9)
                    within.push_back(&c);
            }
            QCOMPARE(limited.allowed, int64_t(within.size()));
            QCOMPARE(limited.unmeasured, unmeasured);
            QCOMPARE(limited.ranking.size(), within.size());
            for (size_t i = 0; i < within.size(); ++i) {
                QCOMPARE(limited.ranking[i].total_s, within[i]->total_s);
                QCOMPARE(limited.ranking[i].accuracy->top1, within[i]->accuracy->top1);
            }
            const auto beats = [](const plan::Configuration &a, const plan::Configuration &b) {
                const double ta = a.total_s, tb = b.total_s;
                const double aa = a.accuracy->top1, ab = b.accuracy->top1;
                return ta <= tb && aa >= ab && (ta < tb || aa > ab);
            };
            std::set<std::pair<double, double>> front;
            for (const auto *c : within) {
                bool beaten = false;
                for (const auto *d : within)
                    beaten = beaten || beats(*d, *c);
                if (!beaten)
                    front.insert({c->total_s, c->accuracy->top1});
            }
            std::set<std::pair<double, double>> listed;
            for (size_t i = 0; i < limited.pareto.size(); ++i) {
                const auto &c = limited.pareto[i];
                listed.insert({c.total_s, c.accuracy->top1});
                if (i > 0) // fastest first, each more accurate than the one before
                    QVERIFY(c.total_s >= limited.pareto[i - 1].total_s &&
                            c.accuracy->top1 > limited.pareto[i - 1].accuracy->top1);
            }
            QCOMPARE(listed, front);
            QCOMPARE(limited.pareto.size(), front.size());
        }
    }

    // Three tiers with a lossy codec cross twice when the edge computes: the sweep measured one
    // crossing, so those configurations have no accuracy.
    void aSecondLossyCrossingIsNotMeasured()
    {
        std::mt19937 rng(3);
        const int K = 5;
        auto rs = randomResources(rng, K, false);
        for (auto &res : rs)
            res.codecs["int8"] = res.codecs.at("fp32");
        plan::Planner planner("random", rs);
        std::vector<std::pair<plan::AccuracyTable::Key, plan::MeasuredAccuracy>> all;
        for (int s = 0; s < K; ++s)
            for (const char *codec : {"fp32", "int8"})
                all.push_back({{s, "", codec}, testing::measuredTop1(0.8)});
        planner.setAccuracy(plan::AccuracyTable::of("toy@0", testing::measuredTop1(0.8), all));
        auto r = request();
        r.tiers = {Tier::Device, Tier::Edge, Tier::Cloud};
        for (const char *codec : {"fp32", "int8"}) {
            r.codec = codec;
            for (const auto &c : planner.plan(r).ranking) {
                const bool twice = c.s1 < c.s2 && c.s2 < K;
                QCOMPARE(c.accuracy.has_value(), !(twice && r.codec == "int8"));
            }
        }
    }

    void accuracyLimitProblems()
    {
        auto planner = twoTierPlanner();
        auto r = request();
        r.constraints.maxAccuracyDrop_pp = 1.0;
        // Nothing measured at all: say so, as missing (NotFound).
        auto p = problemOfPlan(planner, r);
        QCOMPARE(int(p.kind), int(Problem::Kind::NoAccuracy));
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("accuracy limit 1 point of top-1: no accuracy of toy measured"));
        using Key = plan::AccuracyTable::Key;
        planner.setAccuracy(
            plan::AccuracyTable::of("toy@0", testing::measuredTop1(0.9),
                                    {{Key{1, "", "fp32"}, testing::measuredTop1(0.88)},
                                     {Key{2, "", "fp32"}, testing::measuredTop1(0.87)}}));
        // Negative, not a number.
        for (double bad : {-0.5, std::nan("")}) {
            r.constraints.maxAccuracyDrop_pp = bad;
            QCOMPARE(int(problemOfPlan(planner, r).kind), int(Problem::Kind::Negative));
        }
        // A limit no configuration meets that the others allow: the least drop on offer.
        r.constraints.maxAccuracyDrop_pp = 1.0;
        r.constraints.minSplit = 1;
        r.constraints.requiredTiers = {Tier::Edge};
        p = problemOfPlan(planner, r);
        QCOMPARE(int(p.kind), int(Problem::Kind::AccuracyUnmet));
        QVERIFY(p.bestDrop && qFuzzyCompare(*p.bestDrop, 2.0));
        QCOMPARE(p.split, 1);
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("no configuration meets accuracy limit 1 point of top-1: the "
                                "least drop measured on toy@0 is 2.00 points (split 1, fp32)"));
        // Only unmeasured configurations meet the others: how many.
        r.constraints.minSplit.reset();
        r.constraints.blocks = {{0, Tier::Edge, false}};
        p = problemOfPlan(planner, r);
        QCOMPARE(int(p.kind), int(Problem::Kind::AccuracyUnmet));
        QVERIFY(!p.bestDrop);
        QCOMPARE(p.unmeasured, int64_t(1));
        QCOMPARE(errorOfPlan(planner, r),
                 QStringLiteral("no configuration meets accuracy limit 1 point of top-1: none of "
                                "the 1 that meet the other constraints has an accuracy measured "
                                "on toy@0"));
        // Other constraints that exclude everything are named as before, not the limit.
        r.constraints.blocks = {{0, Tier::Edge, false}};
        r.constraints.minSplit = 2;
        QCOMPARE(int(problemOfPlan(planner, r).kind), int(Problem::Kind::Conflict));
    }

    // The planner reads what bench stores: a real SQLite file.
    void readsTheStore()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("t.db")).toStdString();
        {
            store::Store db(path);
            const auto model = db.addModel({0, "sha", "zoo:toy", {1, 3, 8, 8}, 2, 10});
            for (const auto &[name, role, scale] :
                 {std::tuple{"dev", "device", 1.0}, std::tuple{"edge", "edge", 0.5}}) {
                const auto resource = db.addResource({0, name, role, {}, {}, 0, 0, {}, {}, {}});
                const auto run = db.beginRun(model, resource, {});
                db.addBlockTiming(run, {0, 2 * kMs * scale, 0, 0, 0, 0, 400});
                db.addBlockTiming(run, {1, 4 * kMs * scale, 0, 0, 0, 0, 40});
                for (int cut = 0; cut <= 2; ++cut)
                    db.addCodecCost(run, {cut, "fp32", 100 + cut, 1e-5, 2e-5});
                db.addTlCost(run, {1, "maxpool2", 1e-4, 2e-4, 100});
                db.finishRun(run, 6 * kMs * scale);
            }
            // An incomplete run is not planned with.
            const auto other = db.addResource({0, "half", "edge", {}, {}, 0, 0, {}, {}, {}});
            db.beginRun(model, other, {});
        }
        store::Store db(path);
        const auto planner = plan::plannerFromStore(db, "zoo:toy");
        QCOMPARE(planner.blocks(), 2);
        QCOMPARE(int(planner.resources().size()), 2);
        const auto &dev = planner.resources()[0];
        QCOMPARE(dev.cutBytes, (std::vector<int64_t>{768, 400, 40}));
        QCOMPARE(dev.block_s, (std::vector<double>{2 * kMs, 4 * kMs}));
        QCOMPARE(dev.codecs.at("fp32")[2]->bytes, int64_t(102));
        QVERIFY(dev.tls.at("maxpool2")[1].has_value());
        QVERIFY(!dev.tls.at("maxpool2")[0].has_value());
        QCOMPARE(planner.tlSpecs(), std::vector<std::string>{"maxpool2"});
        QVERIFY(!planner.accuracy()); // none measured

        // Accuracies: the data set with the unsplit model measured and the most configurations.
        const auto id = db.models().front().id;
        const auto add = [&](const std::string &dataset, int split, const std::string &tl,
                             const std::string &tuned, int64_t top1) {
            db.addAccuracy(id, {dataset, split, tl, "fp32", tuned, 100, top1, 99, top1});
        };
        add("a@1", 2, "", "", 90);
        add("a@1", 1, "", "", 89);
        add("b@2", 0, "", "", 80);
        add("b@2", 1, "", "", 80);
        add("b@2", 1, "maxpool2", "", 80); // most, but without the unsplit model
        add("c@3", 2, "", "", 92);
        add("c@3", 1, "maxpool2", "1 epoch", 91);
        add("c@3", 1, "maxpool2", "", 85);
        const auto withAccuracy = plan::plannerFromStore(db, "zoo:toy");
        QVERIFY(withAccuracy.accuracy());
        const auto &table = *withAccuracy.accuracy();
        QCOMPARE(table.dataset, std::string("c@3"));
        QCOMPARE(table.unsplit.top1, 0.92);
        const auto &versions = table.measured.at({1, "maxpool2", "fp32"});
        QCOMPARE(versions.size(), size_t(2));
        QCOMPARE(versions[0].fineTuned, std::string()); // as inserted first
        QVERIFY(qFuzzyCompare(versions[0].drop_pp, 7.0));
        QCOMPARE(versions[1].fineTuned, std::string("1 epoch"));
        QVERIFY(qFuzzyCompare(versions[1].drop_pp, 1.0));

        QCOMPARE(testing::errorOf([&] { plan::plannerFromStore(db, "zoo:nothing"); }),
                 QString::fromStdString("zoo:nothing: no complete timings in " + path));
        try {
            plan::plannerFromStore(db, "zoo:nothing");
            QFAIL("no PlanError");
        } catch (const plan::PlanError &e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::NotFound));
            QCOMPARE(int(e.problem().kind), int(Problem::Kind::NoTimings));
            QCOMPARE(e.problem().model, std::string("zoo:nothing"));
            QCOMPARE(e.problem().where, path);
        }
    }
};

CLEAVE_TEST_MAIN(TestPlanner)
#include "tst_planner.moc"
