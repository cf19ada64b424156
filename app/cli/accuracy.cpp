// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli accuracy MODEL --data fashion-mnist|DIR --db FILE [--limit N] [--tl SPEC,...]
//                     [--codec C,...] [--splits all|LIST] [--batch B] [--resize]
//                     [--mean M --std S] [--json]
//                     [--fine-tune-top K [--epochs E] [--lr X] [--train-limit N]
//                      [--after-cut-only] [--link PRESET] [--min-split N]] [--bundle DIR]
// What each split, Transfer Layer and codec costs in accuracy: the split pipeline on N labelled
// images of the data set's test split, against the labels and the unsplit model, stored as it
// is measured (a second run goes on where the first stopped). A fine-tuned TL (the K fastest TL
// plans of a link fine-tuned here, or an exported bundle's) is measured on the same images and
// stored as a configuration of its own.
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/bundle/bundle.h"
#include "core/digest.h"
#include "core/error.h"
#include "core/modelid.h"
#include "core/plan/fromstore.h"
#include "core/store/storedmodels.h"
#include "core/tl/accuracy.h"
#include "core/tl/datashape.h"
#include "core/tl/inserter.h"
#include "core/tl/trainer.h"

#include <filesystem>
#include <iostream>
#include <set>

namespace cleave::cli {

namespace {

struct AccuracyOptions
{
    ModelOptions model;
    std::string data;
    std::string db;
    int64_t limit = 1000;
    std::vector<std::string> tls;
    std::vector<std::string> codecs{"fp32"};
    std::string splits = "all";
    int batch = 64;
    bool resize = false;
    std::optional<double> mean; ///< an image folder's normalisation; none: ImageOptions's
    std::optional<double> stddev;
    bool json = false;
    // Fine-tuning the K fastest TL plans of a link.
    int fineTuneTop = 0;
    int epochs = 1;
    double learningRate = 0.001;
    int64_t trainLimit = 0;
    bool afterCutOnly = false;
    std::string link = "5g-peak";
    std::optional<int> minSplit; ///< the fine-tuned plans' privacy constraint, as plan's
    std::string bundle;
};

/// The data set as read: its name, and a digest of the images and labels read (the first N of an
/// IDX file, N spread over an image folder's classes), so that counts are resumed only on the
/// very same images.
std::string identityOf(const tl::Dataset &data)
{
    Sha256 hash;
    const auto images = data.images.contiguous();
    const auto labels = data.labels.contiguous();
    hash.add({static_cast<const char *>(images.data_ptr()), size_t(images.nbytes())});
    hash.add({static_cast<const char *>(labels.data_ptr()), size_t(labels.nbytes())});
    return data.name + "@" + hash.hex().substr(0, 16);
}

/// How an image folder is read for `model`: its input's size and channels, the normalisation
/// asked for. Fashion-MNIST's IDX files keep their own statistics.
tl::ImageOptions imageOptions(const AccuracyOptions &o, const graph::ModelGraph &model)
{
    auto options = tl::imageOptionsFor(model.inputShape());
    options.resize = o.resize;
    if (o.mean)
        options.mean = *o.mean;
    if (o.stddev) {
        if (!(*o.stddev > 0))
            throw Error(ErrorKind::InvalidInput,
                        "--std " + fixed(*o.stddev, 3) + ": must be positive");
        options.stddev = *o.stddev;
    }
    return options;
}

std::vector<codec::Codec> codecsOf(const AccuracyOptions &o)
{
    std::vector<codec::Codec> codecs;
    for (const auto &c : o.codecs)
        codecs.push_back(codec::Codec::parse(c));
    return codecs;
}

tl::SweepRequest requestOf(const AccuracyOptions &o, const graph::ModelGraph &model)
{
    tl::SweepRequest request;
    // A bundle alone: the unsplit model beside it, no sweep.
    if (o.bundle.empty()) {
        if (o.splits == "all") {
            for (int s = 0; s < model.blockCount(); ++s)
                request.splits.push_back(s);
        } else {
            request.splits = splitList(o.splits, "--splits", o.model.model);
        }
        for (const auto &spec : o.tls)
            request.tls.push_back(tl::TlSpec::parse(spec));
    }
    request.codecs = codecsOf(o);
    request.limit = o.limit;
    request.batch = o.batch;
    return request;
}

std::string percent(int64_t count, int64_t images)
{
    return images > 0 ? fixed(100.0 * double(count) / double(images), 2) : "-";
}

/// What the command measured and stores, one row per configuration.
struct Row
{
    tl::AccuracyKey key;
    std::string fineTuned; ///< empty: the TL as inserted
    tl::AccuracyCounts counts;
};

/// Where the measurements go and how a row is stored.
struct Session
{
    const AccuracyOptions &options;
    const graph::ModelGraph &model;
    const tl::Dataset &data;
    std::string dataset;
    store::Store &db;
    store::ModelRecord record;

