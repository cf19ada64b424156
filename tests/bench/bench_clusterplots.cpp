// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "The cluster in the workbench"): re-plan and redraw under 16 ms for 8 devices
// (one device's what-if speed changed: the plan over every segment of a ResNet-152-shaped run,
// each fitted, as a worst case; and the Cluster tab's own planFrame over what a run stores, the
// segments and the chains of rounds to every cut the devices time; its time line and the
// speed-up against the devices, both drawn into 1000 x 500 images); drawing a
// 100-inference run under 50 ms (its rows per inference and the newest time line). The run's
// rows are ResNet-152's at 224 x 224 (103 blocks, five strided), its fits seeded.
#include "app/gui/clusterwork.h"
#include "core/plan/chain.h"
#include "core/plan/clusterfigures.h"
#include "plots/clusterplots.h"

#include <QImage>

#include "widgetbenchmain.h"

#include <algorithm>
#include <random>

using namespace cleave;

namespace {

/// ResNet-152's row maps as one run: the stem, a max pooling, then 3/8/36/3 bottlenecks with
/// a 3x3 convolution each, the first of stages 2-4 strided; 103 blocks in all.
graph::RowLocalRun resnet152Rows()
{
    std::vector<graph::RowMap> blocks{{7, 2, 3, 1}, {3, 2, 1, 1}};
    const int stages[] = {3, 8, 36, 3};
    for (int s = 0; s < 4; ++s)
        for (int b = 0; b < stages[s]; ++b)
            blocks.push_back({3, s > 0 && b == 0 ? 2 : 1, 1, 1});
    while (blocks.size() < 103)
        blocks.push_back({1, 1, 0, 1});
    graph::RowLocalRun run;
    int64_t rows = 224;
    run.heights.push_back(rows);
    for (const auto &map : blocks) {
        rows = (rows + 2 * map.padding - map.dilation * (map.kernel - 1) - 1) / map.stride + 1;
        run.blocks.push_back(map);
        run.heights.push_back(rows);
    }
    run.end = int(blocks.size());
    return run;
}

struct Cluster
{
    std::vector<plan::SegmentRows> segments;
    plan::ClusterRequest request;
};

/// The row-local run of `run` from cut `first` on.
graph::RowLocalRun from(const graph::RowLocalRun &run, int first)
{
    graph::RowLocalRun after;
    after.first = first;
    after.end = run.end;
    after.blocks.assign(run.blocks.begin() + first, run.blocks.end());
    after.heights.assign(run.heights.begin() + first, run.heights.end());
    return after;
}

std::vector<int64_t> cutBytesOf(const graph::RowLocalRun &run)
{
    std::vector<int64_t> bytes;
    for (const auto rows : run.heights)
        bytes.push_back(rows * 224 * 256 * 4);
    return bytes;
}

/// Eight devices of seeded speeds with fits of `segments`.
plan::ClusterRequest devicesFor(const std::vector<plan::SegmentRows> &segments, int blocks)
{
    plan::ClusterRequest request;
    std::mt19937 random(8);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int d = 0; d < 8; ++d) {
        plan::ClusterDevice device;
        device.name = "pi" + std::to_string(d);
        device.link = plan::NetworkProfile::preset("lan");
        const double slowness = 1 + 9 * unit(random);
        for (const auto &s : segments)
            device.strips[s.end] = {0.002 * slowness, 0.004 * slowness * (s.end - s.first)};
        device.block_s.assign(size_t(blocks), 0.01 * slowness);
        request.devices.push_back(device);
    }
    request.aggregator = 0;
    request.outputBytes = 4000;
    return request;
}

Cluster eightDevices()
{
    Cluster c;
    const auto run = resnet152Rows();
    std::vector<int> ends;
    for (int end = 1; end <= run.end; ++end)
        ends.push_back(end);
    c.segments = plan::SegmentRows::all(run, ends, cutBytesOf(run));
    c.request = devicesFor(c.segments, run.end);
    return c;
}

/// What the Cluster tab plans on after a run of ResNet-152 over eight devices: the segments from
/// the input and the rounds from every downsampling cut, to every cut the devices time (the
/// first after each downsampling, and the run's end).
gui::ClusterPlanning eightDevicesInRounds()
{
    gui::ClusterPlanning planning;
    const auto run = resnet152Rows();
    const auto bytes = cutBytesOf(run);
    std::vector<int> ends;
    for (int end = 1; end <= run.end; ++end)
        ends.push_back(end);
    auto &cluster = planning.cluster;
    cluster.segments = plan::SegmentRows::all(run, ends, bytes);
    // The devices time (and have fits of) the segments to each cut after a downsampling.
    const auto timed = run.segmentEnds();
    std::vector<plan::SegmentRows> fitted;
    for (const auto &segment : cluster.segments)
        if (std::find(timed.begin(), timed.end(), segment.end) != timed.end())
            fitted.push_back(segment);
    cluster.request = devicesFor(fitted, run.end);
    for (const int first : plan::roundFirsts(run)) {
        plan::RoundOptions o;
        o.first = first;
        std::vector<int> after;
        for (const int end : timed)
            if (end > first)
                after.push_back(end);
        o.segments = plan::SegmentRows::all(from(run, first), after, bytes);
        o.request = plan::withFitsOf(cluster.request, devicesFor(o.segments, run.end));
        cluster.rounds.push_back(std::move(o));
    }
    for (const auto &d : cluster.request.devices)
        planning.devices.push_back(d.name);
    planning.aggregator = planning.devices.front();
    return planning;
}

