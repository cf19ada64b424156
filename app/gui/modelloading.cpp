// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/modelloading.h"

#include "core/plan/fromstore.h"
#include "core/store/store.h"
#include "core/zoo/zoo.h"

namespace cleave::gui {

LoadedModel loadModel(const QString &spec)
{
    const auto graph = zoo::openModel(spec.toStdString(), std::nullopt);
    LoadedModel model;
    model.spec = spec;
    model.name = QString::fromStdString(graph.name());
    model.inputShape = QString::fromStdString(graph::formatShape(graph.inputShape()));
    model.blocks = graph.blockCount();
    for (const auto &c : graph.cuts())
        model.cuts.push_back({c.index, QString::fromStdString(c.label),
                              QString::fromStdString(c.op),
                              QString::fromStdString(graph::formatShape(c.shape)), c.bytes});
    return model;
}

QStringList zooNames()
{
    QStringList names;
    for (const auto &m : zoo::models())
        names.push_back(QStringLiteral("zoo:") + QString::fromStdString(m.name));
    return names;
}

QStringList timedModels(const QString &store)
{
    store::Store db(store.toStdString());
    QStringList names;
    for (const auto &n : db.modelNames())
        names.push_back(QString::fromStdString(n));
    return names;
}

std::shared_ptr<const plan::Planner> loadPlanner(const QString &store, const QString &model)
{
    store::Store db(store.toStdString());
    return std::make_shared<const plan::Planner>(plan::plannerFromStore(db, model.toStdString()));
}

} // namespace cleave::gui
