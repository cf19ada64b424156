// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-render-icon SVG SIZE PNG: draws the icon at SIZE x SIZE pixels. A build tool, so that the
// PNG icon sizes come from the one SVG and cannot drift from it.
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: cleave-render-icon SVG SIZE PNG\n");
        return 2;
    }
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    const int size = std::atoi(argv[2]);
    if (!svg.isValid() || size <= 0) {
        std::fprintf(stderr, "cleave-render-icon: %s: not an SVG, or size %s is not a size\n",
                     argv[1], argv[2]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    if (!image.save(QString::fromLocal8Bit(argv[3]), "PNG")) {
        std::fprintf(stderr, "cleave-render-icon: %s: cannot write\n", argv[3]);
        return 1;
    }
    return 0;
}
