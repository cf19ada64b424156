// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QPixmap>
#include <QString>

class QAbstractItemView;
class QCustomPlot;

namespace cleave::gui {

/// The selected rows of a table (else its current row) as tab-separated text: the header line,
/// then one line per row, visible columns only, as displayed. Empty when no row is chosen.
QString rowsAsText(const QAbstractItemView &view);

/// The plots one below the other, each as large as on screen, on `background`.
QPixmap plotsAsPixmap(const QList<QCustomPlot *> &plots, const QColor &background);

} // namespace cleave::gui
