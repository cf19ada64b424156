// SPDX-License-Identifier: GPL-3.0-or-later
// The main of benchmarks that draw widgets: a QApplication on the offscreen platform, so they
// run without a display.
#pragma once

#include <QApplication>

#include <benchmark/benchmark.h>

#define CLEAVE_WIDGET_BENCHMARK_MAIN()                                                             \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        qputenv("QT_QPA_PLATFORM", "offscreen");                                                   \
        QApplication app(argc, argv);                                                              \
        benchmark::Initialize(&argc, argv);                                                        \
        benchmark::RunSpecifiedBenchmarks();                                                       \
        benchmark::Shutdown();                                                                     \
        return 0;                                                                                  \
    }
