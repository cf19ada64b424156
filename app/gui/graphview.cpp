// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/graphview.h"

#include "app/gui/background.h"
#include "plots/numbers.h"
#include "plots/plotstyle.h"

#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cleave::gui {

namespace {

constexpr int kBoxRole = 0; ///< QGraphicsItem::data key: the box index of a box item

enum Layer { EdgeLayer, BoxLayer, CutEdgeLayer, CutLabelLayer };

QPointF at(const FlowLayout::Point &p)
{
    return {p.x, p.y};
}

QColor tierFill(plan::Part part, const QPalette &palette)
{
    auto colour = plots::partColour(part);
    // A light wash of the tier's colour over the base, so black or white text stays readable.
    const auto base = palette.color(QPalette::Base);
    const double a = 0.35;
    return QColor::fromRgbF(float(colour.redF() * a + base.redF() * (1 - a)),
                            float(colour.greenF() * a + base.greenF() * (1 - a)),
                            float(colour.blueF() * a + base.blueF() * (1 - a)));
}

} // namespace

ZoomingView::ZoomingView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setRenderHint(QPainter::Antialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
}

void ZoomingView::zoomBy(double factor)
{
    const double now = transform().m11();
    const double next = std::clamp(now * factor, 1.0 / 50, 8.0);
    scale(next / now, next / now);
}

void ZoomingView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return QGraphicsView::wheelEvent(event);
    zoomBy(std::pow(1.2, steps));
    event->accept();
}

void ZoomingView::mousePressEvent(QMouseEvent *event)
{
    m_pressedAt = event->position().toPoint();
    QGraphicsView::mousePressEvent(event);
}

void ZoomingView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    // A drag pans; a click chooses.
    if (event->button() == Qt::LeftButton &&
        (event->position().toPoint() - m_pressedAt).manhattanLength() < 4)
        Q_EMIT clicked(itemAt(event->position().toPoint()));
}

GraphView::GraphView(QWidget *parent)
    : QWidget(parent)
{
    m_scene = new QGraphicsScene(this);
    m_view = new ZoomingView(m_scene, this);
    m_status = new QLabel(tr("Open a model to see its graph."), this);
    const auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        return b;
    };
    auto *zoomIn = button(tr("Zoom In"), tr("Zoom in (or turn the wheel over the graph)"));
    auto *zoomOut = button(tr("Zoom Out"), tr("Zoom out"));
    auto *fit = button(tr("Fit"), tr("Show the whole graph"));
    m_legend = new QLabel(this);
    // Long texts wrap rather than widen the window (1280x800 in every language).
    m_status->setWordWrap(true);
    m_legend->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(zoomIn);
    bar->addWidget(zoomOut);
    bar->addWidget(fit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_legend);
    layout->addWidget(m_view, 1);
    connect(zoomIn, &QToolButton::clicked, this, [this] { m_view->zoomBy(1.25); });
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_view->zoomBy(0.8); });
    connect(fit, &QToolButton::clicked, this, &GraphView::fitToView);
    connect(m_view, &ZoomingView::clicked, this, &GraphView::onClicked);
}

GraphView::~GraphView() = default;

void GraphView::setGraph(std::shared_ptr<const FlowGraph> graph)
{
    ++m_job; // a layout still running belongs to the graph before
    m_laying = false;
    m_graph = std::move(graph);
    m_layout.reset();
    m_failure.clear();
    clearScene();
    m_status->setText(m_graph ? tr("The graph is laid out when shown.")
                              : tr("Open a model to see its graph."));
    if (m_graph && isVisible())
        startLayout();
}

void GraphView::setSelection(int s1, int s2)
{
    m_s1 = s1;
    m_s2 = s2;
    if (!m_layout)
        return;
    colourBoxes();
    drawCut();
    showCut();
}

void GraphView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_graph && !m_layout && !m_laying && m_failure.isEmpty())
        startLayout();
}

QString GraphView::statusText() const
{
    return m_status->text();
}

QGraphicsRectItem *GraphView::boxItem(int box) const
{
    return box >= 0 && box < m_boxes.size() ? m_boxes[box] : nullptr;
}

