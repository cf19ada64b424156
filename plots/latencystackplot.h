// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/costs.h"

#include <qcustomplot.h>

#include <array>
#include <optional>

namespace cleave::plots {

/// Per-split latency stacks: one bar per split, one colour per part, Scission and ScissionTL
/// side by side (or one of them), the optimal split of each marked with a star (a hollow star
/// for the optimum the constraints rule out) and the splits the constraints exclude shaded.
class LatencyStackPlot : public QCustomPlot
{
    Q_OBJECT

public:
    enum class Show { Both, Scission, ScissionTl };

    explicit LatencyStackPlot(QWidget *parent = nullptr);

    void setSeries(const plan::SplitSeries &series);
    /// Measured end-to-end latencies drawn over the stacks they were predicted by: runs without
    /// a TL over the Scission bars, runs with one over the ScissionTL bars. Empty: none.
    void setMeasured(const plan::MeasuredSeries &measured);
    /// The measured line over one cost model's bars (for tests).
    QCPGraph *measuredGraph(plan::Mode mode) const
    {
        return m_measured[size_t(mode == plan::Mode::ScissionTl)];
    }
    void setShow(Show show);
    Show show() const { return m_show; }

    /// The bars of one part under one cost model (for tests and tooltips).
    QCPBars *bars(plan::Part part, plan::Mode mode) const;
    /// The star above the optimal allowed split of `mode`; nullptr when hidden or none.
    QCPItemText *optimumMarker(plan::Mode mode) const;
    /// Outlines the split selected elsewhere (-1: none) behind its bars.
    void setSelectedSplit(int split);
    int selectedSplit() const { return m_selected; }
    /// The outline of the selected split; nullptr when none is shown.
    QCPItemRect *selectionMarker() const { return m_selection; }
    /// The shaded spans of excluded splits.
    const QList<QCPItemRect *> &excludedRegions() const { return m_excluded; }
    /// Where each cost model's bars sit relative to the split index.
    static double offset(plan::Mode mode, Show show);

    /// The bar under a point in widget pixels: its split and cost model.
    struct Hit
    {
        int split = 0;
        plan::Mode mode = plan::Mode::Scission;
    };
    std::optional<Hit> hitAt(const QPointF &pixel) const;
    /// What the tool-tip over a bar says: the split, the cost model, each part and the total.
    QString describe(const Hit &hit) const;

Q_SIGNALS:
    /// A bar was clicked.
    void splitClicked(int split);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebuild();

    plan::SplitSeries m_series;
    plan::MeasuredSeries m_measuredSeries;
    std::array<QCPGraph *, 2> m_measured{};
    Show m_show = Show::Both;
    std::array<std::array<QCPBars *, plan::kPartCount>, 2> m_bars{};
    std::array<QCPItemText *, 2> m_markers{};
    QList<QCPAbstractItem *> m_items;
    QList<QCPItemRect *> m_excluded;
    int m_selected = -1;
    QCPItemRect *m_selection = nullptr;
    QCPTextElement *m_title = nullptr;
};

} // namespace cleave::plots
