// SPDX-License-Identifier: GPL-3.0-or-later
// Goal (issue "Planner"): rendering both plots for 200 splits under 50 ms (set the data, lay
// out and draw each into a 1000 x 500 image, offscreen).
#include "plots/latencystackplot.h"
#include "plots/transfersizeplot.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include "widgetbenchmain.h"

#include <random>

using namespace cleave;

namespace {

enum class Sizes { Zigzag, Steps };

// Zigzag: sizes jump across the whole log axis at every split (the worst case for drawing the
// lines). Steps: sizes halve every 20 splits, as along a CNN.
plan::SplitSeries series(int splits, Sizes sizes)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> time(0.1e-3, 30e-3);
    plan::SplitSeries s;
    s.model = "synthetic";
    for (int i = 0; i < splits; ++i) {
        plan::SplitPoint p;
        p.split = i;
        for (auto part : {plan::Part::Device, plan::Part::Serialise, plan::Part::Uplink,
                          plan::Part::Deserialise, plan::Part::Edge, plan::Part::Return})
            p.scission[size_t(part)] = time(rng);
        p.scissionTl = p.scission;
        p.scissionTl[size_t(plan::Part::Uplink)] /= 4;
        p.scissionTl[size_t(plan::Part::DeviceTl)] = time(rng) / 10;
        p.tl = "maxpool2";
        p.rawBytes =
            sizes == Sizes::Zigzag ? int64_t(1) << (10 + i % 12) : (int64_t(4) << 20) >> (i / 20);
        p.codecBytes = p.rawBytes + 16;
        p.tlBytes = p.codecBytes / 4;
        p.allowed = i >= 10;
        s.points.push_back(p);
    }
    s.bestScission = 5, s.bestScissionAllowed = 42;
    s.bestScissionTl = 7, s.bestScissionTlAllowed = 42;
    return s;
}

void BM_RenderBothPlots(benchmark::State &state, Sizes shape)
{
    const auto data = series(int(state.range(0)), shape);
    plots::LatencyStackPlot stacks;
    plots::TransferSizePlot sizes;
    QImage image(1000, 1000, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        stacks.setSeries(data);
        sizes.setSeries(data);
        image.fill(Qt::white);
        QCPPainter painter(&image);
        stacks.toPainter(&painter, 1000, 500);
        painter.translate(0, 500);
        sizes.toPainter(&painter, 1000, 500);
    }
    state.counters["splits"] = double(data.points.size());
}
BENCHMARK_CAPTURE(BM_RenderBothPlots, zigzag, Sizes::Zigzag)
    ->Arg(200)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RenderBothPlots, steps, Sizes::Steps)->Arg(200)->Unit(benchmark::kMillisecond);

} // namespace

CLEAVE_WIDGET_BENCHMARK_MAIN()
