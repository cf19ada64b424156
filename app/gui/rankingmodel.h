// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/costs.h"

#include <QAbstractTableModel>

namespace cleave::gui {

/// The planner's ranking, best first: split, Transfer Layer, total and the main parts in ms,
/// the bytes each inference uploads, the top-1 accuracy measured of it (its tool-tip the whole
/// measurement) and the resources that run it (also every row's tool-tip), so that rows
/// differing only by resource can be told apart.
class RankingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Rank,
        Split,
        Tl,
        Total,
        Device,
        Uplink,
        Edge,
        Upload,
        Accuracy,
        Resources,
        ColumnCount
    };

    explicit RankingModel(QObject *parent = nullptr);

    void setRanking(std::vector<plan::Configuration> ranking);
    const std::vector<plan::Configuration> &ranking() const { return m_ranking; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<plan::Configuration> m_ranking;
};

} // namespace cleave::gui
