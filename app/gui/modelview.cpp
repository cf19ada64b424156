// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/modelview.h"

#include "plots/numbers.h"
#include "plots/transfersizeplot.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cleave::gui {

ModelView::ModelView(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(tr("No model open."), this);
    // A long name and shape wrap rather than widen the dock.
    m_title->setWordWrap(true);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by label, operator or shape"));
    m_filter->setClearButtonEnabled(true);
    m_cuts = new CutTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_cuts);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CutTableModel::Index, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_sizes = new plots::TransferSizePlot(this);
    m_sizes->setMinimumHeight(180);
    // Narrower than its legend asks: the dock, not the plot, decides the width.
    m_sizes->setMinimumWidth(200);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_sizes);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_filter);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT splitSelected(
                        m_proxy->data(m_proxy->index(current.row(), CutTableModel::Index)).toInt());
            });
}

void ModelView::setModel(const LoadedModel &model)
{
    m_title->setText(tr("%1 \u2014 %2, input %3")
                         .arg(model.name, plots::Numbers::blocks(model.blocks), model.inputShape));
    m_cuts->setCuts(model.cuts);
    // The sizes alone, before any timing: the raw tensor at each split.
    m_raw = {};
    m_raw.model = model.name.toStdString();
    for (const auto &c : model.cuts) {
        plan::SplitPoint p;
        p.split = c.index;
        p.rawBytes = c.bytes;
        p.codecBytes = c.bytes;
        m_raw.points.push_back(p);
    }
    show(m_raw);
}

namespace {

bool sameSizes(const plan::SplitSeries &a, const plan::SplitSeries &b)
{
    if (a.model != b.model || a.points.size() != b.points.size())
        return false;
    for (size_t i = 0; i < a.points.size(); ++i) {
        const auto &p = a.points[i], &q = b.points[i];
        if (p.rawBytes != q.rawBytes || p.codecBytes != q.codecBytes || p.tl != q.tl ||
            p.tlBytes != q.tlBytes)
            return false;
    }
    return true;
}

} // namespace

void ModelView::setMeasuredSizes(const plan::SplitSeries &series)
{
    if (series.points.size() != m_raw.points.size()) {
        show(m_raw);
        return;
    }
    auto measured = series;
    measured.model = m_raw.model;
    show(measured);
}

// Redraws only when the sizes change: the bandwidth slider re-plans without changing them.
void ModelView::show(const plan::SplitSeries &series)
{
    if (sameSizes(series, m_shown) && !series.points.empty())
        return;
    m_shown = series;
    m_sizes->setSeries(series);
    m_sizes->replot(QCustomPlot::rpQueuedReplot);
}

void ModelView::selectSplit(int split)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->data(m_proxy->index(row, CutTableModel::Index)).toInt() == split) {
            m_table->selectRow(row);
            return;
        }
    }
}

} // namespace cleave::gui
