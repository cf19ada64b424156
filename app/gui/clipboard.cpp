// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/clipboard.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QPainter>
#include <QTableView>
#include <QTreeView>
#include <qcustomplot.h>

#include <algorithm>

namespace cleave::gui {

namespace {

bool columnHidden(const QAbstractItemView &view, int column)
{
    if (const auto *table = qobject_cast<const QTableView *>(&view))
        return table->isColumnHidden(column);
    if (const auto *tree = qobject_cast<const QTreeView *>(&view))
        return tree->isColumnHidden(column);
    return false;
}

// Where a row stands in the view's order: its top-level row, then its own row under it.
std::pair<int, int> place(const QModelIndex &index)
{
    return index.parent().isValid() ? std::pair{index.parent().row(), index.row()}
                                    : std::pair{index.row(), -1};
}

} // namespace

QString rowsAsText(const QAbstractItemView &view)
{
    const auto *model = view.model();
    if (!model)
        return {};
    QModelIndexList rows;
    if (view.selectionModel())
        rows = view.selectionModel()->selectedRows();
    if (rows.isEmpty() && view.currentIndex().isValid())
        rows.push_back(view.currentIndex().siblingAtColumn(0));
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return place(a) < place(b); });
    QList<int> columns;
    for (int c = 0; c < model->columnCount(); ++c)
        if (!columnHidden(view, c))
            columns.push_back(c);
    const auto line = [&](auto cell) {
        QStringList cells;
        for (int c : columns)
            cells.push_back(cell(c).toString().replace(QLatin1Char('\t'), QLatin1Char(' ')));
        return cells.join(QLatin1Char('\t'));
    };
    QStringList lines{line([&](int c) { return model->headerData(c, Qt::Horizontal); })};
    for (const auto &r : rows)
        lines.push_back(line([&](int c) { return r.siblingAtColumn(c).data(); }));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QPixmap plotsAsPixmap(const QList<QCustomPlot *> &plots, const QColor &background)
{
    int width = 0, height = 0;
    for (auto *plot : plots) {
        width = std::max(width, plot->width());
        height += plot->height();
    }
    QPixmap pixmap(std::max(width, 1), std::max(height, 1));
    pixmap.fill(background);
    QPainter painter(&pixmap);
    int y = 0;
    for (auto *plot : plots) {
        painter.drawPixmap(0, y, plot->toPixmap(plot->width(), plot->height()));
        y += plot->height();
    }
    return pixmap;
}

} // namespace cleave::gui
