// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/modelview.h"

#include "plots/numbers.h"
#include "plots/transfersizeplot.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace cleave::gui {

namespace {

QString granularityLabel(graph::Granularity granularity)
{
    switch (granularity) {
    case graph::Granularity::Block:
        return ModelView::tr("Blocks (one tensor crosses)");
    case graph::Granularity::Node:
        return ModelView::tr("Every node (several tensors may cross)");
    }
    return {};
}

} // namespace

ModelView::ModelView(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(tr("No model open."), this);
    // A long name and shape wrap rather than widen the dock.
    m_title->setWordWrap(true);
    m_granularity = new QComboBox(this);
    for (const auto &name : graph::granularityNames()) {
        const auto granularity = *graph::granularityNamed(name);
        m_granularity->addItem(granularityLabel(granularity), int(granularity));
    }
    // The dock, not the longest label, decides the width.
    m_granularity->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_granularity->setMinimumContentsLength(10);
    m_granularity->setToolTip(
        tr("Where the model may be split. Blocks: where one tensor crosses, as Scission cuts. "
           "Every node: between any two operations, sending every tensor still needed after "
           "it. Benchmark, plan, offload and export follow this choice."));
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by label, operator or shape"));
    m_filter->setClearButtonEnabled(true);
    m_cuts = new CutTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_cuts);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A child matching the filter keeps its cut's row.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_table = new QTreeView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CutTableModel::Index, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->header()->setStretchLastSection(true);
    m_sizes = new plots::TransferSizePlot(this);
    m_sizes->setMinimumHeight(180);
    // Narrower than its legend asks: the dock, not the plot, decides the width.
    m_sizes->setMinimumWidth(200);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_sizes);
    auto *cutsAt = new QFormLayout;
    cutsAt->addRow(tr("&Cuts:"), m_granularity);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(cutsAt);
    layout->addWidget(m_filter);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const int split = m_cuts->splitAt(m_proxy->mapToSource(current));
                if (split >= 0)
                    Q_EMIT splitSelected(split);
            });
    connect(m_granularity, &QComboBox::activated, this, [this] {
        Q_EMIT granularityChosen(graph::Granularity(m_granularity->currentData().toInt()));
    });
}

void ModelView::showGranularity(graph::Granularity granularity)
{
    m_granularity->setCurrentIndex(m_granularity->findData(int(granularity)));
}

void ModelView::setModel(const LoadedModel &model)
{
    m_title->setText(tr("%1 \u2014 %2, input %3")
                         .arg(model.name, plots::Numbers::blocks(model.blocks), model.inputShape));
    m_cuts->setCuts(model.cuts);
    showGranularity(model.granularity);
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
    // A tensor row of the split stays selected: it already names that split.
    if (m_cuts->splitAt(m_proxy->mapToSource(m_table->currentIndex())) == split)
        return;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const auto index = m_proxy->index(row, CutTableModel::Index);
        if (m_cuts->splitAt(m_proxy->mapToSource(index)) == split) {
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
            return;
        }
    }
}

} // namespace cleave::gui