void GraphView::startLayout()
{
    const int job = ++m_job;
    m_laying = true;
    m_status->setText(tr("Laying out %n box(es)...", nullptr, int(m_graph->boxes.size())));
    const auto graph = m_graph;
    runInBackground<FlowLayout>(
        this, [graph] { return layOut(*graph); },
        [this, job](FlowLayout layout) {
            if (job != m_job)
                return;
            m_laying = false;
            build(std::move(layout));
        },
        [this, job](const QString &reason) {
            if (job != m_job)
                return;
            m_laying = false;
            m_failure = reason;
            m_status->setText(tr("No graph: %1").arg(reason));
        });
}

void GraphView::clearScene()
{
    m_scene->clear();
    m_boxes.clear();
    m_edges.clear();
    m_cutItems.clear();
    m_cutEdges = m_cutTensors = 0;
}

void GraphView::build(FlowLayout layout)
{
    clearScene();
    for (size_t i = 0; i < layout.boxes.size(); ++i)
        addBox(int(i), layout.boxes[i]);
    for (size_t i = 0; i < layout.edges.size(); ++i)
        addEdge(int(i), layout.edges[i]);
    m_scene->setSceneRect(QRectF(0, 0, layout.width, layout.height).adjusted(-40, -20, 40, 20));
    m_layout = std::move(layout);
    m_status->setText(tr("%n box(es)", nullptr, int(m_boxes.size())) + QStringLiteral(", ") +
                      tr("%n edge(s)", nullptr, int(m_edges.size())) + QStringLiteral(" \u2014 ") +
                      tr("click a box to split after it"));
    colourBoxes();
    drawCut();
    m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // A tall graph fitted whole is unreadable: start at a legible scale, at the cut.
    if (m_view->transform().m11() < 0.5) {
        m_view->resetTransform();
        m_view->scale(0.6, 0.6);
    }
    showCut();
    Q_EMIT laidOut();
}

void GraphView::addBox(int index, const FlowLayout::PlacedBox &placed)
{
    const auto &box = m_graph->boxes[size_t(index)];
    const QRectF rect(placed.centre.x - placed.width / 2, placed.centre.y - placed.height / 2,
                      placed.width, placed.height);
    auto *item = m_scene->addRect(rect);
    item->setZValue(BoxLayer);
    item->setData(kBoxRole, index);
    item->setCursor(Qt::PointingHandCursor);
    const auto label = QString::fromStdString(box.label);
    item->setToolTip(tr("%1\n%2\nClick: split %3 (everything up to here on the device)")
                         .arg(label, QString::fromStdString(box.detail))
                         .arg(index));
    QFont font = this->font();
    font.setPointSizeF(7.5);
    auto *text = new QGraphicsSimpleTextItem(
        QFontMetricsF(font).elidedText(label, Qt::ElideMiddle, placed.width - 6), item);
    text->setFont(font);
    text->setBrush(palette().color(QPalette::Text));
    const auto size = text->boundingRect().size();
    text->setPos(placed.centre.x - size.width() / 2, placed.centre.y - size.height() / 2);
    m_boxes.push_back(item);
}

void GraphView::addEdge(int index, const std::vector<FlowLayout::Point> &points)
{
    QPainterPath path;
    if (!points.empty()) {
        path.moveTo(at(points[0]));
        for (size_t i = 1; i + 2 < points.size(); i += 3)
            path.cubicTo(at(points[i]), at(points[i + 1]), at(points[i + 2]));
    }
    auto *item = m_scene->addPath(path);
    item->setZValue(EdgeLayer);
    const auto &edge = m_graph->edges[size_t(index)];
    item->setToolTip(tr("%1 from %2 to %3")
                         .arg(plots::Numbers::bytes(double(edge.bytes)),
                              QString::fromStdString(m_graph->boxes[size_t(edge.from)].label),
                              QString::fromStdString(m_graph->boxes[size_t(edge.to)].label)));
    m_edges.push_back(item);
}

// Each box in the colour of the tier that runs it: device, edge, cloud as the plots colour
// their compute parts.
void GraphView::colourBoxes()
{
    const auto &p = palette();
    QStringList legend;
    for (const auto part : {plan::Part::Device, plan::Part::Edge, plan::Part::Cloud})
        legend.push_back(QStringLiteral("<span style=\"background-color:%1; color:%2\">"
                                        "&nbsp;%3&nbsp;</span>")
                             .arg(tierFill(part, p).name(), p.color(QPalette::Text).name(),
                                  plots::partLabel(part).toHtmlEscaped()));
    legend.push_back(QStringLiteral("<span style=\"color:%1\"><b>&#8212;</b> %2</span>")
                         .arg(plots::partColour(plan::Part::Uplink).name(),
                              tr("sent at the split").toHtmlEscaped()));
    m_legend->setText(legend.join(QStringLiteral(" ")));
    const QPen border(p.color(QPalette::Mid), 1);
    for (int i = 0; i < m_boxes.size(); ++i) {
        const int block = i - 1;
        QBrush fill(p.color(QPalette::Button));
        if (block >= 0) {
            const auto part = block < m_s1   ? plan::Part::Device
                              : block < m_s2 ? plan::Part::Edge
                                             : plan::Part::Cloud;
            fill = tierFill(part, p);
        }
        m_boxes[i]->setBrush(fill);
        m_boxes[i]->setPen(border);
    }
}

