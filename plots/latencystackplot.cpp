// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/latencystackplot.h"

#include "plots/numbers.h"
#include "plots/plotstyle.h"

#include <QHelpEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cleave::plots {

namespace {

constexpr double kMsPerSecond = 1000.0;

int index(plan::Mode mode)
{
    return mode == plan::Mode::Scission ? 0 : 1;
}

const plan::Parts &partsOf(const plan::SplitPoint &point, plan::Mode mode)
{
    return mode == plan::Mode::Scission ? point.scission : point.scissionTl;
}

bool shown(plan::Mode mode, LatencyStackPlot::Show show)
{
    return show == LatencyStackPlot::Show::Both ||
           (show == LatencyStackPlot::Show::Scission) == (mode == plan::Mode::Scission);
}

} // namespace

LatencyStackPlot::LatencyStackPlot(QWidget *parent)
    : QCustomPlot(parent)
{
    setNoAntialiasingOnDrag(true);
    useSplitTicks(xAxis);
    xAxis->setLabel(tr("Split (blocks before it run on the device)"));
    yAxis->setLabel(tr("End-to-end latency (ms)"));
    m_title = addTitleAndSideLegend(this);
    for (auto mode : {plan::Mode::Scission, plan::Mode::ScissionTl}) {
        QCPBars *below = nullptr;
        for (int p = 0; p < plan::kPartCount; ++p) {
            auto *bars = new QCPBars(xAxis, yAxis);
            const auto part = plan::Part(p);
            QColor colour = partColour(part);
            if (mode == plan::Mode::ScissionTl)
                colour = colour.darker(125);
            bars->setBrush(colour);
            bars->setPen(Qt::NoPen);
            bars->setAntialiased(false);
            bars->setName(partLabel(part));
            if (below)
                bars->moveAbove(below);
            below = bars;
            // One legend entry per part: the Scission bars name the colours.
            if (mode == plan::Mode::ScissionTl)
                bars->removeFromLegend();
            m_bars[size_t(index(mode))][size_t(p)] = bars;
        }
    }
    for (auto mode : {plan::Mode::Scission, plan::Mode::ScissionTl}) {
        auto *graph = addGraph();
        const bool tl = mode == plan::Mode::ScissionTl;
        const QColor colour = tl ? QColor(0x80, 0x20, 0x20) : QColor(0x00, 0x30, 0x60);
        graph->setName(tl ? tr("Measured, ScissionTL") : tr("Measured, Scission"));
        graph->setPen(QPen(colour, 1.5));
        graph->setScatterStyle(QCPScatterStyle(
            tl ? QCPScatterStyle::ssDiamond : QCPScatterStyle::ssCircle, colour, Qt::white, 6));
        graph->removeFromLegend();
        m_measured[size_t(index(mode))] = graph;
    }
}

void LatencyStackPlot::setMeasured(const plan::MeasuredSeries &measured)
{
    m_measuredSeries = measured;
    rebuild();
}

void LatencyStackPlot::setSeries(const plan::SplitSeries &series)
{
    m_series = series;
    rebuild();
}

void LatencyStackPlot::setSelectedSplit(int split)
{
    if (split == m_selected)
        return;
    m_selected = split;
    rebuild();
    replot(QCustomPlot::rpQueuedReplot);
}

void LatencyStackPlot::setShow(Show show)
{
    m_show = show;
    rebuild();
}

QCPBars *LatencyStackPlot::bars(plan::Part part, plan::Mode mode) const
{
    return m_bars[size_t(index(mode))][size_t(int(part))];
}

QCPItemText *LatencyStackPlot::optimumMarker(plan::Mode mode) const
{
    return m_markers[size_t(index(mode))];
}

std::optional<LatencyStackPlot::Hit> LatencyStackPlot::hitAt(const QPointF &pixel) const
{
    if (m_series.points.empty() || !axisRect()->rect().contains(pixel.toPoint()))
        return std::nullopt;
    const double key = xAxis->pixelToCoord(pixel.x());
    const double halfWidth = (m_show == Show::Both ? 0.4 : 0.8) / 2;
    for (auto mode : {plan::Mode::Scission, plan::Mode::ScissionTl}) {
        if (!shown(mode, m_show))
            continue;
        const double dx = offset(mode, m_show);
        const int split = int(std::lround(key - dx));
        if (std::abs(key - (split + dx)) > halfWidth)
            continue;
        for (const auto &point : m_series.points)
            if (point.split == split)
                return Hit{split, mode};
    }
    return std::nullopt;
}

