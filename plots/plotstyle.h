// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/costs.h"

#include <qcustomplot.h>

#include <QColor>
#include <QString>

namespace cleave::plots {

/// One colour per latency part, the same in every plot, legend and table.
QColor partColour(plan::Part part);
/// "Device", "DeviceTL", "Serialise", ...: how the plots name a part.
QString partLabel(plan::Part part);

/// Gives `plot` a title row above the axis rect and moves its legend into a column to the right
/// of it, where it cannot hide bars. Returns the title element.
QCPTextElement *addTitleAndSideLegend(QCustomPlot *plot);
/// Gives `plot` the colours of `palette` (background, axes, grid, text, legend), so it reads
/// in a light or a dark theme; the data colours stay as they are.
void applyPalette(QCustomPlot *plot, const QPalette &palette);

/// Split indices are whole numbers: ticks at 1, 2, 5, 10, ... steps, never 2.5.
void useSplitTicks(QCPAxis *axis);

} // namespace cleave::plots
