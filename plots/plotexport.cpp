// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/plotexport.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace cleave::plots {

namespace {

bool drawStacked(QPaintDevice &device, const QList<QCustomPlot *> &plots, int width, int height,
                 bool vector, double scale = 1.0)
{
    QCPPainter painter(&device);
    if (!painter.isActive())
        return false;
    painter.scale(scale, scale);
    if (vector)
        painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    for (auto *plot : plots) {
        plot->toPainter(&painter, width, height);
        painter.translate(0, height);
    }
    return true;
}

} // namespace

QString exportPlots(const QList<QCustomPlot *> &plots, const QString &path, int width, int height,
                    int dpi)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int total = height * int(plots.size());
    if (width < 16 || height < 16 || width > 20000 || height > 20000)
        return QCoreApplication::translate("cleave::plots::PlotExport",
                                           "%1: a plot of %2 x %3 is outside 16 to 20000 on a side")
            .arg(path)
            .arg(width)
            .arg(height);
    if (dpi < 24 || dpi > 1200)
        return QCoreApplication::translate("cleave::plots::PlotExport",
                                           "%1: %2 DPI is outside 24 to 1200")
            .arg(path)
            .arg(dpi);
    if (suffix == QLatin1String("png")) {
        const double scale = dpi / 96.0;
        QImage image(int(std::lround(width * scale)), int(std::lround(total * scale)),
                     QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        // Fonts in points take their pixel size from the device's DPI: drawn at 96 and scaled,
        // text grows with the pixels, as everything else does. The file then says its DPI.
        const auto dotsPerMeter = [&image](double perInch) {
            image.setDotsPerMeterX(int(std::lround(perInch / 0.0254)));
            image.setDotsPerMeterY(int(std::lround(perInch / 0.0254)));
        };
        dotsPerMeter(96);
        const bool drawn = drawStacked(image, plots, width, height, false, scale);
        dotsPerMeter(dpi);
        if (!drawn || !image.save(path, "PNG"))
            return QCoreApplication::translate("cleave::plots::PlotExport",
                                               "%1: cannot write the PNG file")
                .arg(path);
        return {};
    }
    QFile file(path);
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        return QCoreApplication::translate("cleave::plots::PlotExport",
                                           "%1: unknown image format '%2' (use .png, .pdf or .svg)")
            .arg(path, suffix);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("cleave::plots::PlotExport",
                                           "%1: cannot write the file (%2)")
            .arg(path, file.errorString());
    bool drawn = false;
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&file);
        pdf.setResolution(72); // one pixel of the plot = one point
        pdf.setPageSize(QPageSize(QSizeF(width, total), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("Cleave"));
        drawn = drawStacked(pdf, plots, width, height, true);
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(QSize(width, total));
        svg.setViewBox(QRect(0, 0, width, total));
        svg.setTitle(QCoreApplication::translate("cleave::plots::PlotExport", "Cleave plot"));
        drawn = drawStacked(svg, plots, width, height, true);
    }
    file.close();
    if (!drawn || file.error() != QFileDevice::NoError)
        return QCoreApplication::translate("cleave::plots::PlotExport", "%1: cannot write the file")
            .arg(path);
    return {};
}

} // namespace cleave::plots
