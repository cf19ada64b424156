// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster's plots: one inference's time line per device, the rows per device over a run,
// and the speed-up against the number of devices. Plain structs in (core/plan/clusterfigures.h).
#pragma once

#include "core/plan/clusterfigures.h"

#include <qcustomplot.h>

#include <optional>

namespace cleave::plots {

/// One colour per span kind (receive, compute, send, stitch, rest, return), and its name.
QColor spanColour(plan::TimelineSpan::Kind kind);
QString spanLabel(plan::TimelineSpan::Kind kind);
/// One colour per device of a cluster, by its place in the cluster.
QColor deviceColour(int device);

/// One lane per device and one for the aggregator, top to bottom; each measured span a filled
/// bar in its kind's colour, each planned span an outline behind it. Hovering a span says its
/// lane, kind, round, start, length and bytes.
class ClusterTimelinePlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit ClusterTimelinePlot(QWidget *parent = nullptr);

    /// Either may be empty (no lanes): only the other is drawn. Lanes are the measured's, else
    /// the planned's.
    void setTimelines(const plan::ClusterTimeline &measured, const plan::ClusterTimeline &planned);

    /// The drawn spans, with the rectangles that draw them (for tests and tool-tips).
    struct Drawn
    {
        plan::TimelineSpan span;
        bool planned = false;
        QCPItemRect *rect = nullptr;
    };
    const std::vector<Drawn> &drawn() const { return m_drawn; }
    int laneCount() const { return int(m_lanes.size()); }
    /// The lane's centre on the value axis (lane 0 at the top).
    double laneCentre(int lane) const;
    /// The measured span under a point in widget pixels (else the planned one), if any.
    const Drawn *spanAt(const QPointF &pixel) const;
    QString describe(const Drawn &drawn) const;

protected:
    bool event(QEvent *event) override;

private:
    void addSpan(const plan::TimelineSpan &span, bool planned);

    std::vector<std::string> m_lanes;
    std::vector<Drawn> m_drawn;
    QCPTextElement *m_title = nullptr;
};

/// The rows each device took, one stacked bar per inference of a run, in the devices' colours:
/// a rebalance shows as the stack changing.
class ShareBar : public QCustomPlot
{
    Q_OBJECT

public:
    explicit ShareBar(QWidget *parent = nullptr);

    void setHistory(const std::vector<plan::ShareColumn> &columns,
                    const std::vector<std::string> &devices);
    /// One device's bars (nullptr past the devices).
    QCPBars *bars(int device) const;

private:
    QList<QCPBars *> m_bars;
    QCPTextElement *m_title = nullptr;
};

/// The speed-up over the fastest device alone against the number of devices: planned, EdgeDI's
/// heuristic's and measured (where a run with that many devices was stored), with the
/// theoretical bound.
class SpeedupPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit SpeedupPlot(QWidget *parent = nullptr);

    void setPoints(const std::vector<plan::SpeedupPoint> &points);
    QCPGraph *plannedGraph() const { return m_planned; }
    QCPGraph *edgeDiGraph() const { return m_edgeDi; }
    QCPGraph *boundGraph() const { return m_bound; }
    QCPGraph *measuredGraph() const { return m_measured; }

private:
    QCPGraph *m_planned = nullptr;
    QCPGraph *m_edgeDi = nullptr;
    QCPGraph *m_bound = nullptr;
    QCPGraph *m_measured = nullptr;
    QCPTextElement *m_title = nullptr;
};

} // namespace cleave::plots
