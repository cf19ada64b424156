// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/modelloading.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QLabel;

namespace cleave::plots {
class TransferSizePlot;
}

namespace cleave::gui {

/// A model's cuts: a sortable, filterable table beside the transfer size per split. Selecting a
/// row selects that split everywhere.
class ModelView : public QWidget
{
    Q_OBJECT

public:
    explicit ModelView(QWidget *parent = nullptr);

    void setModel(const LoadedModel &model);
    /// Sizes as measured (codec and Transfer Layer bytes per split) for the model shown; an
    /// empty or foreign series (another split count) shows the raw sizes alone again.
    void setMeasuredSizes(const plan::SplitSeries &series);
    plots::TransferSizePlot *sizesPlot() const { return m_sizes; }
    CutTableModel *cutModel() const { return m_cuts; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    void splitSelected(int split);

public Q_SLOTS:
    void selectSplit(int split);

private:
    void show(const plan::SplitSeries &series);

    CutTableModel *m_cuts = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_title = nullptr;
    plots::TransferSizePlot *m_sizes = nullptr;
    plan::SplitSeries m_raw;   ///< the model's own sizes, before any timing
    plan::SplitSeries m_shown; ///< what the plot shows now
};

} // namespace cleave::gui
