// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/plotstyle.h"

#include <QCoreApplication>

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

QCPTextElement *addTitleAndSideLegend(QCustomPlot *plot)
{
    // Tick labels in the reader's locale: "0,5" in German, "1,000" in English.
    plot->setLocale(QLocale());
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->plotLayout()->insertRow(0);
    auto *title = new QCPTextElement(plot, QString());
    plot->plotLayout()->addElement(0, 0, title);
    plot->axisRect()->insetLayout()->take(plot->legend);
    // The legend sits at the top of its column; an empty element below takes the rest.
    auto *side = new QCPLayoutGrid;
    plot->plotLayout()->addElement(1, 1, side);
    side->addElement(0, 0, plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(plot));
    side->setRowStretchFactor(0, 0.001);
    side->setRowStretchFactor(1, 1000);
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    plot->legend->setMargins(QMargins(6, 4, 6, 4));
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
