// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/modelloading.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class QLabel;

namespace cleave::plots {
class TransferSizePlot;
}

namespace cleave::gui {

/// A model's cuts: a sortable, filterable table beside the transfer size per split. Selecting a
/// row selects that split everywhere. Where the model is cut (its blocks, or every node) is
/// chosen above the table; a cut that several tensors cross expands to list them.
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
    QComboBox *granularityBox() const { return m_granularity; }
    QTreeView *cutView() const { return m_table; }
    /// The granularity the box shows (the open model's, unless the user just chose another).
    void showGranularity(graph::Granularity granularity);

Q_SIGNALS:
    void splitSelected(int split);
    /// The user chose where to cut the model.
    void granularityChosen(graph::Granularity granularity);

public Q_SLOTS:
    void selectSplit(int split);

private:
    void show(const plan::SplitSeries &series);

    CutTableModel *m_cuts = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_granularity = nullptr;
    QLabel *m_title = nullptr;
    plots::TransferSizePlot *m_sizes = nullptr;
    plan::SplitSeries m_raw;   ///< the model's own sizes, before any timing
    plan::SplitSeries m_shown; ///< what the plot shows now
};

} // namespace cleave::gui
