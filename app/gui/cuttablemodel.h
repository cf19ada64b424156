// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace cleave::gui {

/// One cut as the model view shows it: plain Qt data, made on the worker that analysed the
/// model, so the GUI thread never touches LibTorch.
struct CutRow
{
    int index = 0;
    QString label;
    QString op;
    QString shape;
    qint64 bytes = 0;
};

/// The cuts of a model: index, label, operator, shape and size in MB. Sorting goes through a
/// QSortFilterProxyModel; the numeric columns sort as numbers (Qt::UserRole).
class CutTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Index, Label, Operator, Shape, Size, ColumnCount };

    explicit CutTableModel(QObject *parent = nullptr);

    void setCuts(QList<CutRow> cuts);
    const QList<CutRow> &cuts() const { return m_cuts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<CutRow> m_cuts;
};

} // namespace cleave::gui
