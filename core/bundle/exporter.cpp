// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/bundle/exporter.h"

#include "core/error.h"
#include "core/modelid.h"
#include "core/plan/fromstore.h"
#include "core/store/store.h"
#include "core/store/storedmodels.h"
#include "core/tl/dataset.h"
#include "core/tl/inserter.h"
#include "core/zoo/zoo.h"

#include <filesystem>

namespace cleave::bundle {

namespace {

std::pair<tl::Dataset, tl::Dataset> loadData(const ExportRequest &request,
                                             const graph::Shape &input)
{
    const auto images = tl::imageOptionsFor(input);
    return {tl::openDataset(request.data, true, images, request.trainLimit),
            tl::openDataset(request.data, false, images, request.testLimit)};
}

void checkNotCancelled(const ExportObserver &observer, double fraction, std::string_view what)
{
    if (observer.progress && !observer.progress(fraction, what))
        throw Error(ErrorKind::Cancelled, "export cancelled");
}

} // namespace

std::string shortName(const std::string &model)
{
    if (const auto name = zoo::zooName(model))
        return *name;
    std::string stem = std::filesystem::path(model).stem().string();
    for (auto &c : stem)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            c = '_';
    return stem.empty() ? "model" : stem;
}

ExportResult exportSplit(const ExportRequest &request, const ExportObserver &observer)
{
    if (request.output.empty())
        throw Error(ErrorKind::InvalidInput, "export: no output folder given");
    if (!request.data.empty() && request.tl.empty())
        throw Error(ErrorKind::InvalidInput,
                    "export: fine-tuning trains a Transfer Layer: choose one");
    if (!request.db.empty() && !std::filesystem::exists(request.db))
        throw Error(ErrorKind::NotFound, request.db + ": no such file");
    {
        // Refuse an occupied output before any work is done.
        std::error_code ec;
        if (std::filesystem::is_directory(request.output, ec) &&
            !std::filesystem::is_empty(request.output, ec) && !request.force)
            throw Error(ErrorKind::InvalidInput, request.output + ": exists and is not empty");
    }
    const auto spec = request.tl.empty() ? std::nullopt
                                         : std::optional<tl::TlSpec>(tl::TlSpec::parse(request.tl));
    const auto g = zoo::openModel(request.model, request.input, request.seed,
                                  graph::ModelGraph::Original::Keep, request.cutting);
    const int k = g.blockCount();
    if (request.split < 0 || request.split > k)
        throw Error(ErrorKind::InvalidInput, "split " + std::to_string(request.split) +
                                                 ": out of range 0.." + std::to_string(k) +
                                                 " for " + request.model);
    // Data that cannot train this model is refused now, not after minutes of loading.
    if (!request.data.empty()) {
        const auto why =
            tl::dataMismatch(tl::peekDataset(request.data), g.inputShape(), g.outputShape());
        if (!why.empty())
            throw Error(ErrorKind::InvalidInput, why);
    }

    ExportResult result;
    auto &info = result.info;
    info.model = request.model;
    info.name = shortName(request.model);
    info.inputShape = g.inputShape();
    info.outputShape = g.outputShape();
    info.split = request.split;
    info.cleaveVersion = CLEAVE_VERSION;
    info.modelSha256 = ModelIdentity::of(request.model, request.seed)
                           .id(request.input, request.cutting.granularity);
    info.training = nullptr;

    torch::jit::Module head, tail, reference;
    if (!spec) {
        head = g.head(request.split);
        tail = g.tail(request.split);
        for (const auto &t : g.cuts()[size_t(request.split)].tensors)
            info.wireShapes.push_back(t.shape);
    } else {
        auto model = tl::insertTransferLayer(g, request.split, *spec, request.seed);
        info.tl = spec->name();
        if (!request.data.empty()) {
            checkNotCancelled(observer, 0, "loading " + request.data);
            const auto [train, test] = loadData(request, g.inputShape());
            // The model as it is, for the baseline: the same graph with nothing inserted.
            auto original = g.trainableWith(k, [](torch::jit::Graph &, torch::jit::Value *v,
                                                  torch::jit::Module &) { return v; });
            checkNotCancelled(observer, 0, "evaluating the model as it is");
            result.baseline = tl::evaluate(original, test);
            checkNotCancelled(observer, 0, "evaluating the model with " + info.tl);
            result.before = tl::evaluate(model.module, test);
            if (observer.evaluated)
                observer.evaluated(*result.baseline, *result.before);
            result.epochs =
                tl::train(model.module, tl::trainableParameters(model, request.afterCutOnly), train,
                          test, request.training, observer.progress, observer.epoch);
            const auto &after = result.epochs.back().test;
            info.training =
                nlohmann::json{{"data", request.data},
                               {"train_images", train.size()},
                               {"test_images", test.size()},
                               {"epochs", request.training.epochs},
                               {"learning_rate", request.training.learningRate},
                               {"momentum", request.training.momentum},
                               {"layers", request.afterCutOnly ? "after the cut" : "all layers"},
                               {"baseline_top1", result.baseline->top1},
                               {"baseline_top5", result.baseline->top5},
                               {"tl_top1_before", result.before->top1},
                               {"tl_top5_before", result.before->top5},
                               {"tl_top1_after", after.top1},
                               {"tl_top5_after", after.top5},
                               {"images_per_second", result.epochs.back().imagesPerSecond}};
        }
        model.module.eval();
        auto split = tl::splitAtTransferLayer(model);
        head = split.head;
        tail = split.tail;
        info.wireShapes = {model.wireShape};
        reference = model.module;
    }
    checkNotCancelled(observer, 1, "checking the halves");

    // The halves must reproduce the whole: the TL model, or the model itself.
    const auto x = g.sampleInput(1);
    const auto halves = graph::runOnce(tail, graph::runOnce(head, graph::Tensors{x})).front();
    const auto whole = spec ? reference.forward({x}).toTensor() : g.forward(x);
    result.maxError = (halves - whole).abs().max().item<double>();
    if (result.maxError > 1e-5 * std::max(1.0, whole.abs().max().item<double>()))
        throw Error(ErrorKind::Internal,
                    "the halves differ from the whole model by " + std::to_string(result.maxError));
    if (spec) {
        const auto own = g.forward(x);
        result.tlChange = (whole - own).abs().max().item<double>() /
                          std::max(own.abs().max().item<double>(), 1e-12);
    }

    std::optional<store::Store> db;
    if (!request.db.empty())
        db.emplace(request.db);
    if (db && (!request.predictOnlyIfTimed ||
               !store::storedModels(*db, request.model, request.cutting.granularity).empty())) {
        const auto planner =
            plan::plannerFromStore(*db, request.model, request.cutting.granularity);
        plan::PlanRequest planRequest;
        planRequest.link = plan::NetworkProfile::preset(request.link);
        planRequest.mode = info.tl.empty() ? plan::Mode::Scission : plan::Mode::ScissionTl;
        if (!info.tl.empty())
            planRequest.tlSpecs = {info.tl};
        const auto series = planner.series(planRequest);
        const auto &point = series.points.at(size_t(request.split));
        info.predictedLatency_s = plan::sum(info.tl.empty() ? point.scission : point.scissionTl);
        info.predictedOn = planRequest.link.name + ", " + series.device + " -> " + series.edge;
    }
    checkNotCancelled(observer, 1, "writing " + request.output);
    writeBundle(request.output, head, tail, info, request.force);
    for (const auto &shape : info.wireShapes)
        result.wireBytes += graph::elementCount(shape) * 4;
    return result;
}

} // namespace cleave::bundle
