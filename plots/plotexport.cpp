// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/plotexport.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace cleave::plots {

namespace {

void drawStacked(QPaintDevice &device, const QList<QCustomPlot *> &plots, int width, int height,
                 bool vector)
{
    QCPPainter painter(&device);
    if (vector)
        painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    for (auto *plot : plots) {
        plot->toPainter(&painter, width, height);
        painter.translate(0, height);
    }
}

} // namespace

QString exportPlots(const QList<QCustomPlot *> &plots, const QString &path, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int total = height * int(plots.size());
    if (suffix == QLatin1String("png")) {
        QImage image(width, total, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        drawStacked(image, plots, width, height, false);
        if (!image.save(path, "PNG"))
            return path + QStringLiteral(": cannot write the PNG file");
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setResolution(72); // one pixel of the plot = one point
        pdf.setPageSize(QPageSize(QSizeF(width, total), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("Cleave"));
        drawStacked(pdf, plots, width, height, true);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(width, total));
        svg.setViewBox(QRect(0, 0, width, total));
        svg.setTitle(QStringLiteral("Cleave plot"));
        drawStacked(svg, plots, width, height, true);
    } else {
        return path + QStringLiteral(": unknown image format '") + suffix +
               QStringLiteral("' (use .png, .pdf or .svg)");
    }
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0)
        return path + QStringLiteral(": cannot write the file");
    return {};
}

} // namespace cleave::plots
