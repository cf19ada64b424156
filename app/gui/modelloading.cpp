// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/modelloading.h"

#include "core/bundle/exporter.h"
#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/store/store.h"
#include "core/zoo/zoo.h"

#include <QCoreApplication>
#include <QFileInfo>

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

QString runExport(const ExportJob &job, const ExportCallbacks &callbacks,
                  const std::atomic<bool> &cancelled)
{
    const auto percent = [](double fraction) { return QString::number(fraction * 100, 'f', 2); };
    const auto log = [&](const QString &line) {
        if (callbacks.log)
            callbacks.log(line);
    };
    bundle::ExportRequest request;
    request.model = job.model.toStdString();
    request.split = job.split;
    request.tl = job.tl.toStdString();
    request.data = job.data.toStdString();
    request.training.epochs = job.epochs;
    request.training.learningRate = job.learningRate;
    request.trainLimit = job.trainLimit;
    request.testLimit = job.testLimit;
    request.afterCutOnly = job.afterCutOnly;
    request.link = job.link.toStdString();
    request.output = job.output.toStdString();
    request.force = job.force;
    // Predict only when the project has timings of this model.
    if (!job.project.isEmpty() && QFileInfo::exists(job.project)) {
        request.db = job.project.toStdString();
        request.predictOnlyIfTimed = true;
    }
    bundle::ExportObserver observer;
    observer.progress = [&](double fraction, std::string_view what) {
        if (callbacks.progress)
            callbacks.progress(fraction, QString::fromUtf8(what.data(), qsizetype(what.size())));
        return !cancelled.load();
    };
    observer.evaluated = [&](const tl::Accuracy &baseline, const tl::Accuracy &before) {
        log(QCoreApplication::translate(
                "cleave::gui::ModelLoading",
                "model as it is: top-1 %1 %; with %2 before fine-tuning: top-1 %3 %")
                .arg(percent(baseline.top1), job.tl, percent(before.top1)));
    };
    observer.epoch = [&](const tl::EpochReport &r) {
        log(QCoreApplication::translate("cleave::gui::ModelLoading",
                                        "epoch %1/%2: loss %3, test top-1 %4 %, top-5 %5 %")
                .arg(r.epoch)
                .arg(job.epochs)
                .arg(r.loss, 0, 'f', 4)
                .arg(percent(r.test.top1), percent(r.test.top5)));
    };
    if (cancelled)
        throw Error(ErrorKind::Cancelled, "export cancelled");
    const auto result = bundle::exportSplit(request, observer);
    auto summary = QCoreApplication::translate("cleave::gui::ModelLoading",
                                               "wrote %1: split %2%3, %4 on the wire")
                       .arg(job.output)
                       .arg(job.split)
                       .arg(job.tl.isEmpty() ? QString() : QStringLiteral(" with ") + job.tl)
                       .arg(QString::fromStdString(graph::formatShape(result.info.wireShape)));
    if (result.info.predictedLatency_s)
        summary +=
            QCoreApplication::translate("cleave::gui::ModelLoading", ", predicted %1 ms (%2)")
                .arg(*result.info.predictedLatency_s * 1e3, 0, 'f', 2)
                .arg(QString::fromStdString(result.info.predictedOn));
    return summary;
}

} // namespace cleave::gui
