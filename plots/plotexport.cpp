// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/plotexport.h"

#include <qcustomplot.h>

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace cleave::plots {

namespace {

bool drawStacked(QPaintDevice &device, const QList<QCustomPlot *> &plots, int width, int height,
                 bool vector)
{
    QCPPainter painter(&device);
    if (!painter.isActive())
        return false;
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

QString exportPlots(const QList<QCustomPlot *> &plots, const QString &path, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int total = height * int(plots.size());
    if (suffix == QLatin1String("png")) {
        QImage image(width, total, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        if (!drawStacked(image, plots, width, height, false) || !image.save(path, "PNG"))
            return path + QStringLiteral(": cannot write the PNG file");
        return {};
    }
    QFile file(path);
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        return path + QStringLiteral(": unknown image format '") + suffix +
               QStringLiteral("' (use .png, .pdf or .svg)");
    if (!file.open(QIODevice::WriteOnly))
        return path + QStringLiteral(": cannot write the file (") + file.errorString() +
               QStringLiteral(")");
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
        svg.setTitle(QStringLiteral("Cleave plot"));
        drawn = drawStacked(svg, plots, width, height, true);
    }
    file.close();
    if (!drawn || file.error() != QFileDevice::NoError)
        return path + QStringLiteral(": cannot write the file");
    return {};
}

} // namespace cleave::plots
