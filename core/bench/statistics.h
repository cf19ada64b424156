// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace cleave::bench {

/// Summary of repeated timings, in seconds.
struct Statistics
{
    double median_s = 0;
    double mean_s = 0;
    double p5_s = 0;
    double p95_s = 0;
    double stddev_s = 0; ///< sample standard deviation (n - 1)
};

/// Percentiles interpolate linearly between the sorted samples (as numpy's default does).
/// An empty input gives all zeros.
Statistics summarise(std::vector<double> samples);

} // namespace cleave::bench