void GraphView::drawCut()
{
    for (auto *item : m_cutItems)
        delete item;
    m_cutItems.clear();
    m_cutEdges = m_cutTensors = 0;
    const auto &p = palette();
    QColor plain = p.color(QPalette::Text);
    plain.setAlphaF(0.45f);
    const auto cutColour = plots::partColour(plan::Part::Uplink);
    for (int i = 0; i < m_edges.size(); ++i) {
        const bool cut = FlowGraph::crosses(m_graph->edges[size_t(i)], m_s1);
        m_edges[i]->setPen(cut ? QPen(cutColour, 2.5) : QPen(plain, 0.8));
        m_edges[i]->setZValue(cut ? CutEdgeLayer : EdgeLayer);
        m_cutEdges += cut ? 1 : 0;
    }
    // Each tensor sent once, labelled on the edge to its last reader where it passes the cut's
    // height: just below the last box the device runs.
    const double cutY = m_boxes[std::clamp(m_s1, 0, int(m_boxes.size()) - 1)]->rect().bottom() + 8;
    std::vector<QPointF> middles;
    for (const auto &tensor : m_graph->tensors) {
        if (!FlowGraph::crosses(tensor, m_s1))
            continue;
        ++m_cutTensors;
        const auto middle = pointNearHeight(m_edges[tensor.edge]->path(), cutY);
        middles.push_back(middle);
        addCutLabel(middle, plots::Numbers::bytes(double(tensor.bytes)));
    }
    if (middles.empty())
        return;
    // A dashed line across the tensors sent, left to right, a little past the outer ones.
    std::sort(middles.begin(), middles.end(),
              [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    QPainterPath line(middles.front() - QPointF(30, 0));
    for (const auto &m : middles)
        line.lineTo(m);
    line.lineTo(middles.back() + QPointF(30, 0));
    auto *across = m_scene->addPath(line, QPen(cutColour, 1.5, Qt::DashLine));
    across->setZValue(CutEdgeLayer);
    m_cutItems.push_back(across);
}

QPointF GraphView::pointNearHeight(const QPainterPath &path, double y)
{
    QPointF best = path.pointAtPercent(0.5);
    for (int step = 0; step <= 50; ++step) {
        const auto p = path.pointAtPercent(step / 50.0);
        if (std::abs(p.y() - y) < std::abs(best.y() - y))
            best = p;
    }
    return best;
}

void GraphView::addCutLabel(QPointF at, const QString &text)
{
    const auto &p = palette();
    QFont font = this->font();
    font.setPointSizeF(7.5);
    auto *label = new QGraphicsSimpleTextItem(text);
    label->setFont(font);
    label->setBrush(p.color(QPalette::Text));
    auto *back =
        m_scene->addRect(label->boundingRect().adjusted(-2, -1, 2, 1),
                         QPen(plots::partColour(plan::Part::Uplink), 1), p.color(QPalette::Base));
    label->setParentItem(back);
    back->setPos(at + QPointF(4, -label->boundingRect().height() / 2));
    back->setZValue(CutLabelLayer);
    m_cutItems.push_back(back);
}

void GraphView::fitToView()
{
    if (m_layout)
        m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
}

void GraphView::showCut()
{
    if (!m_cutItems.isEmpty())
        m_view->ensureVisible(m_cutItems.back(), 40, 40);
    else if (m_s1 >= 0 && m_s1 < m_boxes.size())
        m_view->ensureVisible(m_boxes[m_s1], 40, 40);
}

void GraphView::onClicked(QGraphicsItem *item)
{
    while (item && !item->data(kBoxRole).isValid())
        item = item->parentItem();
    if (item)
        Q_EMIT splitSelected(item->data(kBoxRole).toInt());
}

} // namespace cleave::gui
