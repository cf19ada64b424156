// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli train MODEL --data DATASET --epochs E [--lr X] -o OUT.pt
// cleave-cli export MODEL --split S [--tl SPEC] [--train DATASET --epochs E] [--db FILE]
//                   [--link PRESET] [--force] -o DIR
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/bundle/bundle.h"
#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/store/store.h"
#include "core/tl/dataset.h"
#include "core/tl/inserter.h"
#include "core/tl/trainer.h"
#include "core/zoo/zoo.h"
#include "remote/agent/agentservice.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

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
        tl::ImageOptions images;
        if (input.size() == 4) {
            images.channels = int(input[1]);
            images.height = int(input[2]);
            images.width = int(input[3]);
        }
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

std::string modelId(const ExportOptions &options, const graph::Shape &shape)
{
    // The agents' and the store's identity of the model (see AgentService::LoadModel).
    const std::string shapeText = options.model.input.empty() ? "" : graph::formatShape(shape);
    if (const auto name = zoo::zooName(options.model.model))
        return remote::sha256Hex("zoo:" + *name + "@" + std::to_string(options.training.seed) +
                                 "@" + shapeText);
    std::ifstream file(options.model.model, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    return remote::sha256Hex(bytes.str() + "@" + shapeText);
}

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

int runExport(const ExportOptions &options)
{
    const auto g =
        zoo::openModel(options.model.model, options.model.inputShape(), options.training.seed);
    const int k = g.blockCount();
    if (options.split < 0 || options.split > k)
        throw Error(ErrorKind::InvalidInput, "--split " + std::to_string(options.split) +
                                                 ": out of range 0.." + std::to_string(k) +
                                                 " for " + options.model.model);
    if (!options.training.data.empty() && options.tl.empty())
        throw Error(ErrorKind::InvalidInput, "--train fine-tunes a Transfer Layer: give --tl too");
    {
        // Refuse an occupied output before any work is done.
        std::error_code ec;
        if (std::filesystem::is_directory(options.output, ec) &&
            !std::filesystem::is_empty(options.output, ec) && !options.force)
            throw Error(ErrorKind::InvalidInput, options.output +
                                                     ": exists and is not empty (give --force to "
                                                     "replace it)");
    }

    bundle::BundleInfo info;
    info.model = options.model.model;
    info.name = shortName(options.model.model);
    info.inputShape = g.inputShape();
    info.outputShape = g.outputShape();
    info.split = options.split;
    info.cleaveVersion = CLEAVE_VERSION;
    info.modelSha256 = modelId(options, g.inputShape());
    info.training = nullptr;

    torch::jit::Module head, tail;
    torch::jit::Module reference;
    std::optional<graph::ModelGraph> tlGraph;
    if (options.tl.empty()) {
        head = g.head(options.split);
        tail = g.tail(options.split);
        info.wireShape = g.cuts()[size_t(options.split)].shape;
    } else {
        const auto spec = tl::TlSpec::parse(options.tl);
        auto model = tl::insertTransferLayer(g, options.split, spec, options.training.seed);
        info.tl = spec.name();
        if (!options.training.data.empty()) {
            const auto [train, test] = options.training.load(g.inputShape());
            // The model as it is, for the baseline: the same graph with nothing inserted.
            auto original = g.trainableWith(k, [](torch::jit::Graph &, torch::jit::Value *v,
                                                  torch::jit::Module &) { return v; });
            const auto baseline = tl::evaluate(original, test);
            const auto before = tl::evaluate(model.module, test);
            std::cout << "baseline " << options.model.model << ": top-1 " << percent(baseline.top1)
                      << ", top-5 " << percent(baseline.top5) << "\nwith " << info.tl
                      << " at split " << options.split << " before fine-tuning: top-1 "
                      << percent(before.top1) << ", top-5 " << percent(before.top5) << std::endl;
            const auto reports = tl::train(
                model.module, tl::trainableParameters(model, options.afterCutOnly), train, test,
                options.training.settings(), progressLine("fine-tuning"),
                [&](const tl::EpochReport &r) { printEpoch(r, options.training.epochs); });
            const auto &after = reports.back().test;
            std::cout << "after fine-tuning: top-1 " << percent(after.top1) << ", top-5 "
                      << percent(after.top5) << "; drop from the baseline "
                      << fixed((baseline.top1 - after.top1) * 100, 2) << " points (top-1)\n";
            info.training =
                nlohmann::json{{"data", options.training.data},
                               {"train_images", train.size()},
                               {"test_images", test.size()},
                               {"epochs", options.training.epochs},
                               {"learning_rate", options.training.learningRate},
                               {"momentum", options.training.momentum},
                               {"layers", options.afterCutOnly ? "after the cut" : "all layers"},
                               {"baseline_top1", baseline.top1},
                               {"baseline_top5", baseline.top5},
                               {"tl_top1_before", before.top1},
                               {"tl_top5_before", before.top5},
                               {"tl_top1_after", after.top1},
                               {"tl_top5_after", after.top5},
                               {"images_per_second", reports.back().imagesPerSecond}};
        }
        model.module.eval();
        auto split = tl::splitAtTransferLayer(model);
        head = split.head;
        tail = split.tail;
        info.wireShape = model.wireShape;
        reference = model.module;
    }

    // The halves must reproduce the whole: the TL model, or the model itself.
    const auto x = g.sampleInput(1);
    const auto halves = tail.forward({head.forward({x}).toTensor()}).toTensor();
    const auto whole = options.tl.empty() ? g.forward(x) : reference.forward({x}).toTensor();
    const double error = (halves - whole).abs().max().item<double>();
    if (error > 1e-5 * std::max(1.0, whole.abs().max().item<double>()))
        throw Error(ErrorKind::Internal,
                    "the halves differ from the whole model by " + std::to_string(error));

    if (!options.db.empty()) {
        if (!std::filesystem::exists(options.db))
            throw Error(ErrorKind::NotFound, options.db + ": no such file");
        store::Store db(options.db);
        const auto planner = plan::plannerFromStore(db, options.model.model);
        plan::PlanRequest request;
        request.link = plan::NetworkProfile::preset(options.link);
        request.mode = info.tl.empty() ? plan::Mode::Scission : plan::Mode::ScissionTl;
        if (!info.tl.empty())
            request.tlSpecs = {info.tl};
        const auto series = planner.series(request);
        const auto &point = series.points.at(size_t(options.split));
        info.predictedLatency_s = plan::sum(info.tl.empty() ? point.scission : point.scissionTl);
        info.predictedOn = request.link.name + ", " + series.device + " -> " + series.edge;
    }

    bundle::writeBundle(options.output, head, tail, info, options.force);
    const int64_t wireBytes = graph::elementCount(info.wireShape) * 4;
    std::cout << "wrote " << options.output << ": split " << options.split
              << (info.tl.empty() ? "" : " with " + info.tl) << ", "
              << graph::formatShape(info.wireShape) << " on the wire (" << megabytes(wireBytes)
              << " MB), halves match the whole within " << fixed(error, 8) << '\n';
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
