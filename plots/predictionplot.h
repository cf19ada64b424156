// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/costs.h"

#include <qcustomplot.h>

namespace cleave::plots {

/// Predicted against measured end-to-end latency, one point per offloaded split (circles
/// without a Transfer Layer, diamonds with one), over the line where they agree and a band of
/// +/-10 %. The title gives the median and worst error.
class PredictionPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit PredictionPlot(QWidget *parent = nullptr);

    void setMeasured(const plan::MeasuredSeries &measured);

    QCPGraph *pointsGraph(bool tl) const { return m_points[size_t(tl)]; }
    /// |measured - predicted| / predicted in percent: the median and the worst over all points.
    double medianErrorPercent() const { return m_medianError; }
    double worstErrorPercent() const { return m_worstError; }

private:
    std::array<QCPGraph *, 2> m_points{};
    QCPGraph *m_agree = nullptr;
    QCPGraph *m_bandLow = nullptr;
    QCPGraph *m_bandHigh = nullptr;
    QCPTextElement *m_title = nullptr;
    double m_medianError = 0;
    double m_worstError = 0;
};

} // namespace cleave::plots
