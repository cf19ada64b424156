// SPDX-License-Identifier: GPL-3.0-or-later
// The best partition over every set of blocks the device may run: the minimum s-t cut against
// a brute force over every subset, written here from the formula; a case where it beats every
// split of the order; the data flow of real models.
#include "testmain.h"
#include "testmodels.h"

#include "core/error.h"
#include "core/graph/modelgraph.h"
#include "core/plan/partition.h"

#include <cmath>
#include <random>
#include <set>

using namespace cleave;
using cleave::testing::fixture;

namespace {

// The formula, on its own: device blocks, edge blocks, and when anything runs on the edge the
// link latency, every tensor made on the device (or the input) that an edge block reads, and
// the return. nullopt where a device block reads a tensor made on the edge.
std::optional<double> cost(const graph::DataFlow &flow, const plan::PartitionCosts &c,
                           const std::vector<bool> &onDevice)
{
    double total = 0;
    bool edge = false;
    for (int b = 0; b < flow.blocks; ++b) {
        total += onDevice[size_t(b)] ? c.device_s[size_t(b)] : c.edge_s[size_t(b)];
        edge = edge || !onDevice[size_t(b)];
    }
    for (const auto &t : flow.tensors) {
        const bool device = t.producer < 0 || onDevice[size_t(t.producer)];
        bool read = false;
        for (const int r : t.consumers) {
            if (!device && onDevice[size_t(r)])
                return std::nullopt;
            read = read || !onDevice[size_t(r)];
        }
        if (device && read)
            total += double(t.bytes) * (c.wire.serialisePerByte_s + c.wire.deserialisePerByte_s +
                                        c.wire.encodedPerByte * 8.0 / c.uplink_bps);
    }
    return edge ? total + c.latency_s + c.return_s : total;
}

// A random data flow: block b reads one or two tensors made before it (the input's or earlier
// blocks'), so branches run side by side; the last block reads the one before it and makes
// the output.
graph::DataFlow randomFlow(std::mt19937 &rng, int blocks)
{
    graph::DataFlow flow;
    flow.blocks = blocks;
    std::uniform_real_distribution<double> magnitude(2, 6.5); // 100 B to 3 MB
    // Tensor i is made by block i - 1 (tensor 0: the input).
    for (int i = 0; i <= blocks; ++i)
        flow.tensors.push_back({i - 1, {}, int64_t(std::pow(10.0, magnitude(rng))), i == blocks});
    for (int b = 0; b < blocks; ++b) {
        std::uniform_int_distribution<int> earlier(0, b);
        std::set<int> reads{b + 1 == blocks ? b : earlier(rng)};
        if (rng() % 2)
            reads.insert(earlier(rng));
        for (const int t : reads)
            flow.tensors[size_t(t)].consumers.push_back(b);
    }
    // Every block's tensor is read later (a frozen graph holds no dead code), so every block
    // leads to the output.
    for (int i = 1; i < blocks; ++i) {
        auto &t = flow.tensors[size_t(i)];
        if (t.consumers.empty())
            t.consumers.push_back(std::uniform_int_distribution<int>(i, blocks - 1)(rng));
    }
    for (auto &t : flow.tensors) {
        std::sort(t.consumers.begin(), t.consumers.end());
        t.consumers.erase(std::unique(t.consumers.begin(), t.consumers.end()), t.consumers.end());
    }
    return flow;
}

plan::PartitionCosts randomCosts(std::mt19937 &rng, int blocks)
{
    std::uniform_real_distribution<double> time(0.1e-3, 20e-3);
    plan::PartitionCosts c;
    for (int b = 0; b < blocks; ++b) {
        c.device_s.push_back(time(rng) * (rng() % 2 ? 10 : 1));
        c.edge_s.push_back(time(rng));
    }
    c.wire = {1.0 + time(rng), 1e-10, 2e-10};
    c.latency_s = 0.03;
    c.uplink_bps = 30e6;
    c.return_s = 0.031;
    return c;
}

} // namespace