    void store(const Row &row) const
    {
        const auto &c = row.counts;
        db.addAccuracy(record.id, {dataset, row.key.split, row.key.tl, row.key.codec, row.fineTuned,
                                   c.images, c.top1, c.top5, c.agree});
    }
    /// The counts stored of a split with `tl` fine-tuned as `how`, by codec.
    tl::HalvesSweep storedHalves(int split, const std::string &tl, const std::string &how) const
    {
        tl::HalvesSweep counts;
        for (const auto &a : db.accuracies(record.id))
            if (a.dataset == dataset && a.split == split && a.tl == tl && a.fineTuned == how)
                counts[a.codec] = {a.images, a.top1, a.top5, a.agree};
        return counts;
    }
};

/// Every split x TL x codec asked for, and the unsplit model, resumed from the store.
std::vector<Row> sweep(const Session &s)
{
    const auto request = requestOf(s.options, s.model);
    tl::AccuracySweep counts;
    for (const auto &a : s.db.accuracies(s.record.id))
        if (a.dataset == s.dataset && a.fineTuned.empty())
            counts[{a.split, a.tl, a.codec}] = {a.images, a.top1, a.top5, a.agree};
    tl::AccuracySweep asked;
    for (const auto &key : tl::sweepConfigurations(s.model, request))
        asked[key] = counts[key];
    ProgressLine progress("accuracy");
    const auto done = tl::sweepAccuracy(
        s.model, s.data, request, asked,
        [&](const tl::AccuracySweep &sweep) {
            for (const auto &[key, c] : sweep)
                s.store({key, "", c});
        },
        [&](double fraction, std::string_view what) {
            progress.show(fraction, std::string(what));
            return true;
        });
    std::vector<Row> rows;
    for (const auto &[key, c] : done)
        rows.push_back({key, "", c});
    return rows;
}

/// One split given as halves, measured with every codec asked for and stored as `how`.
std::vector<Row> measureHalves(const Session &s, const torch::jit::Module &head,
                               const torch::jit::Module &tail, int split, const std::string &tl,
                               const std::string &how, tl::HalvesSweep counts)
{
    ProgressLine progress("accuracy of " + tl + " at split " + std::to_string(split));
    const auto store = [&](const tl::HalvesSweep &sweep) {
        for (const auto &[codec, c] : sweep)
            s.store({{split, tl, codec}, how, c});
    };
    const auto done = tl::sweepHalves(head, tail, s.model, s.data, codecsOf(s.options),
                                      s.options.limit, s.options.batch, std::move(counts), store,
                                      [&](double fraction, std::string_view what) {
                                          progress.show(fraction, std::string(what));
                                          return true;
                                      });
    std::vector<Row> rows;
    for (const auto &[codec, c] : done)
        rows.push_back({{split, tl, codec}, how, c});
    return rows;
}

/// The K fastest configurations with a TL on the link, distinct (split, TL) pairs, from the
/// store's timings of the model.
std::vector<std::pair<int, std::string>> fastestWithTl(const Session &s)
{
    const auto &o = s.options;
    if (o.tls.empty())
        throw Error(ErrorKind::InvalidInput,
                    "--fine-tune-top " + std::to_string(o.fineTuneTop) +
                        ": name the Transfer Layers to consider with --tl, e.g. --tl maxpool2");
    const auto planner = plan::plannerFromStore(s.db, s.record);
    plan::PlanRequest request;
    request.link = plan::NetworkProfile::preset(o.link);
    request.mode = plan::Mode::ScissionTl;
    request.tlSpecs = o.tls;
    request.codec = o.codecs.front();
    request.top = 0;
    request.constraints.minSplit = o.minSplit;
    std::vector<std::pair<int, std::string>> fastest;
    std::set<std::pair<int, std::string>> seen;
    for (const auto &c : planner.plan(request).ranking) {
        if (c.tl.empty() || !seen.insert({c.s1, c.tl}).second)
            continue;
        fastest.push_back({c.s1, c.tl});
        if (int(fastest.size()) == o.fineTuneTop)
            break;
    }
    return fastest;
}

/// Fine-tunes the TL of each of the K fastest TL plans on the training split and measures it;
/// one already measured on all N images with every codec is not trained again.
std::vector<Row> fineTuneTop(const Session &s)
{
    const auto &o = s.options;
    const auto train = tl::openDataset(o.data, true, imageOptions(o, s.model), o.trainLimit);
    const auto how = bundle::fineTuningText(o.epochs, o.learningRate, train.size(), o.afterCutOnly);
    std::vector<Row> rows;
    for (const auto &[split, spec] : fastestWithTl(s)) {
        const auto stored = s.storedHalves(split, spec, how);
        const bool complete = std::all_of(o.codecs.begin(), o.codecs.end(), [&](const auto &c) {
            const auto found = stored.find(codec::Codec::parse(c).name());
            return found != stored.end() && found->second.images >= o.limit;
        });
        if (complete) {
            for (const auto &c : o.codecs) {
                const auto name = codec::Codec::parse(c).name();
                rows.push_back({{split, spec, name}, how, stored.at(name)});
            }
            continue;
        }
        // The weights are not kept: train again and count from the start.
        std::cerr << "fine-tuning " << spec << " at split " << split << " (" << how << ")\n";
        auto tlModel = tl::insertTransferLayer(s.model, split, tl::TlSpec::parse(spec));
        tl::TrainSettings settings;
        settings.epochs = o.epochs;
        settings.learningRate = o.learningRate;
        ProgressLine line("fine-tuning");
        tl::train(tlModel.module, tl::trainableParameters(tlModel, o.afterCutOnly), train, s.data,
                  settings, [&](double fraction, std::string_view what) {
                      line.show(fraction, std::string(what));
                      return true;
                  });
        tlModel.module.eval();
        const auto halves = tl::splitAtTransferLayer(tlModel);
        for (auto &row : measureHalves(s, halves.head, halves.tail, split, spec, how, {}))
            rows.push_back(std::move(row));
    }
    return rows;
}

/// The manifest of --bundle, refused unless the bundle was made of MODEL.
bundle::BundleInfo bundleOf(const Session &s)
{
    const auto info = bundle::readBundleInfo(s.options.bundle);
    const auto identity = ModelIdentity::of(s.options.model.model, 0);
    const auto of = [&](graph::Granularity g) {
        return info.modelSha256 == identity.id(std::optional<graph::Shape>(), g) ||
               info.modelSha256 == identity.id(s.model.inputShape(), g);
    };
    if (info.modelSha256 != s.record.sha256 && !of(graph::Granularity::Block) &&
        !of(graph::Granularity::Node))
        throw Error(ErrorKind::InvalidInput, s.options.bundle + ": a bundle of " + info.model +
                                                 ", not of " + s.options.model.model);
    if (info.wireShapes.size() != 1)
        throw Error(ErrorKind::InvalidInput,
                    s.options.bundle + ": its head sends " +
                        std::to_string(info.wireShapes.size()) +
                        " tensors; accuracy measures the halves of a cut of one");
    return info;
}

/// A bundle's halves (`export`, maybe with --train), measured as its own configuration from the
/// first image: its weights are its own, whatever the store holds under its name.
std::vector<Row> measureBundle(const Session &s, const bundle::BundleInfo &info)
{
    const auto dir = std::filesystem::path(s.options.bundle);
    const auto head = graph::ModelGraph::load((dir / "device" / "head.pt").string());
    const auto tail = graph::ModelGraph::load((dir / "edge" / "tail.pt").string());
    const auto how = bundle::fineTuningText(info.training);
    return measureHalves(s, head.slice(0, head.blockCount()), tail.slice(0, tail.blockCount()),
                         info.split, info.tl, how, {});
}

void printJson(const Session &s, const std::vector<Row> &rows)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &r : rows) {
        const auto &c = r.counts;
        list.push_back(
            {{"split", r.key.split},
             {"tl", r.key.tl.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.key.tl)},
             {"codec", r.key.codec},
             {"fine_tuned",
              r.fineTuned.empty() ? nlohmann::json(false) : nlohmann::json(r.fineTuned)},
             {"images", c.images},
             {"top1", double(c.top1) / double(c.images)},
             {"top5", double(c.top5) / double(c.images)},
             {"agreement", double(c.agree) / double(c.images)}});
    }
    std::cout << nlohmann::json{{"model", s.options.model.model},
                                {"dataset", s.dataset},
                                {"configurations", list}}
                     .dump(2)
              << '\n';
}