void draw(QCustomPlot &plot, QImage &image)
{
    image.fill(Qt::white);
    QCPPainter painter(&image);
    plot.toPainter(&painter, image.width(), image.height());
}

void BM_ReplanAndRedraw(benchmark::State &state)
{
    auto c = eightDevices();
    plots::ClusterTimelinePlot timeline;
    plots::SpeedupPlot speedup;
    QImage image(1000, 500, QImage::Format_ARGB32_Premultiplied);
    int change = 0;
    for (auto _ : state) {
        // A what-if: one device 10 % slower or faster than before, in turn.
        auto &device = c.request.devices[size_t(change % 8)];
        const double factor = change++ % 2 ? 1.1 : 1 / 1.1;
        for (auto &[end, fit] : device.strips) {
            fit.alpha_s *= factor;
            fit.beta_s *= factor;
        }
        const auto planned = plan::planCluster(c.segments, c.request);
        const auto &segment = c.segments[size_t(planned.end - 1)];
        timeline.setTimelines(
            {}, plan::predictedTimeline(plan::ChainPlan::single(planned), c.request, "pi0"));
        speedup.setPoints(plan::speedupByDevices(segment, c.request));
        draw(timeline, image);
        draw(speedup, image);
    }
    state.counters["devices"] = 8;
    state.counters["segments"] = double(c.segments.size());
}
BENCHMARK(BM_ReplanAndRedraw)->Unit(benchmark::kMillisecond);

// The Cluster tab's own re-plan (gui::planFrame: one segment or a chain of rounds, the faster,
// and the speed-up on its cuts), one device's what-if slowdown changed each time, then drawn.
void BM_ReplanRoundsAndRedraw(benchmark::State &state)
{
    const auto planning = eightDevicesInRounds();
    std::vector<double> slowdown(8, 1.0);
    const std::vector<bool> excluded(8, false);
    plots::ClusterTimelinePlot timeline;
    plots::SpeedupPlot speedup;
    QImage image(1000, 500, QImage::Format_ARGB32_Premultiplied);
    int change = 0, rounds = 0;
    for (auto _ : state) {
        slowdown[size_t(change % 8)] = change % 2 ? 1.1 : 1 / 1.1;
        ++change;
        const auto frame =
            gui::planFrame(planning, excluded, slowdown, plan::NetworkProfile::preset("lan"));
        timeline.setTimelines({}, frame.planned);
        speedup.setPoints(frame.speedup);
        draw(timeline, image);
        draw(speedup, image);
        rounds = 0;
        for (const auto &span : frame.planned.spans)
            rounds = std::max(rounds, span.round + 1);
    }
    state.counters["devices"] = 8;
    state.counters["round_options"] = double(planning.cluster.rounds.size());
    state.counters["rounds"] = rounds;
}
BENCHMARK(BM_ReplanRoundsAndRedraw)->Unit(benchmark::kMillisecond);

void BM_DrawHundredInferences(benchmark::State &state)
{
    std::vector<std::string> devices;
    for (int d = 0; d < 8; ++d)
        devices.push_back("pi" + std::to_string(d));
    std::mt19937 random(5);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<store::ClusterInference> inferences;
    for (int run = 0; run < 100; ++run) {
        store::ClusterInference i;
        i.run = run;
        i.completed = true;
        int64_t row = 0;
        for (int round = 0; round < 2; ++round)
            for (const auto &d : devices) {
                const int64_t rows = 2 + int64_t(random() % 4);
                const double received = 0.002 * unit(random);
                i.shares.push_back({d, row, row + rows, received, 0.01 + 0.02 * unit(random),
                                    received + 0.035, round});
                row += rows;
            }
        i.makespan_s = 0.08;
        i.stitch_s = 0.004;
        i.rest_s = 0.02;
        i.total_s = 0.11;
        inferences.push_back(i);
    }
    plots::ClusterTimelinePlot timeline;
    plots::ShareBar shares;
    QImage image(1000, 500, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        shares.setHistory(plan::shareHistory(inferences, devices), devices);
        timeline.setTimelines(plan::measuredTimeline(inferences.back(), devices, "pi0"), {});
        draw(shares, image);
        draw(timeline, image);
    }
    state.counters["inferences"] = double(inferences.size());
}
BENCHMARK(BM_DrawHundredInferences)->Unit(benchmark::kMillisecond);

} // namespace

CLEAVE_WIDGET_BENCHMARK_MAIN()