QString LatencyStackPlot::describe(const Hit &hit) const
{
    for (const auto &point : m_series.points) {
        if (point.split != hit.split)
            continue;
        const auto &parts = partsOf(point, hit.mode);
        const bool tl = hit.mode == plan::Mode::ScissionTl && !point.tl.empty();
        QString text =
            tr("Split %1, %2")
                .arg(hit.split)
                .arg(hit.mode == plan::Mode::Scission
                         ? tr("Scission")
                         : (tl ? tr("ScissionTL with %1").arg(QString::fromStdString(point.tl))
                               : tr("ScissionTL (no TL here)")));
        if (!point.allowed)
            text += tr(" \u2014 excluded by the constraints");
        for (int p = 0; p < plan::kPartCount; ++p)
            if (parts[size_t(p)] > 0)
                text += QStringLiteral("\n%1: %2")
                            .arg(partLabel(plan::Part(p)), Numbers::milliseconds(parts[size_t(p)]));
        const auto sent = tl ? point.tlBytes : point.codecBytes;
        text += tr("\nTotal: %1\nSent: %2")
                    .arg(Numbers::milliseconds(plan::sum(parts)), Numbers::bytes(double(sent)));
        if (point.deviceMemoryBytes > 0)
            text += tr("\nDevice memory: %1").arg(Numbers::bytes(double(point.deviceMemoryBytes)));
        return text;
    }
    return {};
}

void LatencyStackPlot::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    const auto hit = hitAt(event->position());
    setCursor(hit ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

bool LatencyStackPlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto hit = hitAt(help->pos()))
            QToolTip::showText(help->globalPos(), describe(*hit), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QCustomPlot::event(event);
}

void LatencyStackPlot::mouseReleaseEvent(QMouseEvent *event)
{
    QCustomPlot::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        if (const auto hit = hitAt(event->position()))
            Q_EMIT splitClicked(hit->split);
}

double LatencyStackPlot::offset(plan::Mode mode, Show show)
{
    if (show != Show::Both)
        return 0.0;
    return mode == plan::Mode::Scission ? -0.2 : 0.2;
}

