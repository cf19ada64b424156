// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli train MODEL --data DATASET --epochs E [--lr X] -o OUT.pt
// cleave-cli export MODEL --split S [--tl SPEC] [--train DATASET --epochs E] [--db FILE]
//                   [--link PRESET] [--force] -o DIR
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/bundle/exporter.h"
#include "core/error.h"
#include "core/tl/dataset.h"
#include "core/tl/trainer.h"
#include "core/zoo/zoo.h"

#include <filesystem>
#include <iostream>

namespace cleave::cli {

namespace {

/// What both commands take to train.
struct TrainingOptions
{
    std::string data;
    int epochs = 1;
    double learningRate = 0.001;
    double momentum = 0.9;
    int batch = 64;
    int64_t trainLimit = 0;
    int64_t testLimit = 0;
    uint64_t seed = 0;

    void addTo(CLI::App &command, double defaultRate)
    {
        learningRate = defaultRate;
        command.add_option("--epochs", epochs, "training epochs (default 1)");
        command.add_option("--lr", learningRate,
                           "SGD learning rate (default " + fixed(defaultRate, 3) + ")");
        command.add_option("--momentum", momentum, "SGD momentum (default 0.9)");
        command.add_option("--batch", batch, "batch size (default 64)");
        command.add_option("--train-limit", trainLimit, "use at most N training images");
        command.add_option("--test-limit", testLimit, "use at most N test images");
        command.add_option("--seed", seed, "seed of zoo weights and shuffling (default 0)");
    }
    tl::TrainSettings settings() const
    {
        tl::TrainSettings s;
        s.epochs = epochs;
        s.learningRate = learningRate;
        s.momentum = momentum;
        s.batchSize = batch;
        s.seed = seed;
        return s;
    }
    std::pair<tl::Dataset, tl::Dataset> load(const graph::Shape &input) const
    {
        const auto images = tl::imageOptionsFor(input);
        return {tl::openDataset(data, true, images, trainLimit),
                tl::openDataset(data, false, images, testLimit)};
    }
};

std::string percent(double fraction)
{
    return fixed(fraction * 100, 2) + " %";
}

void printEpoch(const tl::EpochReport &r, int epochs)
{
    std::cout << "epoch " << r.epoch << "/" << epochs << ": loss " << fixed(r.loss, 4)
              << ", test top-1 " << percent(r.test.top1) << ", top-5 " << percent(r.test.top5)
              << ", " << fixed(r.imagesPerSecond, 0) << " images/s" << std::endl;
}

Progress progressLine(const std::string &what)
{
    const bool terminal = progressToTerminal();
    return [terminal, what](double fraction, std::string_view message) {
        if (terminal)
            std::cerr << '\r' << what << ' ' << int(fraction * 100) << "% " << message << "        "
                      << std::flush;
        return true;
    };
}

// ---- train ----

struct TrainOptions
{
    ModelOptions model;
    TrainingOptions training;
    std::string output;
};

int runTrain(const TrainOptions &options)
{
    const auto input = options.model.inputShape();
    const auto name = zoo::zooName(options.model.model);
    torch::jit::Module module;
    graph::Shape shape;
    if (name) {
        const auto &entry = zoo::find(*name);
        shape = input.value_or(entry.defaultInput);
        module = zoo::build(*name, options.training.seed, shape);
    } else {
        auto g = options.model.open(); // checks the file and finds the input shape
        shape = g.inputShape();
        module = torch::jit::load(options.model.model);
    }
    const auto [train, test] = options.training.load(shape);
    std::vector<torch::Tensor> parameters;
    for (const auto &p : module.parameters())
        parameters.push_back(p);
    const auto before = tl::evaluate(module, test);
    std::cout << options.model.model << " on " << train.name << " (" << train.size()
              << " images), test " << test.name << " (" << test.size() << "): top-1 before "
              << percent(before.top1) << std::endl;
    tl::train(module, parameters, train, test, options.training.settings(),
              progressLine("training"),
              [&](const tl::EpochReport &r) { printEpoch(r, options.training.epochs); });
    graph::saveModule(module, options.output, shape);
    std::cout << "saved " << options.output << '\n';
    return 0;
}

// ---- export ----

struct ExportOptions
{
    ModelOptions model;
    int split = -1;
    std::string tl;
    TrainingOptions training;
    bool afterCutOnly = false;
    std::string db;
    std::string link = "5g-peak";
    std::string output;
    bool force = false;
    bool json = false;
};

int runExport(const ExportOptions &options)
{
    {
        // Refuse an occupied output before any work is done.
        std::error_code ec;
        if (std::filesystem::is_directory(options.output, ec) &&
            !std::filesystem::is_empty(options.output, ec) && !options.force)
            throw Error(ErrorKind::InvalidInput, options.output +
                                                     ": exists and is not empty (give --force to "
                                                     "replace it)");
    }
    if (!options.training.data.empty() && options.tl.empty())
        throw Error(ErrorKind::InvalidInput, "--train fine-tunes a Transfer Layer: give --tl too");
    bundle::ExportRequest request;
    request.model = options.model.model;
    request.input = options.model.inputShape();
    request.cutting = options.model.cutting();
    request.seed = options.training.seed;
    request.split = options.split;
    request.tl = options.tl;
    request.data = options.training.data;
    request.training = options.training.settings();
    request.trainLimit = options.training.trainLimit;
    request.testLimit = options.training.testLimit;
    request.afterCutOnly = options.afterCutOnly;
    request.db = options.db;
    request.link = options.link;
    request.output = options.output;
    request.force = options.force;

    bundle::ExportObserver observer;
    const auto line = progressLine("fine-tuning");
    observer.progress = [&](double fraction, std::string_view message) {
        return request.data.empty() || line(fraction, message);
    };
    observer.evaluated = [&](const tl::Accuracy &baseline, const tl::Accuracy &before) {
        std::cout << "baseline " << request.model << ": top-1 " << percent(baseline.top1)
                  << ", top-5 " << percent(baseline.top5) << "\nwith " << request.tl << " at split "
                  << request.split << " before fine-tuning: top-1 " << percent(before.top1)
                  << ", top-5 " << percent(before.top5) << std::endl;
    };
    observer.epoch = [&](const tl::EpochReport &r) { printEpoch(r, request.training.epochs); };
    const auto result = bundle::exportSplit(request, observer);
    const auto &info = result.info;
    if (!result.epochs.empty()) {
        const auto &after = result.epochs.back().test;
        std::cout << "after fine-tuning: top-1 " << percent(after.top1) << ", top-5 "
                  << percent(after.top5) << "; drop from the baseline "
                  << fixed((result.baseline->top1 - after.top1) * 100, 2) << " points (top-1)\n";
    }
    std::cout << "wrote " << options.output << ": split " << options.split
              << (info.tl.empty() ? "" : " with " + info.tl) << ", " << bundle::formatWire(info)
              << " on the wire (" << megabytes(result.wireBytes)
              << " MB), halves match the whole within " << fixed(result.maxError, 8) << '\n';
    if (result.tlChange && result.epochs.empty())
        std::cerr << "warning: the Transfer Layer " << info.tl
                  << " is not trained: on the check input it changes the model's output by "
                  << fixed(*result.tlChange * 100, 1)
                  << " % of its largest value; fine-tune it with --train DATASET\n";
    if (info.predictedLatency_s)
        std::cout << "predicted latency " << fixed(*info.predictedLatency_s * 1e3, 2) << " ms ("
                  << info.predictedOn << ")\n";
    return 0;
}

} // namespace

void addExportCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<ExportOptions>();
    auto *command = app.add_subcommand(
        "export", "Write a deployable split: head, tail, manifest and a Triton repository");
    options->model.addTo(*command);
    options->model.addCuttingTo(*command);
    command->add_option("--split", options->split, "split index S (blocks [0, S) on the device)")
        ->required();
    command->add_option("--tl", options->tl, "insert this Transfer Layer at the split");
    command->add_option("--train", options->training.data,
                        "fine-tune the TL model on fashion-mnist, IDX files or an ImageFolder");
    options->training.addTo(*command, 0.001);
    command->add_flag("--after-cut-only", options->afterCutOnly,
                      "fine-tune only the TL and the layers after the split");
    command->add_option("--db", options->db, "predict the latency from this store");
    command->add_option("--link", options->link,
                        "link preset for the prediction (default "
                        "5g-peak)");
    command->add_option("-o,--output", options->output, "the bundle folder")->required();
    command->add_flag("--force", options->force, "replace a bundle folder that is not empty");
    command->callback([options, &exitCode] { exitCode = runExport(*options); });
}

void addTrainCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<TrainOptions>();
    auto *command =
        app.add_subcommand("train", "Train a model (all layers, SGD) on a data set and save it");
    options->model.addTo(*command);
    command
        ->add_option("--data", options->training.data,
                     "fashion-mnist, a folder of IDX files, or an ImageFolder")
        ->required();
    options->training.addTo(*command, 0.01);
    command->add_option("-o,--output", options->output, "the trained model (.pt)")->required();
    command->callback([options, &exitCode] { exitCode = runTrain(*options); });
}

} // namespace cleave::cli
