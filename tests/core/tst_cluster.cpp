// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster planner: its plans checked against every integer partition, costed by the formula
// of the cluster design notes written out here on its own; EdgeDI's heuristic and the bound.
#include "testmain.h"

#include "core/graph/modelgraph.h"
#include "core/plan/chain.h"
#include "core/plan/cluster.h"
#include "core/plan/clusterfigures.h"
#include "core/plan/deployments.h"

#include <random>

using namespace cleave;
using namespace cleave::plan;
using cleave::graph::RowMap;
using cleave::graph::RowRange;
using cleave::testing::fixture;

namespace {

// A row-local run of `blocks` windows over an input of `rows` rows.
graph::RowLocalRun runOf(const std::vector<RowMap> &blocks, int64_t rows)
{
    graph::RowLocalRun run;
    run.heights.push_back(rows);
    for (const auto &map : blocks) {
        rows = (rows + 2 * map.padding - map.dilation * (map.kernel - 1) - 1) / map.stride + 1;
        run.blocks.push_back(map);
        run.heights.push_back(rows);
    }
    run.end = int(blocks.size());
    return run;
}

struct Instance
{
    graph::RowLocalRun run;
    std::vector<double> weights; ///< per block
    std::vector<SegmentRows> segments;
    ClusterRequest request;
};

// The work rows `out` of cut `end` do, from the definition: at every cut inside the segment
// the rows `out` need there (clipped at the edges), each block's output rows weighing its weight
// over its height.
double rowsDone(const Instance &x, int end, RowRange out)
{
    const auto height = [&](int cut) { return x.run.heights[size_t(cut - x.run.first)]; };
    double done = 0;
    for (int cut = end; cut > x.run.first; --cut) {
        done += x.weights[size_t(cut - 1)] / double(height(cut)) * double(out.size());
        out = x.run.blocks[size_t(cut - 1 - x.run.first)].needs(out).clippedTo(height(cut - 1));
    }
    return done;
}

// That work over the whole segment's.
double workByDefinition(const Instance &x, int end, RowRange out)
{
    return rowsDone(x, end, out) / rowsDone(x, end, {0, x.run.heights[size_t(end - x.run.first)]});
}

// The total of one inference with rows[i] rows on device order[i], from the design notes:
// scatter_i = (input bytes of the strips sent so far, this one included) x 8 / the source's
// uplink + l_i, nothing for the source's own strip; finish_i = scatter_i + alpha + beta x rows
// + l_i + output bytes x 8 / bw_i, no gather for the aggregator's own strip; total = the last
// finish + the aggregator's rest + the return leg.
double totalByTheFormula(const Instance &x, const SegmentRows &s, const std::vector<int> &order,
                         const std::vector<int64_t> &rows, int64_t *mostLinkBytes = nullptr)
{
    const auto &r = x.request;
    double sent = 0;
    double last = 0;
    int64_t begin = 0;
    int64_t most = 0;
    const double sourceUplink = r.devices[size_t(r.source)].link.uplink_bps;
    for (size_t i = 0; i < order.size(); ++i) {
        if (rows[i] == 0)
            continue;
        const auto &d = r.devices[size_t(order[i])];
        const int64_t end = begin + rows[i];
        const int64_t inRows = s.needs[size_t(end - 1)].end - s.needs[size_t(begin)].begin;
        const bool source = order[i] == r.source;
        const bool aggregator = r.aggregator && *r.aggregator == order[i];
        const int64_t in = source ? 0 : inRows * s.inputRowBytes;
        const int64_t out = aggregator ? 0 : rows[i] * s.outputRowBytes;
        double scatter = 0;
        if (!source) {
            sent += double(in) * 8 / sourceUplink;
            scatter = sent + d.link.latency_s;
        }
        const auto &fit = d.strips.at(s.end);
        double finish =
            scatter + fit.alpha_s + fit.beta_s * workByDefinition(x, s.end, {begin, end});
        if (!aggregator)
            finish += d.link.latency_s + double(out) * 8 / d.link.uplink_bps;
        last = std::max(last, finish);
        most = std::max(most, in + out);
        begin = end;
    }
    if (mostLinkBytes)
        *mostLinkBytes = most;
    double rest = 0;
    const auto &restBlocks =
        r.aggregator ? r.devices[size_t(*r.aggregator)].block_s : r.edgeBlock_s;
    for (size_t b = size_t(s.end); b < restBlocks.size(); ++b)
        rest += restBlocks[b];
    double back = 0;
    if (r.returnLeg && !(r.aggregator && *r.aggregator == r.source))
        back = r.devices[size_t(r.source)].link.latency_s +
               double(r.outputBytes) * 8 / r.devices[size_t(r.source)].link.downlink_bps;
    return last + rest + back;
}

// Calls `visit` with every way to give `rows` rows to `parts` devices in order.
void everyPartition(int64_t rows, size_t parts, std::vector<int64_t> &current,
                    const std::function<void(const std::vector<int64_t> &)> &visit)
{
    if (current.size() + 1 == parts) {
        current.push_back(rows);
        visit(current);
        current.pop_back();
        return;
    }
    for (int64_t r = 0; r <= rows; ++r) {
        current.push_back(r);
        everyPartition(rows - r, parts, current, visit);
        current.pop_back();
    }
}

Instance randomInstance(std::mt19937 &random)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> pick(0, 1 << 20);
    Instance x;
    // A 3x3 convolution, a 5x5 one of stride 2, a pooling of 2: halos of several rows.
    x.run = runOf({{3, 1, 1, 1}, {5, 2, 2, 1}, {2, 2, 0, 1}}, 16 + pick(random) % 24);
    for (int b = 0; b < x.run.end; ++b)
        x.weights.push_back(0.001 + unit(random));
    for (int end = 1; end <= x.run.end; ++end)
        x.segments.push_back(
            SegmentRows::of(x.run, end, 3000, 500 + pick(random) % 4000, x.weights));
    const int n = 2 + pick(random) % 3;
    const int blocks = 6;
    for (int i = 0; i < n; ++i) {
        ClusterDevice d;
        d.name = "d" + std::to_string(i);
        d.link = NetworkProfile::custom(20 + 980 * unit(random), 0.1 + 5 * unit(random));
        for (const auto &s : x.segments)
            d.strips[s.end] = {0.001 + 0.004 * unit(random),
                               (0.0002 + 0.003 * unit(random)) * (1 + s.end)};
        for (int b = 0; b < blocks; ++b)
            d.block_s.push_back(0.001 + 0.01 * unit(random));
        x.request.devices.push_back(d);
    }
    x.request.source = pick(random) % n;
    if (pick(random) % 2)
        x.request.aggregator = pick(random) % n;
    for (int b = 0; b < blocks; ++b)
        x.request.edgeBlock_s.push_back(0.0005 * unit(random));
    x.request.outputBytes = 4000;
    return x;
}

