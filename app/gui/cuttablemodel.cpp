// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/cuttablemodel.h"

#include "plots/numbers.h"

namespace cleave::gui {

CutTableModel::CutTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CutTableModel::setCuts(QList<CutRow> cuts)
{
    beginResetModel();
    m_cuts = std::move(cuts);
    endResetModel();
}

int CutTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cuts.size());
}

int CutTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CutTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cuts.size())
        return {};
    const auto &cut = m_cuts[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Index:
            return cut.index;
        case Label:
            return cut.label;
        case Operator:
            return cut.op;
        case Shape:
            return cut.shape;
        case Size:
            return plots::Numbers::bytes(double(cut.bytes));
        }
    } else if (role == Qt::UserRole) { // what the proxy sorts by
        switch (index.column()) {
        case Index:
            return cut.index;
        case Size:
            return cut.bytes;
        default:
            return data(index, Qt::DisplayRole);
        }
    } else if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == Index || index.column() == Size;
        return QVariant::fromValue(
            Qt::Alignment((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    return {};
}

QVariant CutTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Index:
        return tr("Split");
    case Label:
        return tr("Label");
    case Operator:
        return tr("Operator");
    case Shape:
        return tr("Shape");
    case Size:
        return tr("Size");
    }
    return {};
}

} // namespace cleave::gui
