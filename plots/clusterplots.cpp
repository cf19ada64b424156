// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/clusterplots.h"

#include "plots/numbers.h"
#include "plots/plotstyle.h"

#include <QHelpEvent>
#include <QToolTip>

#include <algorithm>

namespace cleave::plots {

namespace {

using Kind = plan::TimelineSpan::Kind;

constexpr double kMsPerSecond = 1000.0;
constexpr double kMeasuredHalfHeight = 0.28; ///< of a lane, which is 1 high
constexpr double kPlannedHalfHeight = 0.4;

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

QColor spanColour(Kind kind)
{
    // The latency stacks' colours for the same parts: transfers light, compute strong.
    static const QColor colours[plan::kTimelineKinds] = {
        partColour(plan::Part::Uplink),      // receive
        partColour(plan::Part::Device),      // compute
        partColour(plan::Part::Return),      // send
        partColour(plan::Part::Deserialise), // stitch
        partColour(plan::Part::Edge),        // rest
        partColour(plan::Part::Serialise),   // return
    };
    return colours[int(kind)];
}

QString spanLabel(Kind kind)
{
    static const char *const labels[plan::kTimelineKinds] = {
        QT_TRANSLATE_NOOP("cleave::plots::Spans", "Receive"),
        QT_TRANSLATE_NOOP("cleave::plots::Spans", "Compute"),
        QT_TRANSLATE_NOOP("cleave::plots::Spans", "Send"),
        QT_TRANSLATE_NOOP("cleave::plots::Spans", "Stitch"),
        QT_TRANSLATE_NOOP("cleave::plots::Spans", "Rest of the model"),
        QT_TRANSLATE_NOOP("cleave::plots::Spans", "Return"),
    };
    return QCoreApplication::translate("cleave::plots::Spans", labels[int(kind)]);
}

QColor deviceColour(int device)
{
    // Paul Tol's muted scheme: hues the time line's kinds (the Okabe-Ito colours) do not use,
    // so a device is never read as a kind of span.
    static const QColor colours[] = {QColor(0x33, 0x22, 0x88), QColor(0xcc, 0x66, 0x77),
                                     QColor(0x99, 0x99, 0x33), QColor(0x88, 0xcc, 0xee),
                                     QColor(0x88, 0x22, 0x55), QColor(0x44, 0xaa, 0x99),
                                     QColor(0xdd, 0xcc, 0x77), QColor(0xaa, 0x44, 0x99)};
    constexpr int count = int(std::size(colours));
    const QColor base = colours[device % count];
    return device < count ? base : base.darker(100 + 30 * (device / count));
}

ClusterTimelinePlot::ClusterTimelinePlot(QWidget *parent)
    : QCustomPlot(parent)
{
    xAxis->setLabel(tr("Time from the inference's start (ms)"));
    yAxis->setRangeReversed(true); // the first device at the top, the aggregator at the bottom
    yAxis->grid()->setVisible(false);
    m_title = addTitleAndSideLegend(this);
    // The legend names the kinds; the spans themselves are items.
    for (int k = 0; k < plan::kTimelineKinds; ++k) {
        auto *entry = new QCPBars(xAxis, yAxis);
        entry->setName(spanLabel(Kind(k)));
        entry->setBrush(spanColour(Kind(k)));
        entry->setPen(Qt::NoPen);
    }
    auto *planned = new QCPBars(xAxis, yAxis);
    planned->setName(tr("Planned (outline)"));
    planned->setBrush(Qt::NoBrush);
    planned->setPen(QPen(Qt::gray, 1.0, Qt::DashLine));
}

double ClusterTimelinePlot::laneCentre(int lane) const
{
    return double(lane);
}

void ClusterTimelinePlot::addSpan(const plan::TimelineSpan &span, bool planned)
{
    auto *rect = new QCPItemRect(this);
    const double half = planned ? kPlannedHalfHeight : kMeasuredHalfHeight;
    rect->topLeft->setCoords(span.begin_s * kMsPerSecond, laneCentre(span.lane) - half);
    rect->bottomRight->setCoords(span.end_s * kMsPerSecond, laneCentre(span.lane) + half);
    const QColor colour = spanColour(span.kind);
    if (planned) {
        rect->setPen(QPen(colour.darker(140), 1.0, Qt::DashLine));
        rect->setBrush(Qt::NoBrush);
    } else {
        rect->setPen(QPen(colour.darker(130), 0.5));
        rect->setBrush(colour);
    }
    rect->setSelectable(false);
    m_drawn.push_back({span, planned, rect});
}

void ClusterTimelinePlot::setTimelines(const plan::ClusterTimeline &measured,
                                       const plan::ClusterTimeline &planned)
{
    for (const auto &d : m_drawn)
        removeItem(d.rect);
    m_drawn.clear();
    m_lanes = measured.lanes.empty() ? planned.lanes : measured.lanes;
    // Outlines first: the measured spans are drawn over them.
    for (const auto &span : planned.spans)
        if (span.lane < int(m_lanes.size()))
            addSpan(span, true);
    for (const auto &span : measured.spans)
        addSpan(span, false);

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (size_t lane = 0; lane < m_lanes.size(); ++lane) {
        const bool aggregator = lane + 1 == m_lanes.size();
        ticker->addTick(laneCentre(int(lane)), aggregator
                                                   ? tr("%1 (aggregator)").arg(text(m_lanes[lane]))
                                                   : text(m_lanes[lane]));
    }
    yAxis->setTicker(ticker);
    yAxis->setRange(-0.6, double(m_lanes.size()) - 0.4);
    const double end = std::max(measured.total_s, planned.total_s) * kMsPerSecond;
    xAxis->setRange(0, end > 0 ? end * 1.03 : 1.0);
    m_title->setText(
        measured.lanes.empty()
            ? tr("One inference, planned: %1").arg(Numbers::milliseconds(planned.total_s))
            : tr("One inference: %1 measured, %2 planned")
                  .arg(Numbers::milliseconds(measured.total_s),
                       Numbers::milliseconds(planned.total_s)));
}

const ClusterTimelinePlot::Drawn *ClusterTimelinePlot::spanAt(const QPointF &pixel) const
{
    if (!axisRect()->rect().contains(pixel.toPoint()))
        return nullptr;
    const double t = xAxis->pixelToCoord(pixel.x()) / kMsPerSecond;
    const double y = yAxis->pixelToCoord(pixel.y());
    const Drawn *found = nullptr;
    for (const auto &d : m_drawn) {
        const double half = d.planned ? kPlannedHalfHeight : kMeasuredHalfHeight;
        if (t < d.span.begin_s || t > d.span.end_s || std::abs(y - laneCentre(d.span.lane)) > half)
            continue;
        if (!found || (found->planned && !d.planned))
            found = &d;
    }
    return found;
}

QString ClusterTimelinePlot::describe(const Drawn &d) const
{
    const auto &s = d.span;
    const QString format = s.bytes > 0 ? tr("%1, %2 (round %3, %4): %5 from %6 to %7, %8")
                                       : tr("%1, %2 (round %3, %4): %5 from %6 to %7");
    QString line = format.arg(text(m_lanes.at(size_t(s.lane))), spanLabel(s.kind))
                       .arg(s.round + 1)
                       .arg(d.planned ? tr("planned") : tr("measured"),
                            Numbers::milliseconds(s.end_s - s.begin_s),
                            Numbers::milliseconds(s.begin_s), Numbers::milliseconds(s.end_s));
    return s.bytes > 0 ? line.arg(Numbers::bytes(double(s.bytes))) : line;
}

bool ClusterTimelinePlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto *d = spanAt(help->pos()))
            QToolTip::showText(help->globalPos(), describe(*d), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QCustomPlot::event(event);
}

ShareBar::ShareBar(QWidget *parent)
    : QCustomPlot(parent)
{
    xAxis->setLabel(tr("Inference"));
    yAxis->setLabel(tr("Rows"));
    useSplitTicks(xAxis);
    m_title = addTitleAndSideLegend(this);
    m_title->setText(tr("Rows per device"));
}

void ShareBar::setHistory(const std::vector<plan::ShareColumn> &columns,
                          const std::vector<std::string> &devices)
{
    for (auto *bars : m_bars)
        removePlottable(bars);
    m_bars.clear();
    QCPBars *below = nullptr;
    double top = 0;
    for (size_t d = 0; d < devices.size(); ++d) {
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setName(text(devices[d]));
        bars->setBrush(deviceColour(int(d)));
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.8);
        QVector<double> keys, values;
        for (const auto &c : columns) {
            keys.push_back(c.run + 1);
            values.push_back(double(c.rows.at(d)));
        }
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars.push_back(bars);
    }
    for (const auto &c : columns) {
        double sum = 0;
        for (const auto rows : c.rows)
            sum += double(rows);
        top = std::max(top, sum);
    }
    const double last = columns.empty() ? 1.0 : columns.back().run + 1;
    xAxis->setRange(0.4, last + 0.6);
    yAxis->setRange(0, top > 0 ? top * 1.05 : 1.0);
}

