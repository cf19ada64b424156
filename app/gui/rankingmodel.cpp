// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/rankingmodel.h"

#include "plots/numbers.h"

namespace cleave::gui {

namespace {

double partMs(const plan::Configuration &c, plan::Part part)
{
    return c.parts[size_t(int(part))] * 1e3;
}

/// "87.2 %", with "ft" where the TL was fine-tuned; a dash where nothing was measured.
QString accuracyText(const plan::Configuration &c)
{
    if (!c.accuracy)
        return QStringLiteral("—");
    const auto top1 = plots::Numbers::percent(c.accuracy->top1 * 100);
    return c.accuracy->fineTuned.empty() ? top1 : RankingModel::tr("%1 ft").arg(top1);
}

QString accuracyTip(const plan::Configuration &c)
{
    if (!c.accuracy)
        return RankingModel::tr("No accuracy measured for this configuration: measure it with "
                                "cleave-cli accuracy on the project file");
    const auto &a = *c.accuracy;
    auto tip =
        RankingModel::tr("Top-1 %1, top-5 %2, agreement with the unsplit model %3; "
                         "%4 lost, on %5 images of %6")
            .arg(plots::Numbers::percent(a.top1 * 100), plots::Numbers::percent(a.top5 * 100),
                 plots::Numbers::percent(a.agreement * 100), plots::Numbers::points(a.drop_pp))
            .arg(a.images)
            .arg(QString::fromStdString(a.dataset));
    if (!a.fineTuned.empty())
        tip += RankingModel::tr("; TL fine-tuned: %1").arg(QString::fromStdString(a.fineTuned));
    return tip;
}

} // namespace

RankingModel::RankingModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RankingModel::setRanking(std::vector<plan::Configuration> ranking)
{
    // Same length (a re-rank as a slider moves): only the cells change, so views keep their
    // selection and scroll position.
    if (ranking.size() == m_ranking.size() && !ranking.empty()) {
        m_ranking = std::move(ranking);
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_ranking = std::move(ranking);
    endResetModel();
}

int RankingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ranking.size());
}

int RankingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RankingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_ranking.size())
        return {};
    const auto &c = m_ranking[size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
            (index.column() == Tl || index.column() == Resources ? Qt::AlignLeft : Qt::AlignRight) |
            Qt::AlignVCenter));
    // Device -> edge -> cloud, the tiers that take part.
    const auto resources = [&c] {
        QStringList names;
        for (const auto &name : c.resources)
            if (!name.empty())
                names.push_back(QString::fromStdString(name));
        return names.join(QStringLiteral(" \u2192 "));
    };
    if (role == Qt::ToolTipRole)
        return index.column() == Accuracy ? accuracyTip(c)
                                          : tr("Split %1 on %2").arg(c.s1).arg(resources());
    if (role != Qt::DisplayRole)
        return {};
    const auto ms = [](double value) { return plots::Numbers::significant(value); };
    switch (index.column()) {
    case Rank:
        return index.row() + 1;
    case Split:
        return c.s1;
    case Tl:
        return c.tl.empty() ? tr("none") : QString::fromStdString(c.tl);
    case Total:
        return ms(c.total_s * 1e3);
    case Device:
        return ms(partMs(c, plan::Part::Device) + partMs(c, plan::Part::DeviceTl));
    case Uplink:
        return ms(partMs(c, plan::Part::Uplink));
    case Edge:
        return ms(partMs(c, plan::Part::EdgeTl) + partMs(c, plan::Part::Edge));
    case Upload:
        return plots::Numbers::bytes(double(c.uploadBytes));
    case Accuracy:
        return accuracyText(c);
    case Resources:
        return resources();
    }
    return {};
}

QVariant RankingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank:
        return tr("#");
    case Split:
        return tr("Split");
    case Tl:
        return tr("TL");
    case Total:
        return tr("Total ms");
    case Device:
        return tr("Device ms");
    case Uplink:
        return tr("Uplink ms");
    case Edge:
        return tr("Edge ms");
    case Upload:
        return tr("Upload");
    case Accuracy:
        return tr("Accuracy");
    case Resources:
        return tr("Resources");
    }
    return {};
}

} // namespace cleave::gui
