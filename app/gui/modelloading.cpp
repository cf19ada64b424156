// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/modelloading.h"

#include "core/bundle/exporter.h"
#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/store/store.h"
#include "core/zoo/zoo.h"
#include "plots/numbers.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace cleave::gui {

namespace {

CutRow rowOf(const graph::Cut &c)
{
    CutRow row{c.index,
               QString::fromStdString(c.label),
               QString::fromStdString(c.op),
               QString::fromStdString(graph::formatShapes(c)),
               c.bytes,
               {}};
    for (const auto &t : c.tensors)
        row.tensors.push_back({QString::fromStdString(t.label), QString::fromStdString(t.op),
                               QString::fromStdString(graph::formatShape(t.shape) + " " + t.dtype),
                               t.bytes});
    return row;
}

FlowGraph flowOf(const graph::ModelGraph &graph)
{
    std::vector<std::string> labels, details;
    for (const auto &block : graph.blocks()) {
        labels.push_back(block.label);
        std::string ops;
        for (const auto &op : block.ops)
            ops += (ops.empty() ? "" : ", ") + op;
        if (ops.size() > 300)
            ops = ops.substr(0, 300) + "...";
        details.push_back(ops);
    }
    return flowGraph(labels, details, graph.dataFlow());
}

} // namespace

LoadedModel loadModel(const QString &spec, graph::Granularity granularity)
{
    const auto graph = zoo::openModel(spec.toStdString(), std::nullopt, 0,
                                      graph::ModelGraph::Original::Keep, {granularity});
    LoadedModel model;
    model.spec = spec;
    // A file by its name, as titles show it; a zoo model by the graph's own name.
    model.name = zoo::zooName(spec.toStdString()) ? QString::fromStdString(graph.name())
                                                  : QFileInfo(spec).fileName();
    model.inputShape = QString::fromStdString(graph::formatShape(graph.inputShape()));
    model.blocks = graph.blockCount();
    model.granularity = granularity;
    for (const auto &c : graph.cuts())
        model.cuts.push_back(rowOf(c));
    model.flow = std::make_shared<const FlowGraph>(flowOf(graph));
    return model;
}

QStringList zooNames()
{
    QStringList names;
    for (const auto &m : zoo::models())
        names.push_back(QStringLiteral("zoo:") + QString::fromStdString(m.name));
    return names;
}

QList<ZooChoice> zooChoices()
{
    QList<ZooChoice> choices;
    for (const auto &m : zoo::models())
        choices.push_back({QStringLiteral("zoo:") + QString::fromStdString(m.name),
                           QString::fromStdString(m.description),
                           QString::fromStdString(graph::formatShape(m.defaultInput)), m.classes});
    return choices;
}

QStringList timedModels(const QString &store)
{
    store::Store db(store.toStdString());
    QStringList names;
    for (const auto &n : db.modelNames())
        names.push_back(QString::fromStdString(n));
    return names;
}

std::shared_ptr<const plan::Planner> loadPlanner(const QString &store, const QString &model,
                                                 graph::Granularity granularity)
{
    store::Store db(store.toStdString());
    return std::make_shared<const plan::Planner>(
        plan::plannerFromStore(db, model.toStdString(), granularity));
}

QString runExport(const bundle::ExportRequest &request, const ExportCallbacks &callbacks,
                  const std::atomic<bool> &cancelled)
{
    const auto percent = [](double fraction) { return plots::Numbers::percent(fraction * 100); };
    const auto log = [&](const QString &line) {
        if (callbacks.log)
            callbacks.log(line);
    };
    const auto tl = QString::fromStdString(request.tl);
    bundle::ExportObserver observer;
    observer.progress = [&](double fraction, std::string_view what) {
        if (callbacks.progress)
            callbacks.progress(fraction, QString::fromUtf8(what.data(), qsizetype(what.size())));
        return !cancelled.load();
    };
    observer.evaluated = [&](const tl::Accuracy &baseline, const tl::Accuracy &before) {
        log(QCoreApplication::translate(
                "cleave::gui::ModelLoading",
                "model as it is: top-1 %1; with %2 before fine-tuning: top-1 %3")
                .arg(percent(baseline.top1), tl, percent(before.top1)));
    };
    observer.epoch = [&](const tl::EpochReport &r) {
        log(QCoreApplication::translate("cleave::gui::ModelLoading",
                                        "epoch %1/%2: loss %3, test top-1 %4, top-5 %5")
                .arg(r.epoch)
                .arg(request.training.epochs)
                .arg(plots::Numbers::significant(r.loss))
                .arg(percent(r.test.top1), percent(r.test.top5)));
    };
    if (cancelled)
        throw Error(ErrorKind::Cancelled, "export cancelled");
    const auto result = bundle::exportSplit(request, observer);
    auto summary = QCoreApplication::translate("cleave::gui::ModelLoading",
                                               "wrote %1: split %2%3, %4 on the wire")
                       .arg(QString::fromStdString(request.output))
                       .arg(request.split)
                       .arg(tl.isEmpty() ? QString() : QStringLiteral(" with ") + tl)
                       .arg(QString::fromStdString(bundle::formatWire(result.info)));
    if (result.info.predictedLatency_s)
        summary += QCoreApplication::translate("cleave::gui::ModelLoading", ", predicted %1 (%2)")
                       .arg(plots::Numbers::milliseconds(*result.info.predictedLatency_s))
                       .arg(QString::fromStdString(result.info.predictedOn));
    return summary;
}

} // namespace cleave::gui
