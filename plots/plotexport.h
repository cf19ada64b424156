// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

class QCustomPlot;

namespace cleave::plots {

/// Draws `plots` one below the other, each `width` x `height` pixels at 96 DPI (points in PDF
/// and SVG), into `path`; the format follows the suffix: .png, .pdf or .svg. A PNG is rendered
/// at `dpi` (its pixels scale by dpi / 96) and records it. Works without a display (the
/// offscreen platform). Returns an empty string, or a one-line reason naming the file.
QString exportPlots(const QList<QCustomPlot *> &plots, const QString &path, int width = 1000,
                    int height = 500, int dpi = 96);

} // namespace cleave::plots