void printTable(const Session &s, const std::vector<Row> &rows)
{
    const auto unsplitKey = tl::unsplitKey(s.model);
    const auto unsplit =
        std::find_if(rows.begin(), rows.end(), [&](const Row &r) { return r.key == unsplitKey; });
    const double base =
        unsplit == rows.end()
            ? 0
            : double(unsplit->counts.top1) / double(std::max<int64_t>(1, unsplit->counts.images));
    const bool tuned =
        std::any_of(rows.begin(), rows.end(), [](const Row &r) { return !r.fineTuned.empty(); });
    std::vector<std::pair<std::string, Table::Align>> columns{
        {"split", Table::Right}, {"label", Table::Left}, {"TL", Table::Left}};
    if (tuned)
        columns.push_back({"fine-tuned", Table::Left});
    for (auto c : std::vector<std::pair<std::string, Table::Align>>{{"codec", Table::Left},
                                                                    {"top-1 %", Table::Right},
                                                                    {"top-5 %", Table::Right},
                                                                    {"agree %", Table::Right},
                                                                    {"drop pp", Table::Right}})
        columns.push_back(c);
    Table table(columns);
    for (const auto &r : rows) {
        const auto &c = r.counts;
        const bool whole = r.key == unsplitKey;
        const double top1 = double(c.top1) / double(std::max<int64_t>(1, c.images));
        std::vector<std::string> row{whole ? "-" : std::to_string(r.key.split),
                                     whole ? "unsplit" : s.model.cuts()[size_t(r.key.split)].label,
                                     r.key.tl.empty() ? "-" : r.key.tl};
        if (tuned)
            row.push_back(r.fineTuned.empty() ? "-" : r.fineTuned);
        for (auto field :
             {whole ? "-" : r.key.codec, percent(c.top1, c.images), percent(c.top5, c.images),
              percent(c.agree, c.images), fixed((base - top1) * 100, 2)})
            row.push_back(field);
        table.addRow(row);
    }
    table.print(std::cout);
    std::cout << s.dataset << ", " << (unsplit == rows.end() ? 0 : unsplit->counts.images)
              << " images; stored in " << s.options.db << '\n';
}

