// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/plotstyle.h"

#include <QCoreApplication>

#include <algorithm>

namespace cleave::plots {

QColor partColour(plan::Part part)
{
    // Colour-blind-safe qualitative palette (Okabe-Ito, extended); compute parts are the
    // strongest colours, transfer parts the lighter ones.
    static const QColor colours[plan::kPartCount] = {
        QColor(0x00, 0x72, 0xb2), // device
        QColor(0x56, 0xb4, 0xe9), // device TL
        QColor(0xcc, 0x79, 0xa7), // serialise
        QColor(0xe6, 0x9f, 0x00), // uplink
        QColor(0xf0, 0xe4, 0x42), // deserialise
        QColor(0x7f, 0xc9, 0x7f), // edge TL
        QColor(0x00, 0x9e, 0x73), // edge
        QColor(0xd5, 0x5e, 0x00), // edge to cloud
        QColor(0x66, 0x66, 0x66), // cloud
        QColor(0xa0, 0x7d, 0x5a), // return
    };
    return colours[int(part)];
}

QString partLabel(plan::Part part)
{
    static const char *const labels[plan::kPartCount] = {
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "Device"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "DeviceTL"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "Serialise"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "Uplink"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "Deserialise"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "EdgeTL"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "Edge"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "Edge to cloud"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "Cloud"),
        QT_TRANSLATE_NOOP("cleave::plots::Parts", "Return"),
    };
    return QCoreApplication::translate("cleave::plots::Parts", labels[int(part)]);
}

namespace {

// Room the axis rect keeps beside a side legend; narrower, the legend goes under the plot.
constexpr int kLeastAxisWidth = 280;

// A title that wraps at the plot's width instead of running past it: QCustomPlot sizes a
// text element by its one-line width, so a long title in a narrow dock would be cut off.
class WrappingTitle : public QCPTextElement
{
public:
    using QCPTextElement::QCPTextElement;

    QSize minimumOuterSizeHint() const override { return wrappedSize(); }
    QSize maximumOuterSizeHint() const override
    {
        return {QWIDGETSIZE_MAX, wrappedSize().height()};
    }

private:
    QSize wrappedSize() const
    {
        const QMargins m = margins();
        const int room = std::max(1, mParentPlot->viewport().width() - m.left() - m.right());
        const QRect text = QFontMetrics(mFont).boundingRect(
            QRect(0, 0, room, QWIDGETSIZE_MAX), Qt::AlignCenter | Qt::TextWordWrap, mText);
        return {std::min(text.width(), room) + m.left() + m.right(),
                text.height() + m.top() + m.bottom()};
    }
};

int widestEntry(const QCPLegend *legend)
{
    int widest = 1;
    // A wrapped legend counts its empty cells as items: they are null.
    for (int i = 0; i < legend->itemCount(); ++i)
        if (const auto *item = legend->item(i))
            widest = std::max(widest, item->minimumOuterSizeHint().width());
    return widest;
}

// The legend goes in `side`, a column right of the axis rect, or, when the plot is too narrow
// for both, in a row of entries under the plot.
void placeLegend(QCustomPlot *plot, QCPLayoutGrid *side)
{
    auto *legend = plot->legend;
    auto *layout = plot->plotLayout();
    const int width = plot->viewport().width();
    const int widest = widestEntry(legend);
    const bool narrow =
        width - widest - legend->margins().left() - legend->margins().right() < kLeastAxisWidth;
    const int columns = std::max(1, (width - 12) / (widest + legend->columnSpacing()));
    const bool under = legend->layout() == layout;
    if (narrow == under && (!narrow || legend->wrap() == columns))
        return;
    legend->layout()->take(legend);
    layout->simplify();
    side->simplify();
    if (narrow) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        layout->addElement(layout->rowCount(), 0, legend);
        layout->setRowStretchFactor(layout->rowCount() - 1, 0.001);
    } else {
        legend->setWrap(0);
        legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
        side->addElement(0, 0, legend);
    }
}

} // namespace

QCPTextElement *addTitleAndSideLegend(QCustomPlot *plot)
{
    // Tick labels in the reader's locale: "0,5" in German, "1,000" in English.
    plot->setLocale(QLocale());
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->legend->setMargins(QMargins(6, 4, 6, 4));
    plot->axisRect()->insetLayout()->take(plot->legend);
    // Rows: the title over the whole width, then the axis rect with the side legend.
    auto *layout = plot->plotLayout();
    auto *axisRect = plot->axisRect();
    layout->take(axisRect);
    layout->simplify();
    auto *title = new WrappingTitle(plot, QString());
    layout->addElement(0, 0, title);
    auto *body = new QCPLayoutGrid;
    layout->addElement(1, 0, body);
    body->addElement(0, 0, axisRect);
    // The legend sits at the top of its column; an empty element below takes the rest.
    auto *column = new QCPLayoutGrid;
    body->addElement(0, 1, column);
    auto *side = new QCPLayoutGrid;
    column->addElement(0, 0, side);
    column->addElement(1, 0, new QCPLayoutElement(plot));
    column->setRowStretchFactor(0, 0.001);
    column->setRowStretchFactor(1, 1000);
    body->setColumnStretchFactor(1, 0.001);
    layout->setRowStretchFactor(0, 0.001);
    side->addElement(0, 0, plot->legend);
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot,
                     [plot, side] { placeLegend(plot, side); });
    return title;
}

void useSplitTicks(QCPAxis *axis)
{
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    axis->setTicker(ticker);
}

void applyPalette(QCustomPlot *plot, const QPalette &palette)
{
    const QColor background = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(45);
    plot->setBackground(background);
    for (auto *axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setBrush(background);
    plot->legend->setTextColor(text);
    plot->legend->setBorderPen(QPen(grid));
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i)))
            title->setTextColor(text);
}

} // namespace cleave::plots
