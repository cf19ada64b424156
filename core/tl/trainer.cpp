// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tl/trainer.h"

#include "core/error.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/optim/sgd.h>

#include <chrono>
#include <cmath>
#include <filesystem>

namespace cleave::tl {

namespace {

torch::Tensor logitsOf(torch::jit::Module &module, const torch::Tensor &images)
{
    return module.forward({images}).toTensor();
}

} // namespace

Accuracy evaluate(torch::jit::Module &module, const Dataset &data, int batchSize)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = module.is_training();
    module.eval();
    Accuracy a;
    int64_t top1 = 0, top5 = 0;
    for (int64_t start = 0; start < data.size(); start += batchSize) {
        const int64_t end = std::min<int64_t>(data.size(), start + batchSize);
        const auto logits = logitsOf(module, data.images.slice(0, start, end));
        const auto labels = data.labels.slice(0, start, end);
        const int64_t k = std::min<int64_t>(5, logits.size(1));
        const auto best = std::get<1>(logits.topk(k, 1));
        const auto hits = best.eq(labels.unsqueeze(1));
        top1 += hits.select(1, 0).sum().item<int64_t>();
        top5 += hits.any(1).sum().item<int64_t>();
    }
    module.train(wasTraining);
    a.images = data.size();
    if (a.images > 0) {
        a.top1 = double(top1) / double(a.images);
        a.top5 = double(top5) / double(a.images);
    }
    return a;
}

std::vector<EpochReport> train(torch::jit::Module &module,
                               const std::vector<torch::Tensor> &parameters,
                               const Dataset &trainSet, const Dataset &testSet,
                               const TrainSettings &settings, const Progress &progress,
                               const std::function<void(const EpochReport &)> &onEpoch)
{
    if (settings.epochs < 1 || settings.batchSize < 1 || !(settings.learningRate > 0) ||
        settings.momentum < 0 || settings.momentum >= 1)
        throw Error(ErrorKind::InvalidInput,
                    "training: epochs and batch size must be 1 or more, the learning rate "
                    "positive and the momentum in [0, 1)");
    if (trainSet.size() == 0)
        throw Error(ErrorKind::InvalidInput, trainSet.name + ": no training images");
    if (parameters.empty())
        throw Error(ErrorKind::InvalidInput, "training: no parameters to train");
    // One forward to check that the data fits the model before an epoch is spent.
    {
        torch::NoGradGuard noGrad;
        at::Tensor logits;
        try {
            logits = logitsOf(module, trainSet.images.slice(0, 0, 1));
        } catch (const std::exception &e) {
            throw Error(ErrorKind::InvalidInput, trainSet.name + ": images of " +
                                                     c10::str(trainSet.images.sizes().slice(1)) +
                                                     " do not fit the model (" +
                                                     oneLineReason(e.what()) + ")");
        }
        if (logits.dim() != 2 || logits.size(1) < trainSet.classes)
            throw Error(ErrorKind::InvalidInput,
                        trainSet.name + ": " + std::to_string(trainSet.classes) +
                            " classes, but the model has " +
                            (logits.dim() == 2 ? std::to_string(logits.size(1)) : "no") +
                            " class outputs");
    }
    if (!settings.checkpointDir.empty())
        std::filesystem::create_directories(settings.checkpointDir);

    for (auto p : parameters)
        p.set_requires_grad(true);
    torch::optim::SGD sgd(
        parameters, torch::optim::SGDOptions(settings.learningRate).momentum(settings.momentum));
    auto generator = at::detail::createCPUGenerator(settings.seed);
    const int64_t n = trainSet.size();
    const int64_t batches = (n + settings.batchSize - 1) / settings.batchSize;
    std::vector<EpochReport> reports;
    for (int epoch = 1; epoch <= settings.epochs; ++epoch) {
        module.train();
        const auto order = torch::randperm(n, generator, torch::kLong);
        double lossSum = 0;
        const auto started = std::chrono::steady_clock::now();
        for (int64_t b = 0; b < batches; ++b) {
            const auto index =
                order.slice(0, b * settings.batchSize, std::min(n, (b + 1) * settings.batchSize));
            const auto images = trainSet.images.index_select(0, index);
            const auto labels = trainSet.labels.index_select(0, index);
            sgd.zero_grad();
            const auto loss = at::nll_loss(at::log_softmax(logitsOf(module, images), 1), labels);
            loss.backward();
            sgd.step();
            lossSum += loss.item<double>() * double(index.size(0));
            if (progress && (b % 20 == 0 || b + 1 == batches) &&
                !progress(
                    (double(epoch - 1) + double(b + 1) / double(batches)) / double(settings.epochs),
                    "epoch " + std::to_string(epoch) + "/" + std::to_string(settings.epochs) +
                        ", loss " + std::to_string(lossSum / double((b + 1) * settings.batchSize))))
                throw Error(ErrorKind::Cancelled,
                            "training cancelled in epoch " + std::to_string(epoch));
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        EpochReport report;
        report.epoch = epoch;
        report.loss = lossSum / double(n);
        report.imagesPerSecond = double(n) / seconds;
        report.test = evaluate(module, testSet);
        if (!settings.checkpointDir.empty()) {
            report.checkpoint = (std::filesystem::path(settings.checkpointDir) /
                                 ("epoch-" + std::to_string(epoch) + ".pt"))
                                    .string();
            module.save(report.checkpoint);
        }
        if (!std::isfinite(report.loss))
            throw Error(ErrorKind::InvalidInput,
                        "training diverged in epoch " + std::to_string(epoch) +
                            " (loss is not finite); lower the learning rate");
        reports.push_back(report);
        if (onEpoch)
            onEpoch(report);
    }
    module.eval();
    return reports;
}

} // namespace cleave::tl
