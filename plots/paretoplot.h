// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/costs.h"

#include <qcustomplot.h>

#include <optional>
#include <vector>

namespace cleave::plots {

/// End-to-end latency against top-1 accuracy: one point per configuration whose accuracy was
/// measured (circles without a Transfer Layer, diamonds with one, filled where the TL was
/// fine-tuned), the Pareto front joined fastest first, and the selected configuration ringed.
/// Hovering a point names its configuration; clicking one emits it.
class ParetoPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit ParetoPlot(QWidget *parent = nullptr);

    /// `configurations`: every one allowed (those without an accuracy are left out); `front`:
    /// the planner's Pareto front of them; `title` goes above.
    void setPlan(const std::vector<plan::Configuration> &configurations,
                 const std::vector<plan::Configuration> &front, const QString &title);
    /// Rings `configuration` where it is a point; none: nothing ringed.
    void setSelected(const plan::Configuration *configuration);

    const std::vector<plan::Configuration> &points() const { return m_points; }
    QCPGraph *frontGraph() const { return m_front; }
    QCPGraph *selectedGraph() const { return m_selected; }
    /// The point within a few pixels of `position`, if any (an index into points()).
    std::optional<size_t> pointAt(const QPointF &position) const;
    /// What hovering a point says: split, TL (and how it was fine-tuned), resources, latency,
    /// top-1, top-5, agreement and the drop.
    static QString describe(const plan::Configuration &configuration);

Q_SIGNALS:
    void configurationClicked(const plan::Configuration &configuration);

protected:
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    std::vector<plan::Configuration> m_points;
    std::array<QCPGraph *, 3> m_kinds{}; ///< no TL, TL as inserted, TL fine-tuned
    QCPGraph *m_front = nullptr;
    QCPGraph *m_selected = nullptr;
    QCPTextElement *m_title = nullptr;
};

} // namespace cleave::plots
