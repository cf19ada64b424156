// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/cuttablemodel.h"

#include "plots/numbers.h"

namespace cleave::gui {

namespace {

// A cut's rows carry internal id 0; a tensor's row the row of its cut plus one.
constexpr quintptr kCutRow = 0;

bool numeric(int column)
{
    return column == CutTableModel::Index || column == CutTableModel::Tensors ||
           column == CutTableModel::Size;
}

} // namespace

CutTableModel::CutTableModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void CutTableModel::setCuts(QList<CutRow> cuts)
{
    beginResetModel();
    m_cuts = std::move(cuts);
    endResetModel();
}

int CutTableModel::splitAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return -1;
    const int row = index.internalId() == kCutRow ? index.row() : int(index.internalId() - 1);
    return row < m_cuts.size() ? m_cuts[row].index : -1;
}

QModelIndex CutTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_cuts.size() ? createIndex(row, column, kCutRow) : QModelIndex();
    if (parent.internalId() != kCutRow || parent.row() >= m_cuts.size() ||
        row >= m_cuts[parent.row()].tensors.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex CutTableModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kCutRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kCutRow);
}

int CutTableModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_cuts.size());
    if (parent.internalId() != kCutRow || parent.column() != 0 || parent.row() >= m_cuts.size())
        return 0;
    // A cut of one tensor says all there is on its own row.
    const auto &tensors = m_cuts[parent.row()].tensors;
    return tensors.size() > 1 ? int(tensors.size()) : 0;
}

int CutTableModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CutTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
            (numeric(index.column()) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (index.internalId() == kCutRow)
        return index.row() < m_cuts.size() ? cutData(m_cuts[index.row()], index.column(), role)
                                           : QVariant();
    const auto &cut = m_cuts.value(int(index.internalId() - 1));
    return index.row() < cut.tensors.size()
               ? tensorData(cut.tensors[index.row()], index.column(), role)
               : QVariant();
}

QVariant CutTableModel::cutData(const CutRow &cut, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Index:
            return cut.index;
        case Label:
            return cut.label;
        case Operator:
            return cut.op;
        case Tensors:
            return int(std::max<qsizetype>(cut.tensors.size(), 1));
        case Shape:
            return cut.shape;
        case Size:
            return plots::Numbers::bytes(double(cut.bytes));
        }
    } else if (role == Qt::UserRole) { // what the proxy sorts by
        switch (column) {
        case Index:
            return cut.index;
        case Size:
            return cut.bytes;
        default:
            return cutData(cut, column, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant CutTableModel::tensorData(const CutTensorRow &tensor, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (column) {
    case Label:
        return tensor.label;
    case Operator:
        return tensor.op;
    case Shape:
        return tensor.shape;
    case Size:
        return role == Qt::UserRole ? QVariant(tensor.bytes)
                                    : QVariant(plots::Numbers::bytes(double(tensor.bytes)));
    }
    return {};
}

QVariant CutTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Index:
        return tr("Split");
    case Label:
        return tr("Label");
    case Operator:
        return tr("Operator");
    case Tensors:
        return tr("Tensors");
    case Shape:
        return tr("Shape");
    case Size:
        return tr("Size");
    }
    return {};
}

} // namespace cleave::gui
