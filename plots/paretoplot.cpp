// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/paretoplot.h"

#include "plots/numbers.h"
#include "plots/plotstyle.h"

#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cleave::plots {

namespace {

constexpr double kHitPixels = 8;

int kindOf(const plan::Configuration &c)
{
    if (c.tl.empty())
        return 0;
    return c.accuracy && !c.accuracy->fineTuned.empty() ? 2 : 1;
}

} // namespace

ParetoPlot::ParetoPlot(QWidget *parent)
    : QCustomPlot(parent)
{
    xAxis->setLabel(tr("End-to-end latency (ms)"));
    yAxis->setLabel(tr("Top-1 accuracy (%)"));
    m_front = addGraph();
    m_front->setName(tr("Pareto front"));
    m_front->setPen(QPen(QColor(0x2a, 0x7a, 0x3a), 1.6));
    m_front->setLineStyle(QCPGraph::lsLine);
    const QColor blue(0x00, 0x30, 0x60), red(0x80, 0x20, 0x20);
    const std::array<QString, 3> names{tr("No Transfer Layer"), tr("Transfer Layer"),
                                       tr("Transfer Layer, fine-tuned")};
    for (int k = 0; k < 3; ++k) {
        auto *graph = addGraph();
        graph->setName(names[size_t(k)]);
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor colour = k == 0 ? blue : red;
        graph->setScatterStyle(
            QCPScatterStyle(k == 0 ? QCPScatterStyle::ssCircle : QCPScatterStyle::ssDiamond, colour,
                            k == 2 ? colour : QColor(Qt::transparent), 7));
        m_kinds[size_t(k)] = graph;
    }
    m_selected = addGraph();
    m_selected->setName(tr("Selected"));
    m_selected->setLineStyle(QCPGraph::lsNone);
    m_selected->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssCircle, QPen(QColor(0xe0, 0x90, 0x00), 2.5), Qt::NoBrush, 15));
    m_title = addTitleAndSideLegend(this);
    m_title->setText(tr("Latency against accuracy"));
    setMouseTracking(true);
}

void ParetoPlot::setPlan(const std::vector<plan::Configuration> &configurations,
                         const std::vector<plan::Configuration> &front, const QString &title)
{
    m_points.clear();
    std::array<QVector<double>, 3> keys, values;
    double lowMs = 0, highMs = 0, lowTop1 = 100, highTop1 = 0;
    for (const auto &c : configurations) {
        if (!c.accuracy)
            continue;
        m_points.push_back(c);
        const double ms = c.total_s * 1e3, top1 = c.accuracy->top1 * 100;
        keys[size_t(kindOf(c))].push_back(ms);
        values[size_t(kindOf(c))].push_back(top1);
        lowMs = m_points.size() == 1 ? ms : std::min(lowMs, ms);
        highMs = std::max(highMs, ms);
        lowTop1 = std::min(lowTop1, top1);
        highTop1 = std::max(highTop1, top1);
    }
    for (int k = 0; k < 3; ++k)
        m_kinds[size_t(k)]->setData(keys[size_t(k)], values[size_t(k)]);
    QVector<double> frontKeys, frontValues;
    for (const auto &c : front)
        if (c.accuracy) {
            frontKeys.push_back(c.total_s * 1e3);
            frontValues.push_back(c.accuracy->top1 * 100);
        }
    m_front->setData(frontKeys, frontValues, true);
    if (m_points.empty()) {
        xAxis->setRange(0, 1);
        yAxis->setRange(0, 100);
    } else {
        const double spanMs = std::max(highMs - lowMs, highMs * 0.05 + 1e-3);
        const double spanTop1 = std::max(highTop1 - lowTop1, 1.0);
        xAxis->setRange(std::max(0.0, lowMs - spanMs * 0.05), highMs + spanMs * 0.05);
        yAxis->setRange(std::max(0.0, lowTop1 - spanTop1 * 0.08),
                        std::min(100.0, highTop1 + spanTop1 * 0.08));
    }
    m_title->setText(title);
    m_selected->data()->clear();
}

void ParetoPlot::setSelected(const plan::Configuration *configuration)
{
    m_selected->data()->clear();
    if (!configuration)
        return;
    for (const auto &c : m_points)
        if (plan::samePlan(c, *configuration)) {
            m_selected->addData(c.total_s * 1e3, c.accuracy->top1 * 100);
            return;
        }
}

std::optional<size_t> ParetoPlot::pointAt(const QPointF &position) const
{
    std::optional<size_t> nearest;
    double best = kHitPixels;
    for (size_t i = 0; i < m_points.size(); ++i) {
        const auto &c = m_points[i];
        const double dx = xAxis->coordToPixel(c.total_s * 1e3) - position.x();
        const double dy = yAxis->coordToPixel(c.accuracy->top1 * 100) - position.y();
        const double distance = std::hypot(dx, dy);
        if (distance <= best) {
            best = distance;
            nearest = i;
        }
    }
    return nearest;
}

QString ParetoPlot::describe(const plan::Configuration &c)
{
    QString tl = c.tl.empty() ? tr("no Transfer Layer") : QString::fromStdString(c.tl);
    if (c.accuracy && !c.accuracy->fineTuned.empty())
        tl = tr("%1, fine-tuned %2").arg(tl, QString::fromStdString(c.accuracy->fineTuned));
    QStringList resources;
    for (const auto &name : c.resources)
        if (!name.empty())
            resources.push_back(QString::fromStdString(name));
    QString text =
        tr("Split %1, %2\n%3\nLatency: %4")
            .arg(c.s1)
            .arg(tl, resources.join(QStringLiteral(" \u2192 ")), Numbers::milliseconds(c.total_s));
    if (const auto &a = c.accuracy)
        text += tr("\nTop-1: %1, top-5: %2, agreement: %3\nDrop: %4 (%5 images of %6)")
                    .arg(Numbers::percent(a->top1 * 100), Numbers::percent(a->top5 * 100),
                         Numbers::percent(a->agreement * 100), Numbers::points(a->drop_pp))
                    .arg(a->images)
                    .arg(QString::fromStdString(a->dataset));
    return text;
}

void ParetoPlot::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    setCursor(pointAt(event->position()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

bool ParetoPlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto hit = pointAt(help->pos()))
            QToolTip::showText(help->globalPos(), describe(m_points[*hit]), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QCustomPlot::event(event);
}

void ParetoPlot::mouseReleaseEvent(QMouseEvent *event)
{
    QCustomPlot::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        if (const auto hit = pointAt(event->position()))
            Q_EMIT configurationClicked(m_points[*hit]);
}

} // namespace cleave::plots
