// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Workbench"): moving the bandwidth slider re-ranks and redraws the plan view
// within one frame (16 ms) for the largest zoo model (DenseNet-201, 118 blocks, both TL specs);
// start-up to an interactive window under 1.5 s (measured by `cleave --startup-time`, which
// includes process start; this file times the window's own construction and first paint).
// Goal (issue "Cuts anywhere in the graph"): the graph of DenseNet-201 at node granularity lays
// out in under 2 s on a worker; choosing another split redraws it within a frame.
#include "app/gui/graphview.h"
#include "app/gui/mainwindow.h"
#include "app/gui/modelloading.h"
#include "app/gui/planview.h"
#include "app/gui/rankingmodel.h"
#include "densenetplanner.h"
#include "plots/latencystackplot.h"

#include <QApplication>
#include <QSlider>

#include "widgetbenchmain.h"

using namespace cleave;

namespace {

void BM_SliderToRedraw(benchmark::State &state)
{
    gui::PlanView view;
    view.resize(1280, 800);
    view.show();
    view.setPlanner(std::make_shared<const plan::Planner>(bench::densenetPlanner(false)));
    QApplication::processEvents();
    int step = 0;
    for (auto _ : state) {
        // The slider moves one step; the ranking and the stacks follow, drawn to the screen.
        view.bandwidthSlider()->setValue(50 + (step++ % 200));
        view.stackPlot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    state.counters["splits"] = double(view.series().points.size());
    state.counters["ranked"] = double(view.rankingModel()->rowCount());
}
BENCHMARK(BM_SliderToRedraw)->Unit(benchmark::kMillisecond);

void BM_WindowToFirstPaint(benchmark::State &state)
{
    for (auto _ : state) {
        gui::MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.repaint();
        state.PauseTiming();
        window.close();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_WindowToFirstPaint)->Unit(benchmark::kMillisecond)->Iterations(5);

const gui::LoadedModel &densenet201AtNodes()
{
    static const auto model =
        gui::loadModel(QStringLiteral("zoo:densenet201"), graph::Granularity::Node);
    return model;
}

// Graphviz's dot on the data flow, as the graph view's worker runs it.
void BM_LayOutDenseNet201AtNodes(benchmark::State &state)
{
    const auto &flow = *densenet201AtNodes().flow;
    for (auto _ : state)
        benchmark::DoNotOptimize(gui::layOut(flow));
    state.counters["boxes"] = double(flow.boxes.size());
    state.counters["edges"] = double(flow.edges.size());
}
BENCHMARK(BM_LayOutDenseNet201AtNodes)->Unit(benchmark::kMillisecond)->Iterations(3);

// The tab shown: laid out on the worker, then the scene built on the GUI thread and drawn.
void BM_GraphViewDrawsDenseNet201AtNodes(benchmark::State &state)
{
    const auto &model = densenet201AtNodes();
    gui::GraphView view;
    view.resize(1280, 800);
    view.show();
    for (auto _ : state) {
        view.setGraph(model.flow);
        while (!view.isLaidOut())
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        view.view()->viewport()->repaint();
    }
}
BENCHMARK(BM_GraphViewDrawsDenseNet201AtNodes)->Unit(benchmark::kMillisecond)->Iterations(3);

// Another split chosen: the boxes recoloured and the cut redrawn, painted to the screen.
void BM_GraphViewSelectsASplit(benchmark::State &state)
{
    const auto &model = densenet201AtNodes();
    gui::GraphView view;
    view.resize(1280, 800);
    view.show();
    view.setGraph(model.flow);
    while (!view.isLaidOut())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    int split = 0;
    for (auto _ : state) {
        split = (split + 37) % model.blocks;
        view.setSelection(split, model.blocks);
        view.view()->viewport()->repaint();
    }
    state.counters["cut_edges"] = double(view.cutEdgeCount());
}
BENCHMARK(BM_GraphViewSelectsASplit)->Unit(benchmark::kMillisecond);

} // namespace

CLEAVE_WIDGET_BENCHMARK_MAIN()