int run(const AccuracyOptions &o)
{
    const auto model = o.model.open();
    // Data that cannot fit this model is refused before it is read (a class count that differs
    // without exceeding the outputs, once read).
    if (const auto why =
            tl::dataMismatch(tl::peekDataset(o.data), model.inputShape(), model.outputShape());
        !why.empty())
        throw Error(ErrorKind::InvalidInput, why);
    if (o.fineTuneTop < 0)
        throw Error(ErrorKind::InvalidInput,
                    "--fine-tune-top " + std::to_string(o.fineTuneTop) + ": must be positive");
    const auto data = tl::openDataset(o.data, false, imageOptions(o, model), o.limit);
    requestOf(o, model); // bad splits, TLs and codecs before anything is stored
    store::Store db(o.db);
    const Session session{o,    model,
                          data, identityOf(data),
                          db,   store::recordOf(db, o.model.model, 0, o.model.inputShape(), model)};
    std::optional<bundle::BundleInfo> bundle;
    if (!o.bundle.empty())
        bundle = bundleOf(session);
    auto rows = sweep(session);
    if (o.fineTuneTop > 0)
        for (auto &row : fineTuneTop(session))
            rows.push_back(std::move(row));
    if (bundle)
        for (auto &row : measureBundle(session, *bundle))
            rows.push_back(std::move(row));
    if (o.json)
        printJson(session, rows);
    else
        printTable(session, rows);
    return 0;
}

} // namespace

void addAccuracyCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<AccuracyOptions>();
    auto *command = app.add_subcommand(
        "accuracy", "Measure top-1/top-5 of every split x TL x codec on a labelled data set");
    options->model.addTo(*command);
    command
        ->add_option("--data", options->data,
                     "fashion-mnist, a folder of IDX files, or an image folder (CLASS/IMAGE.png)")
        ->required();
    command->add_option("--db", options->db, "the store the counts go to")->required();
    command->add_option("--limit", options->limit, "images of the test split (default 1000)")
        ->check(CLI::PositiveNumber);
    command->add_option("--tl", options->tls, "Transfer Layers besides none, e.g. maxpool2")
        ->delimiter(',');
    command->add_option("--codec", options->codecs, "wire codecs (default fp32)")->delimiter(',');
    command->add_option("--splits", options->splits, "all (default) or split indices, 2,5");
    command->add_option("--batch", options->batch, "images per batch (default 64)")
        ->check(CLI::PositiveNumber);
    command->add_option("--mean", options->mean,
                        "an image folder's pixels (0..1) less this mean (default 0.5; give the "
                        "statistics the model was trained with)");
    command->add_option("--std", options->stddev,
                        "... over this standard deviation (default 0.25)");
    command->add_flag("--resize", options->resize,
                      "scale and convert folder images of another size or channel count");
    command->add_flag("--json", options->json, "print one JSON document");
    command->add_option("--fine-tune-top", options->fineTuneTop,
                        "K: fine-tune the TL of the K fastest TL plans on --link (timings from "
                        "cleave-cli bench) and measure them");
    command->add_option("--epochs", options->epochs, "fine-tuning epochs (default 1)")
        ->check(CLI::PositiveNumber);
    command->add_option("--lr", options->learningRate, "fine-tuning learning rate (default 0.001)")
        ->check(CLI::PositiveNumber);
    command
        ->add_option("--train-limit", options->trainLimit, "fine-tune on at most N training images")
        ->check(CLI::PositiveNumber);
    command->add_flag("--after-cut-only", options->afterCutOnly,
                      "fine-tune only the TL and the layers after the split");
    command->add_option("--link", options->link,
                        "the link whose fastest TL plans are fine-tuned (default 5g-peak)");
    command->add_option("--min-split", options->minSplit,
                        "fine-tune only TL plans at this split or later (privacy, as plan's)");
    command->add_option("--bundle", options->bundle,
                        "DIR: measure an exported bundle's halves (fine-tuned or not) instead "
                        "of a sweep");
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace cleave::cli