class TestPartition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The minimum cut finds the least cost of every allowed subset, and the best split the
    // least of the prefixes, on random flows.
    void minimumCutIsTheBruteForceOptimum()
    {
        std::mt19937 rng(11);
        int beatsTheOrder = 0;
        for (int round = 0; round < 200; ++round) {
            const int blocks = 1 + int(rng() % 11);
            const auto flow = randomFlow(rng, blocks);
            const auto costs = randomCosts(rng, blocks);
            double best = 1e300, bestPrefix = 1e300;
            for (uint32_t mask = 0; mask < (1u << blocks); ++mask) {
                std::vector<bool> onDevice(static_cast<size_t>(blocks));
                for (int b = 0; b < blocks; ++b)
                    onDevice[size_t(b)] = (mask >> b) & 1u;
                const auto c = cost(flow, costs, onDevice);
                if (!c)
                    continue;
                best = std::min(best, *c);
                const bool isPrefix = ((mask + 1) & mask) == 0; // 0...01...1
                if (isPrefix)
                    bestPrefix = std::min(bestPrefix, *c);
            }
            const auto found = plan::comparePartitions(flow, costs);
            QVERIFY2(std::abs(found.best.total_s - best) <= 1e-12 * best,
                     qPrintable(QStringLiteral("round %1: %2 against %3")
                                    .arg(round)
                                    .arg(found.best.total_s)
                                    .arg(best)));
            QVERIFY(std::abs(found.bestSplit.total_s - bestPrefix) <= 1e-12 * bestPrefix);
            QCOMPARE(*cost(flow, costs, found.best.onDevice), found.best.total_s);
            QVERIFY(found.bestSplit.sameAsSplit >= 0);
            beatsTheOrder += best < bestPrefix * (1 - 1e-9) ? 1 : 0;
        }
        QVERIFY(beatsTheOrder > 0); // the random flows include cases the order hides
    }

    // Written out: X shrinks the input a little, B is slow on the device and reads X's output,
    // A shrinks the input to almost nothing, C joins B and A. Every split of the order sends
    // the large input or runs B on the device; X and A on the device, B and C on the edge
    // sends two small tensors.
    void findsAPartitionTheOrderHides()
    {
        graph::DataFlow flow;
        flow.blocks = 4;
        flow.tensors = {{-1, {0, 2}, 10'000'000, false}, // input: X, A
                        {0, {1}, 1'000, false},          // x: B
                        {1, {3}, 1'000, false},          // b: C
                        {2, {3}, 1'000, false},          // a: C
                        {3, {}, 100, true}};             // output
        plan::PartitionCosts costs;
        costs.device_s = {0.001, 0.500, 0.001, 0.001};
        costs.edge_s = {0.001, 0.010, 0.001, 0.001};
        costs.wire = {1.0, 0, 0};
        costs.latency_s = 0.01;
        costs.uplink_bps = 10e6;
        costs.return_s = 0.01;
        const auto found = plan::comparePartitions(flow, costs);
        QCOMPARE(found.best.onDevice, (std::vector<bool>{true, false, true, false}));
        QCOMPARE(found.best.sameAsSplit, -1);
        QCOMPARE(found.best.tensors, 2);
        QCOMPARE(found.best.rawBytes, int64_t(2'000));
        // 1 + 1 ms on the device, 10 + 1 ms on the edge, 10 ms latency, 2 KB at 10 Mbit/s,
        // 10 ms back.
        QVERIFY(std::abs(found.best.total_s - (0.002 + 0.011 + 0.01 + 16'000 / 10e6 + 0.01)) <
                1e-12);
        QVERIFY(found.bestSplit.total_s > found.best.total_s + 0.4);
        // A device block reading what the edge made is no partition.
        try {
            plan::evaluatePartition(flow, costs, {false, true, true, true});
            QFAIL("a partition against the data flow was priced");
        } catch (const Error &e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::InvalidInput));
        }
    }

    // The data flow of a model: every tensor made before it is read, the output once; at
    // block granularity a chain, where the best partition is a split.
    void readsTheDataFlowOfAModel()
    {
        for (const auto g : {graph::Granularity::Block, graph::Granularity::Node}) {
            const auto model =
                graph::ModelGraph::load(fixture("inception.pt").toStdString(), std::nullopt,
                                        graph::ModelGraph::Original::Keep, {g});
            const auto flow = model.dataFlow();
            QCOMPARE(flow.blocks, model.blockCount());
            int outputs = 0;
            for (const auto &t : flow.tensors) {
                outputs += t.output ? 1 : 0;
                for (const int r : t.consumers)
                    QVERIFY(r > t.producer && r < flow.blocks);
                QVERIFY(t.bytes > 0);
            }
            QCOMPARE(outputs, 1);
            if (g == graph::Granularity::Block) {
                for (const auto &t : flow.tensors)
                    QVERIFY(t.consumers.size() <= 1 &&
                            (t.consumers.empty() || t.consumers.front() == t.producer + 1));
                std::mt19937 rng(3);
                const auto found =
                    plan::comparePartitions(flow, randomCosts(rng, model.blockCount()));
                QVERIFY(found.best.sameAsSplit >= 0);
            } else {
                // The inception module's branches all read the stem: one tensor, several
                // readers.
                QVERIFY(std::any_of(flow.tensors.begin(), flow.tensors.end(),
                                    [](const auto &t) { return t.consumers.size() >= 4; }));
            }
        }
    }
};

CLEAVE_TEST_MAIN(TestPartition)
#include "tst_partition.moc"
