// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bench/statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cleave::bench {

namespace {

double percentile(const std::vector<double> &sorted, double p)
{
    const double position = p * double(sorted.size() - 1);
    const auto below = size_t(std::floor(position));
    const auto above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - double(below));
}

} // namespace

Statistics summarise(std::vector<double> samples)
{
    Statistics s;
    if (samples.empty())
        return s;
    std::sort(samples.begin(), samples.end());
    const double n = double(samples.size());
    s.mean_s = std::accumulate(samples.begin(), samples.end(), 0.0) / n;
    s.median_s = percentile(samples, 0.5);
    s.p5_s = percentile(samples, 0.05);
    s.p95_s = percentile(samples, 0.95);
    double squares = 0;
    for (const double x : samples)
        squares += (x - s.mean_s) * (x - s.mean_s);
    s.stddev_s = samples.size() > 1 ? std::sqrt(squares / (n - 1)) : 0.0;
    return s;
}

} // namespace cleave::bench
