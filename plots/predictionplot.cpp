// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/predictionplot.h"

#include "plots/numbers.h"
#include "plots/plotstyle.h"

#include <algorithm>
#include <cmath>

namespace cleave::plots {

PredictionPlot::PredictionPlot(QWidget *parent)
    : QCustomPlot(parent)
{
    xAxis->setLabel(tr("Predicted end-to-end latency (ms)"));
    yAxis->setLabel(tr("Measured end-to-end latency (ms)"));
    const QColor grey(0x88, 0x88, 0x88);
    m_agree = addGraph();
    m_agree->setName(tr("Measured = predicted"));
    m_agree->setPen(QPen(grey, 1.0));
    m_bandLow = addGraph();
    m_bandLow->setName(tr("±10 %"));
    m_bandLow->setPen(QPen(grey, 1.0, Qt::DashLine));
    m_bandHigh = addGraph();
    m_bandHigh->setPen(QPen(grey, 1.0, Qt::DashLine));
    m_bandHigh->removeFromLegend();
    for (const bool tl : {false, true}) {
        auto *graph = addGraph();
        const QColor colour = tl ? QColor(0x80, 0x20, 0x20) : QColor(0x00, 0x30, 0x60);
        graph->setName(tl ? tr("With Transfer Layer") : tr("Without"));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(
            tl ? QCPScatterStyle::ssDiamond : QCPScatterStyle::ssCircle, colour, colour, 7));
        m_points[size_t(tl)] = graph;
    }
    m_title = addTitleAndSideLegend(this);
    m_title->setText(tr("Predicted versus measured"));
}

void PredictionPlot::setMeasured(const plan::MeasuredSeries &measured)
{
    std::array<QVector<double>, 2> keys, values;
    std::vector<double> errors;
    double high = 0;
    for (const auto &m : measured.points) {
        if (m.predicted_s <= 0)
            continue;
        const double predicted = m.predicted_s * 1e3;
        const double actual = m.median_s * 1e3;
        keys[size_t(m.tl)].push_back(predicted);
        values[size_t(m.tl)].push_back(actual);
        errors.push_back(std::abs(actual - predicted) / predicted * 100.0);
        high = std::max({high, predicted, actual});
    }
    // A scatter's points are not sorted by key; keep them in the order given.
    for (const bool tl : {false, true})
        m_points[size_t(tl)]->setData(keys[size_t(tl)], values[size_t(tl)]);
    const double top = high > 0 ? high * 1.08 : 1.0;
    m_agree->setData({0, top}, {0, top}, true);
    m_bandLow->setData({0, top}, {0, top * 0.9}, true);
    m_bandHigh->setData({0, top}, {0, top * 1.1}, true);
    xAxis->setRange(0, top);
    yAxis->setRange(0, top);
    m_medianError = m_worstError = 0;
    if (!errors.empty()) {
        std::sort(errors.begin(), errors.end());
        const size_t n = errors.size();
        m_medianError = n % 2 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
        m_worstError = errors.back();
    }
    m_title->setText(tr("%1 on %2 \u2014 predicted versus measured: median error %3, worst %4")
                         .arg(QString::fromStdString(measured.model),
                              QString::fromStdString(measured.link),
                              Numbers::percent(m_medianError), Numbers::percent(m_worstError)));
}

} // namespace cleave::plots