/// The least total over every segment and every partition, in send order.
double bruteForce(const Instance &x, int devicesMin = 1, int devicesMax = 0)
{
    double best = std::numeric_limits<double>::infinity();
    for (const auto &s : x.segments) {
        const auto order = sendOrder(x.request, s);
        std::vector<int64_t> current;
        everyPartition(s.rows(), order.size(), current, [&](const std::vector<int64_t> &rows) {
            const auto used = std::count_if(rows.begin(), rows.end(), [](int64_t r) { return r; });
            if (used < devicesMin || (devicesMax > 0 && used > devicesMax))
                return;
            int64_t most = 0;
            const double total = totalByTheFormula(x, s, order, rows, &most);
            if (x.request.maxLinkBytes && most > *x.request.maxLinkBytes)
                return;
            best = std::min(best, total);
        });
    }
    return best;
}

// A chain of rounds: one instance per first cut of the same run, devices and links, the source
// aggregating; its rounds carry no rest (the first instance's source holds the rest's blocks).
std::vector<Instance> randomChain(std::mt19937 &random)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto whole =
        runOf({{3, 1, 1, 1}, {5, 2, 2, 1}, {3, 1, 1, 1}, {2, 2, 0, 1}}, 12 + int(random() % 14));
    std::vector<double> weights;
    for (int b = 0; b < whole.end; ++b)
        weights.push_back(0.001 + unit(random));
    std::vector<ClusterDevice> devices(2 + random() % 2);
    for (size_t i = 0; i < devices.size(); ++i) {
        devices[i].name = "d" + std::to_string(i);
        devices[i].link = NetworkProfile::custom(50 + 950 * unit(random), 0.1 + 2 * unit(random));
        for (int b = 0; b < whole.end; ++b)
            devices[i].block_s.push_back(0.001 + 0.01 * unit(random));
    }
    std::vector<Instance> rounds;
    for (int first = 0; first < whole.end; ++first) {
        Instance x;
        x.run.first = first;
        x.run.end = whole.end;
        x.run.blocks.assign(whole.blocks.begin() + first, whole.blocks.end());
        x.run.heights.assign(whole.heights.begin() + first, whole.heights.end());
        x.weights = weights;
        x.request.devices = devices;
        for (int end = first + 1; end <= whole.end; ++end) {
            x.segments.push_back(SegmentRows::of(x.run, end, 2000, 300 + random() % 3000, weights));
            for (auto &d : x.request.devices)
                d.strips[end] = {0.001 + 0.003 * unit(random),
                                 (0.002 + 0.02 * unit(random)) * (end - first)};
        }
        x.request.source = 0;
        x.request.aggregator = 0;
        rounds.push_back(std::move(x));
    }
    return rounds;
}