QCPBars *ShareBar::bars(int device) const
{
    return device >= 0 && device < m_bars.size() ? m_bars[device] : nullptr;
}

SpeedupPlot::SpeedupPlot(QWidget *parent)
    : QCustomPlot(parent)
{
    xAxis->setLabel(tr("Devices"));
    yAxis->setLabel(tr("Speed-up"));
    yAxis->ticker()->setTickCount(3); // readable at the small heights it gets beside the table
    useSplitTicks(xAxis);
    const auto line = [&](const QString &name, const QPen &pen, QCPScatterStyle scatter) {
        auto *graph = addGraph();
        graph->setName(name);
        graph->setPen(pen);
        graph->setScatterStyle(scatter);
        return graph;
    };
    const QColor planned(0x00, 0x72, 0xb2), edgeDi(0xd5, 0x5e, 0x00);
    m_bound = line(tr("Bound"), QPen(Qt::gray, 1.5, Qt::DashLine), QCPScatterStyle::ssNone);
    m_planned = line(tr("Cleave, planned"), QPen(planned, 2.0),
                     QCPScatterStyle(QCPScatterStyle::ssCircle, planned, Qt::white, 7));
    m_edgeDi = line(tr("EdgeDI, planned"), QPen(edgeDi, 1.5, Qt::DotLine),
                    QCPScatterStyle(QCPScatterStyle::ssSquare, edgeDi, Qt::white, 6));
    m_measured = line(tr("Measured"), Qt::NoPen,
                      QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::black, Qt::black, 8));
    m_measured->setLineStyle(QCPGraph::lsNone);
    m_title = addTitleAndSideLegend(this);
    m_title->setText(tr("Speed-up over the fastest device alone"));
}

void SpeedupPlot::setPoints(const std::vector<plan::SpeedupPoint> &points)
{
    QVector<double> keys, planned, edgeDi, bound, measuredKeys, measured;
    double top = 1;
    for (const auto &p : points) {
        keys.push_back(p.devices);
        planned.push_back(p.predicted);
        edgeDi.push_back(p.edgeDi);
        bound.push_back(p.bound);
        top = std::max({top, p.predicted, p.edgeDi, p.bound});
        if (p.measured) {
            measuredKeys.push_back(p.devices);
            measured.push_back(*p.measured);
            top = std::max(top, *p.measured);
        }
    }
    m_planned->setData(keys, planned, true);
    m_edgeDi->setData(keys, edgeDi, true);
    m_bound->setData(keys, bound, true);
    m_measured->setData(measuredKeys, measured, true);
    xAxis->setRange(0.5, std::max<double>(1, double(points.size())) + 0.5);
    yAxis->setRange(0, top * 1.1);
}

} // namespace cleave::plots
