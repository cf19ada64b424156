// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/transfersizeplot.h"

#include "plots/numbers.h"
#include "plots/plotstyle.h"

#include <algorithm>
#include <cmath>

namespace cleave::plots {

namespace {

QCPGraph *line(QCustomPlot *plot, const QString &name, const QColor &colour,
               QCPScatterStyle::ScatterShape shape)
{
    auto *graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(colour, 1.5));
    graph->setScatterStyle(QCPScatterStyle(shape, colour, colour, 6));
    return graph;
}

// Powers of ten written as sizes: "100 KB", "1 MB"; nothing below a byte.
class BytesTicker : public QCPAxisTickerLog
{
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return tick < 1 ? QString() : Numbers::bytes(tick, Numbers::Digits::AsNeeded);
    }
};

} // namespace

TransferSizePlot::TransferSizePlot(QWidget *parent)
    : QCustomPlot(parent)
{
    useSplitTicks(xAxis);
    xAxis->setLabel(tr("Split"));
    yAxis->setLabel(tr("Sent (log scale)"));
    yAxis->setScaleType(QCPAxis::stLogarithmic);
    yAxis->setTicker(QSharedPointer<BytesTicker>::create());
    yAxis->setRange(1, 1e6); // until there are sizes: a byte to a megabyte
    m_codec = line(this, tr("Codec"), QColor(0x00, 0x72, 0xb2), QCPScatterStyle::ssSquare);
    m_tl = line(this, tr("Transfer Layer"), QColor(0xd5, 0x5e, 0x00), QCPScatterStyle::ssDiamond);
    // Drawn last and dashed: with fp32 the codec's line lies right under it.
    m_raw = line(this, tr("Raw tensor"), QColor(0x33, 0x33, 0x33), QCPScatterStyle::ssCircle);
    colourRawLine();
    m_title = addTitleAndSideLegend(this);
    m_title->setText(tr("Transfer size per split"));
}

void TransferSizePlot::colourRawLine()
{
    const QColor colour = palette().color(QPalette::Text);
    m_raw->setPen(QPen(colour, 1.0, Qt::DashLine));
    m_raw->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, 5));
}

void TransferSizePlot::changeEvent(QEvent *event)
{
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        colourRawLine();
        replot(QCustomPlot::rpQueuedReplot);
    }
}

void TransferSizePlot::setSeries(const plan::SplitSeries &series)
{
    // A log axis cannot show zero: splits that send nothing (all on the device) leave a gap.
    const auto gap = std::numeric_limits<double>::quiet_NaN();
    QVector<double> keys, raw, codec, tl;
    double low = 1e300, high = 0;
    for (const auto &p : series.points) {
        keys.push_back(p.split);
        const auto value = [&](int64_t bytes) {
            if (bytes <= 0)
                return gap;
            low = std::min(low, double(bytes));
            high = std::max(high, double(bytes));
            return double(bytes);
        };
        const bool sent = size_t(p.split) + 1 < series.points.size();
        raw.push_back(sent ? value(p.rawBytes) : gap);
        codec.push_back(sent ? value(p.codecBytes) : gap);
        tl.push_back(p.tl.empty() ? gap : value(p.tlBytes));
    }
    // Antialiased lines are stroked as whole paths: when sizes jump up and down across the log
    // axis at hundreds of splits that costs ~50 ms a frame. At that density smoothing shows
    // little, so it is kept for smaller models only.
    for (auto *graph : {m_raw, m_codec, m_tl})
        graph->setAntialiased(series.points.size() <= 100);
    m_raw->setData(keys, raw, true);
    m_codec->setData(keys, codec, true);
    m_tl->setData(keys, tl, true);
    m_title->setText(
        tr("%1 \u2014 transfer size per split").arg(QString::fromStdString(series.model)));
    xAxis->setRange(-0.7, series.points.empty() ? 1.0 : series.points.back().split + 0.7);
    if (high > 0)
        yAxis->setRange(low / 2, high * 2);
}

} // namespace cleave::plots