void LatencyStackPlot::rebuild()
{
    for (auto *item : m_items)
        removeItem(item);
    m_items.clear();
    m_excluded.clear();
    m_markers = {};
    m_selection = nullptr;

    const auto &points = m_series.points;
    const double width = m_show == Show::Both ? 0.4 : 0.8;
    double highest = 0;
    std::array<bool, plan::kPartCount> used{};
    for (auto mode : {plan::Mode::Scission, plan::Mode::ScissionTl}) {
        const bool visible = shown(mode, m_show);
        const double dx = offset(mode, m_show);
        for (int p = 0; p < plan::kPartCount; ++p) {
            QVector<double> keys, values;
            keys.reserve(int(points.size()));
            values.reserve(int(points.size()));
            for (const auto &point : points) {
                // Empty segments are left out: stacking adds the bars below by key, and most
                // parts are zero at most splits, so this halves the drawing.
                const double v = partsOf(point, mode)[size_t(p)] * kMsPerSecond;
                if (v <= 0)
                    continue;
                keys.push_back(point.split + dx);
                values.push_back(v);
                if (visible)
                    used[size_t(p)] = true;
            }
            auto *bars = m_bars[size_t(index(mode))][size_t(p)];
            bars->setData(keys, values, true);
            bars->setWidth(width);
            bars->setVisible(visible);
        }
        if (visible)
            for (const auto &point : points)
                highest = std::max(highest, plan::sum(partsOf(point, mode)) * kMsPerSecond);
    }
    // Measured series over the bars they were predicted by.
    for (auto mode : {plan::Mode::Scission, plan::Mode::ScissionTl}) {
        QVector<double> keys, values;
        for (const auto &m : m_measuredSeries.points) {
            if (m.tl != (mode == plan::Mode::ScissionTl))
                continue;
            keys.push_back(m.split + offset(mode, m_show));
            values.push_back(m.median_s * kMsPerSecond);
        }
        auto *graph = m_measured[size_t(index(mode))];
        graph->setData(keys, values, true);
        const bool visible = shown(mode, m_show) && !keys.isEmpty();
        graph->setVisible(visible);
        if (visible) {
            graph->addToLegend();
            highest = std::max(highest, *std::max_element(values.begin(), values.end()));
        } else {
            graph->removeFromLegend();
        }
    }
    // The legend names only the parts that occur.
    for (int p = 0; p < plan::kPartCount; ++p) {
        auto *bars = m_bars[0][size_t(p)];
        if (used[size_t(p)])
            bars->addToLegend();
        else
            bars->removeFromLegend();
    }

    const double top = highest > 0 ? highest * 1.18 : 1.0;
    // Shade each run of splits the constraints exclude.
    for (size_t i = 0; i < points.size();) {
        if (points[i].allowed) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end + 1 < points.size() && !points[end + 1].allowed)
            ++end;
        auto *rect = new QCPItemRect(this);
        rect->setLayer(QStringLiteral("grid"));
        rect->setPen(Qt::NoPen);
        rect->setBrush(QColor(0, 0, 0, 30));
        rect->topLeft->setCoords(points[i].split - 0.5, top);
        rect->bottomRight->setCoords(points[end].split + 0.5, 0);
        m_items.push_back(rect);
        m_excluded.push_back(rect);
        i = end + 1;
    }

    // Stars above the optima: filled for the best allowed split, hollow for a better one the
    // constraints rule out.
    const auto star = [&](plan::Mode mode, int split, const QString &text) -> QCPItemText * {
        if (split < 0 || size_t(split) >= points.size() || !shown(mode, m_show))
            return nullptr;
        const double total = plan::sum(partsOf(points[size_t(split)], mode)) * kMsPerSecond;
        auto *label = new QCPItemText(this);
        label->position->setCoords(split + offset(mode, m_show), total);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setText(text);
        label->setColor(mode == plan::Mode::Scission ? QColor(0x00, 0x50, 0x80)
                                                     : QColor(0x80, 0x20, 0x20));
        label->setClipToAxisRect(false);
        m_items.push_back(label);
        return label;
    };
    if (m_selected >= 0 && size_t(m_selected) < points.size()) {
        m_selection = new QCPItemRect(this);
        m_selection->setLayer(QStringLiteral("grid"));
        const auto highlight = palette().color(QPalette::Highlight);
        m_selection->setPen(QPen(highlight, 1.5));
        auto fill = highlight;
        fill.setAlpha(40);
        m_selection->setBrush(fill);
        m_selection->topLeft->setCoords(m_selected - 0.48, top);
        m_selection->bottomRight->setCoords(m_selected + 0.48, 0);
        m_items.push_back(m_selection);
    }

    const QString filled = QStringLiteral("\u2605");
    const QString hollow = QStringLiteral("\u2606");
    m_markers[0] = star(plan::Mode::Scission, m_series.bestScissionAllowed, filled);
    m_markers[1] = star(plan::Mode::ScissionTl, m_series.bestScissionTlAllowed, filled);
    if (m_series.bestScission != m_series.bestScissionAllowed)
        star(plan::Mode::Scission, m_series.bestScission, hollow);
    if (m_series.bestScissionTl != m_series.bestScissionTlAllowed)
        star(plan::Mode::ScissionTl, m_series.bestScissionTl, hollow);

    QString title = QString::fromStdString(m_series.model);
    if (m_show == Show::Both)
        title += tr(" \u2014 left: Scission, right: ScissionTL (darker)");
    else
        title += m_show == Show::Scission ? tr(" \u2014 Scission") : tr(" \u2014 ScissionTL");
    m_title->setText(title);
    xAxis->setRange(-0.7, points.empty() ? 1.0 : points.back().split + 0.7);
    yAxis->setRange(0, top);
}

} // namespace cleave::plots
