// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QString>

namespace cleave::gui {

/// One tensor that crosses a cut.
struct CutTensorRow
{
    QString label;
    QString op;
    QString shape; ///< with its dtype: "1x64x56x56 float32"
    qint64 bytes = 0;
};

/// One cut as the model view shows it: plain Qt data, made on the worker that analysed the
/// model, so the GUI thread never touches LibTorch.
struct CutRow
{
    int index = 0;
    QString label;
    QString op;
    QString shape;
    qint64 bytes = 0;
    QList<CutTensorRow> tensors; ///< every tensor that crosses, in the cut's order
};

/// The cuts of a model: index, label, operator, how many tensors cross, shape and size. A cut
/// that several tensors cross (node granularity) has a child row for each. Sorting goes
/// through a QSortFilterProxyModel; the numeric columns sort as numbers (Qt::UserRole).
class CutTableModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Index, Label, Operator, Tensors, Shape, Size, ColumnCount };

    explicit CutTableModel(QObject *parent = nullptr);

    void setCuts(QList<CutRow> cuts);
    const QList<CutRow> &cuts() const { return m_cuts; }
    /// The split an index names: its own row's, or its parent's for a tensor row.
    int splitAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant cutData(const CutRow &cut, int column, int role) const;
    QVariant tensorData(const CutTensorRow &tensor, int column, int role) const;

    QList<CutRow> m_cuts;
};

} // namespace cleave::gui
