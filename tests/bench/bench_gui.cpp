// SPDX-License-Identifier: GPL-3.0-or-later
// Goals (issue "Workbench"): moving the bandwidth slider re-ranks and redraws the plan view
// within one frame (16 ms) for the largest zoo model (DenseNet-201, 118 blocks, both TL specs);
// start-up to an interactive window under 1.5 s (measured by `cleave --startup-time`, which
// includes process start; this file times the window's own construction and first paint).
#include "app/gui/mainwindow.h"
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

} // namespace

CLEAVE_WIDGET_BENCHMARK_MAIN()
