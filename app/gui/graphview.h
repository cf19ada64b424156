// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/flowgraph.h"

#include <QGraphicsView>
#include <QWidget>

#include <memory>
#include <optional>

class QGraphicsPathItem;
class QPainterPath;
class QGraphicsRectItem;
class QGraphicsScene;
class QLabel;
class QToolButton;

namespace cleave::gui {

/// A QGraphicsView that zooms with the wheel (about the cursor), pans by dragging and reports a
/// click (a press and release without a drag) on an item.
class ZoomingView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit ZoomingView(QGraphicsScene *scene, QWidget *parent = nullptr);
    /// Multiplies the scale by `factor`, within 1/50 and 8.
    void zoomBy(double factor);

Q_SIGNALS:
    void clicked(QGraphicsItem *item);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QPoint m_pressedAt;
};

/// The model's graph: the input and its blocks (or nodes at node granularity) laid out by
/// Graphviz's dot on a worker the first time the view is shown, each coloured by the tier that
/// runs it in the selected plan; the tensors the selected split sends are drawn bold, each with
/// its bytes, and a dashed line crosses them. Clicking a box selects the split after it.
class GraphView : public QWidget
{
    Q_OBJECT

public:
    explicit GraphView(QWidget *parent = nullptr);
    ~GraphView() override;

    /// The graph of the model just opened; none: empty. Laid out when the view is shown.
    void setGraph(std::shared_ptr<const FlowGraph> graph);
    /// The selected plan: blocks [0, s1) on the device, [s1, s2) on the edge, the rest on the
    /// cloud (s2 = blocks with two tiers); s1 is the cut drawn.
    void setSelection(int s1, int s2);

    bool isLaidOut() const { return m_layout.has_value(); }
    ZoomingView *view() const { return m_view; }
    /// The edges drawn crossing the selected split.
    int cutEdgeCount() const { return m_cutEdges; }
    /// The tensors labelled with their bytes at the selected split: those it sends.
    int cutTensorCount() const { return m_cutTensors; }
    /// Box `box`'s item (0 the input, b + 1 block b), for tests and tool-tips.
    QGraphicsRectItem *boxItem(int box) const;
    /// A one-line state: laying out, how many boxes and edges, or why it failed.
    QString statusText() const;

Q_SIGNALS:
    void splitSelected(int split);
    /// The layout is drawn (after a setGraph, once shown).
    void laidOut();

public Q_SLOTS:
    void fitToView();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void startLayout();
    void clearScene();
    void build(FlowLayout layout);
    void addBox(int index, const FlowLayout::PlacedBox &placed);
    void addEdge(int index, const std::vector<FlowLayout::Point> &path);
    void colourBoxes();
    void drawCut();
    void addCutLabel(QPointF at, const QString &text);
    /// Scrolls to the cut drawn (or the split's box).
    void showCut();
    static QPointF pointNearHeight(const QPainterPath &path, double y);
    void onClicked(QGraphicsItem *item);

    QGraphicsScene *m_scene = nullptr;
    ZoomingView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_legend = nullptr; ///< the tiers' colours and the cut's
    std::shared_ptr<const FlowGraph> m_graph;
    std::optional<FlowLayout> m_layout;
    QList<QGraphicsRectItem *> m_boxes;
    QList<QGraphicsPathItem *> m_edges;
    QList<QGraphicsItem *> m_cutItems; ///< the cut's line and byte labels, redrawn per split
    int m_s1 = 0;
    int m_s2 = 0;
    int m_cutEdges = 0;
    int m_cutTensors = 0;
    int m_job = 0;
    bool m_laying = false;
    QString m_failure;
};

} // namespace cleave::gui