// The least makespan of one round over every partition, by the formula (no rest, no return).
double roundByBruteForce(Instance x, const SegmentRows &s, int devicesMin)
{
    x.request.returnLeg = false;
    for (auto &d : x.request.devices)
        d.block_s.clear();
    x.segments = {s};
    return bruteForce(x, devicesMin);
}

// The least total over every chain of cuts from the input: the rounds' least makespans (every
// round after the first on two devices or more), then the rest on the source.
double chainByBruteForce(const std::vector<Instance> &rounds, int from = 0)
{
    const auto &x = rounds[size_t(from)];
    const auto &rest = x.request.devices[0].block_s;
    double best = std::numeric_limits<double>::infinity();
    for (const auto &s : x.segments) {
        const double round = roundByBruteForce(x, s, from > 0 ? 2 : 1);
        double after = 0;
        for (size_t b = size_t(s.end); b < rest.size(); ++b)
            after += rest[b];
        best = std::min(best, round + after);
        if (size_t(s.end) < rounds.size())
            best = std::min(best, round + chainByBruteForce(rounds, s.end));
    }
    return best;
}

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitIsTheLeastSquaresLine()
    {
        const auto exact = RowCost::fit({{1, 0.003}, {4, 0.009}, {8, 0.017}});
        QVERIFY(std::abs(exact.alpha_s - 0.001) < 1e-12);
        QVERIFY(std::abs(exact.beta_s - 0.002) < 1e-12);
        QVERIFY(exact.worstResidual_s < 1e-12);
        // (0, 0), (1, 1), (2, 0): the flat line at 1/3, off by 2/3 in the middle.
        const auto bent = RowCost::fit({{0, 0.0}, {1, 1.0}, {2, 0.0}});
        QVERIFY(std::abs(bent.beta_s) < 1e-12);
        QVERIFY(std::abs(bent.alpha_s - 1.0 / 3) < 1e-12);
        QVERIFY(std::abs(bent.worstResidual_s - 2.0 / 3) < 1e-12);
        QCOMPARE(bent.at(0), 0.0); // no rows, no work
    }

    // The rows each output row needs equal what the graph gives a strip of that row.
    void segmentRowsMatchTheGraph()
    {
        const auto g = graph::ModelGraph::load(fixture("chain.pt").toStdString());
        const auto run = g.rowLocalRun(0);
        for (int end = 1; end <= run.end; ++end) {
            const auto s = SegmentRows::of(run, end, 1, 1);
            QCOMPARE(s.rows(), g.cuts()[size_t(end)].shape()[2]);
            for (int64_t r = 0; r < s.rows(); ++r)
                QCOMPARE(s.needs[size_t(r)], g.stripInput(0, end, {r, r + 1}));
            QCOMPARE(s.input({0, s.rows()}), g.stripInput(0, end, {0, s.rows()}));
        }
    }

    // A strip's work is what the definition gives for every range of rows of every segment,
    // with the blocks' weights or, without any, every block alike; the whole segment is 1, and
    // a strip at an edge (its halo on one side) does less than as many rows in the middle.
    void workFollowsTheDefinition()
    {
        std::mt19937 random(11);
        for (int i = 0; i < 20; ++i) {
            auto x = randomInstance(random);
            if (i % 4 == 0) { // no weights: every block alike
                x.weights.assign(x.weights.size(), 1.0);
                for (auto &s : x.segments)
                    s = SegmentRows::of(x.run, s.end, 3000, 500);
            }
            for (const auto &s : x.segments) {
                QVERIFY(std::abs(s.work({0, s.rows()}) - 1) < 1e-12);
                for (int64_t a = 0; a < s.rows(); ++a)
                    for (int64_t b = a + 1; b <= s.rows(); ++b)
                        QVERIFY(std::abs(s.work({a, b}) - workByDefinition(x, s.end, {a, b})) <
                                1e-12);
                if (s.end == x.run.end && s.rows() >= 6)
                    QVERIFY(s.work({0, 2}) < s.work(graph::middleRows(s.rows(), 2)));
            }
        }
    }

    // Timings that are exactly 2 ms + 50 ms x work, each of the middle rows of its height, fit
    // back to that line.
    void stripTimingsFitAgainstWork()
    {
        std::mt19937 random(12);
        const auto x = randomInstance(random);
        const auto &s = x.segments.back();
        std::vector<StripTime> timings;
        for (const auto rows : graph::stripHeights(s.rows()))
            timings.push_back(
                {s.end, rows, 0.002 + 0.05 * s.work(graph::middleRows(s.rows(), rows))});
        const auto fits = fitStrips(x.segments, timings);
        QCOMPARE(fits.size(), size_t(1)); // segments without timings have no fit
        const auto &fit = fits.at(s.end);
        QVERIFY(std::abs(fit.alpha_s - 0.002) < 1e-12 && std::abs(fit.beta_s - 0.05) < 1e-12);
    }

    // On random clusters and runs, the chain of rounds (each gathered at the source and sent
    // out again) is the least over every chain of cuts and every partition of each round; a
    // single round is one of the chains, so a chain is never slower than planCluster's plan.
    void chainIsTheBestOfEveryChain()
    {
        std::mt19937 random(17);
        int chained = 0;
        for (int i = 0; i < 25; ++i) {
            const auto rounds = randomChain(random);
            std::vector<RoundOptions> options;
            for (const auto &x : rounds)
                options.push_back({x.run.first, x.segments, x.request});
            const auto chain = planChain(options);
            const double expected = chainByBruteForce(rounds);
            QVERIFY2(std::abs(chain.total_s - expected) <= 1e-6 * expected,
                     qPrintable(QStringLiteral("chain %1: planned %2 s, best %3 s")
                                    .arg(i)
                                    .arg(chain.total_s)
                                    .arg(expected)));
            double sum = chain.rest_s;
            int cut = 0;
            for (const auto &round : chain.rounds) {
                QVERIFY(round.end > cut);
                cut = round.end;
                sum += round.makespan_s;
            }
            QVERIFY(std::abs(sum - chain.total_s) < 1e-12);
            QVERIFY(chain.total_s <=
                    planCluster(rounds[0].segments, rounds[0].request).total_s * (1 + 1e-9));
            chained += chain.rounds.size() > 1;
        }
        QVERIFY(chained >= 3); // chains of more than one round do win
        // A round that gathers elsewhere than at its source is refused.
        auto rounds = randomChain(random);
        rounds[0].request.aggregator.reset();
        QVERIFY_THROWS_EXCEPTION(Error, planChain({{0, rounds[0].segments, rounds[0].request}}));
    }

    // The ranking's cluster with the rest on the source is fasterOf's: the chain of rounds where
    // it beats one segment, on the same fits and the source's block times from the planner.
    void rankingTakesTheFasterChain()
    {
        std::mt19937 random(41);
        int chained = 0;
        for (int i = 0; i < 25; ++i) {
            const auto rounds = randomChain(random);
            const auto &x = rounds[0];
            std::vector<RoundOptions> options;
            for (const auto &r : rounds)
                options.push_back({r.run.first, r.segments, r.request});
            ResourceCosts source;
            source.name = x.request.devices[0].name;
            source.tier = Tier::Device;
            source.block_s = x.request.devices[0].block_s;
            source.cutBytes.assign(source.block_s.size() + 1, 1000);
            const Planner planner("model", {source});
            PlanRequest request;
            request.tiers = {Tier::Device};
            request.link = NetworkProfile::preset("lan");
            auto cluster = x.request;
            cluster.aggregator.reset(); // the ranking gathers at the source itself
            const auto ranked = rankDeployments(planner, request, x.segments, cluster, options);
            const auto way =
                std::find_if(ranked.ranking.begin(), ranked.ranking.end(), [](const Deployment &d) {
                    return d.kind == Deployment::Kind::Cluster;
                });
            QVERIFY(way != ranked.ranking.end());
            auto onSource = x.request;
            onSource.outputBytes = 1000;
            const auto expected = fasterOf(planCluster(x.segments, onSource), options);
            QVERIFY2(std::abs(way->total_s - expected.total_s) <= 1e-12 * expected.total_s,
                     qPrintable(QStringLiteral("%1: %2 s ranked, %3 s expected")
                                    .arg(i)
                                    .arg(way->total_s)
                                    .arg(expected.total_s)));
            QCOMPARE(way->cluster->rounds.size(), expected.rounds.size());
            chained += way->cluster->rounds.size() > 1;
        }
        QVERIFY(chained >= 3);
    }

    // The planned time line: every share's receive, compute and send follow one another in its
    // lane, each round after the one before, its compute the share's; the aggregator's rest
    // and return leg after the last round, to the plan's total.
    void plannedTimelineFollowsThePlan()
    {
        std::mt19937 random(23);
        for (int i = 0; i < 10; ++i) {
            const auto rounds = randomChain(random);
            std::vector<RoundOptions> options;
            for (const auto &x : rounds)
                options.push_back({x.run.first, x.segments, x.request});
            const auto chain = planChain(options);
            const auto &request = rounds[0].request;
            const auto t = predictedTimeline(chain, request, "agg");
            QCOMPARE(t.lanes.size(), request.devices.size() + 1);
            QCOMPARE(t.lanes.back(), std::string("agg"));
            QVERIFY(std::abs(t.total_s - chain.total_s) < 1e-12);
            double start = 0;
            for (size_t r = 0; r < chain.rounds.size(); ++r) {
                for (const auto &share : chain.rounds[r].shares) {
                    std::vector<TimelineSpan> lane;
                    for (const auto &span : t.spans)
                        if (span.lane == share.device && span.round == int(r))
                            lane.push_back(span);
                    QVERIFY(!lane.empty());
                    double at = start;
                    for (const auto &span : lane) {
                        QVERIFY(std::abs(span.begin_s - at) < 1e-12);
                        at = span.end_s;
                    }
                    QVERIFY(std::abs(at - (start + share.finish_s)) < 1e-12);
                    const auto compute = std::find_if(lane.begin(), lane.end(), [](const auto &s) {
                        return s.kind == TimelineSpan::Kind::Compute;
                    });
                    QVERIFY(compute != lane.end());
                    QVERIFY(std::abs(compute->end_s - compute->begin_s -
                                     (share.computed_s - share.received_s)) < 1e-12);
                }
                start += chain.rounds[r].makespan_s;
            }
            for (const auto &span : t.spans)
                if (span.kind == TimelineSpan::Kind::Rest) {
                    QCOMPARE(span.lane, t.aggregatorLane());
                    QVERIFY(std::abs(span.begin_s - start) < 1e-12);
                }
        }
    }

    // A stored inference of two rounds: each round starts at its earliest arrival, the
    // aggregator stitches between the rounds and after the last, runs the rest and returns.
    void measuredTimelineFollowsTheShares()
    {
        store::ClusterInference i;
        i.completed = true;
        i.makespan_s = 0.050;
        i.stitch_s = 0.004; // 3 ms between the rounds, 1 ms after
        i.rest_s = 0.010;
        i.return_s = 0.002;
        i.total_s = 0.066;
        i.shares = {{"a", 0, 6, 0.000, 0.015, 0.015, 0},
                    {"b", 6, 10, 0.002, 0.012, 0.020, 0},
                    {"a", 0, 3, 0.023, 0.020, 0.043, 1},
                    {"b", 3, 5, 0.025, 0.020, 0.050, 1},
                    {"gone", 5, 6, 0.030, 0.001, 0.031, 1}};
        const auto t = measuredTimeline(i, {"a", "b"}, "agg");
        QCOMPARE(t.lanes, (std::vector<std::string>{"a", "b", "agg"}));
        const auto spansOf = [&](int lane, TimelineSpan::Kind kind) {
            std::vector<std::pair<double, double>> found;
            for (const auto &s : t.spans)
                if (s.lane == lane && s.kind == kind)
                    found.push_back({s.begin_s, s.end_s});
            return found;
        };
        using K = TimelineSpan::Kind;
        const auto near = [](std::vector<std::pair<double, double>> got,
                             std::vector<std::pair<double, double>> want) {
            if (got.size() != want.size())
                return false;
            for (size_t k = 0; k < got.size(); ++k)
                if (std::abs(got[k].first - want[k].first) > 1e-12 ||
                    std::abs(got[k].second - want[k].second) > 1e-12)
                    return false;
            return true;
        };
        QVERIFY(near(spansOf(1, K::Receive), {{0.0, 0.002}, {0.023, 0.025}}));
        QVERIFY(near(spansOf(1, K::Compute), {{0.002, 0.014}, {0.025, 0.045}}));
        QVERIFY(near(spansOf(1, K::Send), {{0.014, 0.020}, {0.045, 0.050}}));
        QVERIFY(near(spansOf(0, K::Send), {})); // the aggregator's own strip: no gather
        QVERIFY(near(spansOf(2, K::Stitch), {{0.020, 0.023}, {0.050, 0.051}}));
        QVERIFY(near(spansOf(2, K::Rest), {{0.051, 0.061}}));
        QVERIFY(near(spansOf(2, K::Return), {{0.061, 0.063}}));
        QCOMPARE(t.total_s, 0.066);
        for (const auto &s : t.spans)
            QVERIFY(s.lane < 3); // "gone" is not a lane

        // The rows per device of each completed inference, round by round.
        auto failed = i;
        failed.completed = false;
        auto later = i;
        later.run = 1;
        const auto history = shareHistory({failed, later}, {"a", "b"}, 1);
        QCOMPARE(history.size(), size_t(1));
        QCOMPARE(history[0].run, 1);
        QCOMPARE(history[0].rows, (std::vector<int64_t>{3, 2}));
        QCOMPARE(devicesUsed({later, failed}), 3);
        QCOMPARE(measuredSpeedup(
                     {i, later},
                     {{0, "alone", 0.1, 0.2}, {1, "alone", 0.2, 0.3}, {0, "edgedi", 0.01, 0.01}})
                     .value(),
                 0.15 / 0.05);
        QVERIFY(!measuredSpeedup({i}, {}));
    }

    // The speed-up with the n fastest devices (the source always among them): the bound grows
    // by each device's speed, the plan's is what planCluster and edgeDiPlan give with the
    // others excluded, and with every device both equal compareCluster's.
    void speedupGrowsWithTheDevices()
    {
        std::mt19937 random(31);
        for (int i = 0; i < 10; ++i) {
            auto x = randomInstance(random);
            const auto &segment = x.segments.back();
            x.request.segmentEnd = segment.end;
            const auto points = speedupByDevices(segment, x.request);
            QCOMPARE(points.size(), x.request.devices.size());
            for (size_t n = 1; n < points.size(); ++n)
                QVERIFY(points[n].bound > points[n - 1].bound);
            const auto all = compareCluster({segment}, x.request);
            QVERIFY(std::abs(points.back().bound - all.bound) < 1e-9 * all.bound);
            QVERIFY(std::abs(points.back().predicted -
                             all.fastestSegment_s / all.cleave.makespan_s) < 1e-9);
            QVERIFY(std::abs(points.back().edgeDi - all.fastestSegment_s / all.edgeDi.makespan_s) <
                    1e-9);
            for (const auto &p : points)
                QVERIFY(p.predicted >= p.edgeDi * (1 - 1e-9)); // never worse than EdgeDI's
        }
    }

    // Over a chain of rounds the speed-up keeps the chain's cuts: one device is never faster than
    // the fastest alone; with every device it is at least the chain's own (which keeps two
    // devices in every later round); the bound grows with each device; a chain of one round is
    // the one segment's speed-up.
    void speedupOverAChainKeepsItsCuts()
    {
        std::mt19937 random(23);
        int chains = 0;
        for (int i = 0; i < 15; ++i) {
            const auto rounds = randomChain(random);
            std::vector<RoundOptions> options;
            for (const auto &x : rounds)
                options.push_back({x.run.first, x.segments, x.request});
            const auto chain = planChain(options);
            const auto problems = roundProblems(chain, options);
            QCOMPARE(problems.size(), chain.rounds.size());
            const auto points = speedupByDevices(problems);
            QCOMPARE(points.size(), rounds.front().request.devices.size());
            QVERIFY(points.front().predicted <= 1 + 1e-9);
            for (size_t n = 1; n < points.size(); ++n)
                QVERIFY(points[n].bound > points[n - 1].bound);
            double fastest_s = std::numeric_limits<double>::infinity();
            for (size_t d = 0; d < points.size(); ++d) {
                double alone_s = 0;
                for (const auto &p : problems)
                    alone_s += 1.0 / p.request.devices[d].speed(p.segment.end);
                fastest_s = std::min(fastest_s, alone_s);
            }
            QVERIFY(points.back().predicted >= fastest_s / chain.makespan_s() * (1 - 1e-9));
            if (chain.rounds.size() == 1) {
                auto request = problems.front().request;
                const auto single = speedupByDevices(problems.front().segment, request);
                for (size_t n = 0; n < points.size(); ++n)
                    QCOMPARE(single[n].predicted, points[n].predicted);
            }
            chains += chain.rounds.size() > 1;
        }
        QVERIFY(chains > 0);
        QVERIFY_THROWS_EXCEPTION(Error, roundProblems(ChainPlan{{ClusterPlan{}}, 0, 0}, {}));
    }

    // On random clusters the plan's total is the least over every segment and every integer
    // partition (in its send order), and the plan's own parts add up by the formula.
    void planIsTheBestPartition()
    {
        std::mt19937 random(5);
        int shared = 0;
        for (int i = 0; i < 60; ++i) {
            auto x = randomInstance(random);
            int devicesMin = 1;
            int devicesMax = 0;
            if (i % 4 == 1)
                devicesMax = 1 + int(random() % x.request.devices.size());
            if (i % 4 == 2)
                devicesMin = int(x.request.devices.size());
            if (i % 4 == 3)
                x.request.maxLinkBytes = 20'000 + int64_t(random() % 40'000);
            x.request.devicesMin = devicesMin;
            x.request.devicesMax = devicesMax;
            const double expected = bruteForce(x, devicesMin, devicesMax);
            if (!std::isfinite(expected)) {
                QVERIFY_THROWS_EXCEPTION(ClusterError, planCluster(x.segments, x.request));
                continue;
            }
            const auto plan = planCluster(x.segments, x.request);
            QVERIFY2(std::abs(plan.total_s - expected) <= 1e-6 * expected,
                     qPrintable(QStringLiteral("instance %1: planned %2 s, best %3 s")
                                    .arg(i)
                                    .arg(plan.total_s)
                                    .arg(expected)));
            const auto &segment = x.segments[size_t(plan.end - 1)];
            const auto order = sendOrder(x.request, segment);
            const auto byDevice = plan.rowsByDevice(x.request.devices.size());
            std::vector<int64_t> inOrder;
            for (int d : order)
                inOrder.push_back(byDevice[size_t(d)]);
            QVERIFY(std::abs(totalByTheFormula(x, segment, order, inOrder) - plan.total_s) < 1e-12);
            int64_t covered = 0;
            for (const auto &share : plan.shares) {
                QCOMPARE(share.rows.begin, covered);
                QVERIFY(share.rows.size() >= 1);
                covered = share.rows.end;
            }
            QCOMPARE(covered, segment.rows());
            shared += plan.shares.size() > 1;
        }
        QVERIFY(shared >= 20); // most plans spread the rows
    }

    // EdgeDI's heuristic, on the same measurements and segment, never beats the plan; on
    // unequal devices it is worse.
    void edgeDiIsNeverBetter()
    {
        std::mt19937 random(9);
        int worse = 0;
        for (int i = 0; i < 40; ++i) {
            const auto x = randomInstance(random);
            const auto c = compareCluster(x.segments, x.request);
            QCOMPARE(c.edgeDi.end, c.cleave.end);
            QVERIFY(c.cleave.total_s <= c.edgeDi.total_s + 1e-12);
            worse += c.edgeDi.total_s > c.cleave.total_s * 1.01;
        }
        QVERIFY(worse > 0);
    }

    // sum of speeds / fastest speed, speed = 1 / the whole segment's time on the device.
    void boundIsTheSumOfSpeeds()
    {
        std::mt19937 random(3);
        const auto x = randomInstance(random);
        const auto c = compareCluster(x.segments, x.request);
        const auto &s = x.segments[size_t(c.cleave.end - 1)];
        double sum = 0;
        double fastest = 0;
        for (const auto &d : x.request.devices) {
            const double speed =
                1 / d.strips.at(s.end).at(workByDefinition(x, s.end, {0, s.rows()}));
            sum += speed;
            fastest = std::max(fastest, speed);
        }
        QVERIFY(std::abs(c.bound - sum / fastest) < 1e-12);
        QVERIFY(std::abs(c.fastestSegment_s - 1 / fastest) < 1e-12);
    }

    // A slow device on a slow link is left out when that is faster.
    void slowDeviceIsLeftOut()
    {
        std::mt19937 random(1);
        auto x = randomInstance(random);
        x.request.aggregator.reset();
        auto slow = x.request.devices.back();
        slow.name = "slow";
        slow.link = NetworkProfile::custom(0.5, 200);
        for (auto &[end, fit] : slow.strips)
            fit.beta_s *= 50;
        x.request.devices.push_back(slow);
        const auto plan = planCluster(x.segments, x.request);
        QCOMPARE(plan.rowsByDevice(x.request.devices.size()).back(), int64_t(0));
    }

    void badRequestsAreRefused_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("kind");
        using K = ClusterProblem::Kind;
        QTest::newRow("duplicate") << QStringLiteral("duplicate") << int(K::DuplicateDevice);
        QTest::newRow("unknown excluded")
            << QStringLiteral("exclude-unknown") << int(K::UnknownDevice);
        QTest::newRow("source excluded")
            << QStringLiteral("exclude-source") << int(K::SourceExcluded);
        QTest::newRow("min above max")
            << QStringLiteral("min-above-max") << int(K::DeviceCountRange);
        QTest::newRow("more devices than rows")
            << QStringLiteral("rows") << int(K::MoreDevicesThanRows);
        QTest::newRow("no strip timings") << QStringLiteral("untimed") << int(K::NoStripTimings);
        QTest::newRow("link bytes") << QStringLiteral("bytes") << int(K::LinkBytes);
        QTest::newRow("segment past the run") << QStringLiteral("segment") << int(K::NotRowLocal);
    }

    void badRequestsAreRefused()
    {
        QFETCH(QString, what);
        QFETCH(int, kind);
        std::mt19937 random(2);
        auto x = randomInstance(random);
        auto &r = x.request;
        if (what == QStringLiteral("duplicate"))
            r.devices.push_back(r.devices.front());
        if (what == QStringLiteral("exclude-unknown"))
            r.excluded = {"nobody"};
        if (what == QStringLiteral("exclude-source"))
            r.excluded = {r.devices[size_t(r.source)].name};
        if (what == QStringLiteral("min-above-max")) {
            r.devicesMin = 2;
            r.devicesMax = 1;
        }
        if (what == QStringLiteral("rows")) {
            for (int i = 0; i < 40; ++i) {
                auto d = r.devices.front();
                d.name = "extra" + std::to_string(i);
                r.devices.push_back(d);
            }
            r.devicesMin = int(r.devices.size());
            r.segmentEnd = x.segments.back().end; // fewer rows than devices
        }
        if (what == QStringLiteral("untimed"))
            r.devices.back().strips.clear();
        if (what == QStringLiteral("bytes")) {
            r.aggregator.reset(); // every strip's output crosses a link
            r.maxLinkBytes = 10;
        }
        if (what == QStringLiteral("segment"))
            r.segmentEnd = 99;
        try {
            planCluster(x.segments, r);
            QFAIL("the request was planned");
        } catch (const ClusterError &e) {
            QCOMPARE(int(e.problem().kind), kind);
            QVERIFY(!std::string(e.what()).empty());
        }
    }
};

CLEAVE_TEST_MAIN(TestCluster)
#include "tst_cluster.moc"
