// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

class QCustomPlot;

namespace cleave::plots {

/// Draws `plots` one below the other, each `width` x `height` pixels (points in PDF and SVG),
/// into `path`; the format follows the suffix: .png, .pdf or .svg. Works without a display (the
/// offscreen platform). Returns an empty string, or a one-line reason naming the file.
QString exportPlots(const QList<QCustomPlot *> &plots, const QString &path, int width = 1000,
                    int height = 500);

} // namespace cleave::plots
