// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli accuracy MODEL --data fashion-mnist|DIR --db FILE [--limit N] [--tl SPEC,...]
//                     [--codec C,...] [--splits all|LIST] [--batch B] [--resize] [--json]
// What each split, Transfer Layer and codec costs in accuracy: the split pipeline on N labelled
// images of the data set's test split, against the labels and the unsplit model, stored as it
// is measured (a second run goes on where the first stopped).
#include "app/cli/commands.h"
#include "app/cli/output.h"

#include "core/digest.h"
#include "core/error.h"
#include "core/store/storedmodels.h"
#include "core/tl/accuracy.h"
#include "core/tl/datashape.h"

#include <iostream>

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
    bool json = false;
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

tl::SweepRequest requestOf(const AccuracyOptions &o, const graph::ModelGraph &model)
{
    tl::SweepRequest request;
    if (o.splits == "all") {
        for (int s = 0; s < model.blockCount(); ++s)
            request.splits.push_back(s);
    } else {
        request.splits = splitList(o.splits, "--splits", o.model.model);
    }
    for (const auto &spec : o.tls)
        request.tls.push_back(tl::TlSpec::parse(spec));
    for (const auto &c : o.codecs)
        request.codecs.push_back(codec::Codec::parse(c));
    request.limit = o.limit;
    request.batch = o.batch;
    return request;
}

std::string percent(int64_t count, int64_t images)
{
    return images > 0 ? fixed(100.0 * double(count) / double(images), 2) : "-";
}

int run(const AccuracyOptions &o)
{
    const auto model = o.model.open();
    // Data that cannot fit this model is refused before it is read.
    if (const auto why =
            tl::dataMismatch(tl::peekDataset(o.data), model.inputShape(), model.outputShape());
        !why.empty())
        throw Error(ErrorKind::InvalidInput, why);
    auto options = tl::imageOptionsFor(model.inputShape());
    options.resize = o.resize;
    const auto data = tl::openDataset(o.data, false, options, o.limit);
    const auto request = requestOf(o, model);
    const auto dataset = identityOf(data);

    store::Store db(o.db);
    const auto record = store::recordOf(db, o.model.model, 0, o.model.inputShape(), model);
    tl::AccuracySweep counts;
    for (const auto &a : db.accuracies(record.id))
        if (a.dataset == dataset && a.fineTuned.empty())
            counts[{a.split, a.tl, a.codec}] = {a.images, a.top1, a.top5, a.agree};
    const auto wanted = tl::sweepConfigurations(model, request);
    tl::AccuracySweep asked;
    for (const auto &key : wanted)
        asked[key] = counts[key];

    ProgressLine progress("accuracy");
    const auto commit = [&](const tl::AccuracySweep &sweep) {
        for (const auto &[key, c] : sweep)
            db.addAccuracy(record.id, {dataset, key.split, key.tl, key.codec, "", c.images, c.top1,
                                       c.top5, c.agree});
    };
    const auto done = tl::sweepAccuracy(model, data, request, asked, commit,
                                        [&](double fraction, std::string_view what) {
                                            progress.show(fraction, std::string(what));
                                            return true;
                                        });

    const auto &unsplit = done.at(tl::unsplitKey(model));
    const double base = double(unsplit.top1) / double(std::max<int64_t>(1, unsplit.images));
    if (o.json) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto &[key, c] : done)
            rows.push_back(
                {{"split", key.split},
                 {"tl", key.tl.empty() ? nlohmann::json(nullptr) : nlohmann::json(key.tl)},
                 {"codec", key.codec},
                 {"images", c.images},
                 {"top1", double(c.top1) / double(c.images)},
                 {"top5", double(c.top5) / double(c.images)},
                 {"agreement", double(c.agree) / double(c.images)}});
        std::cout << nlohmann::json{{"model", o.model.model},
                                    {"dataset", dataset},
                                    {"configurations", rows}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    Table table({{"split", Table::Right},
                 {"label", Table::Left},
                 {"TL", Table::Left},
                 {"codec", Table::Left},
                 {"top-1 %", Table::Right},
                 {"top-5 %", Table::Right},
                 {"agree %", Table::Right},
                 {"drop pp", Table::Right}});
    for (const auto &[key, c] : done) {
        const bool whole = key == tl::unsplitKey(model);
        const double top1 = double(c.top1) / double(std::max<int64_t>(1, c.images));
        table.addRow({whole ? "-" : std::to_string(key.split),
                      whole ? "unsplit" : model.cuts()[size_t(key.split)].label,
                      key.tl.empty() ? "-" : key.tl, whole ? "-" : key.codec,
                      percent(c.top1, c.images), percent(c.top5, c.images),
                      percent(c.agree, c.images), fixed((base - top1) * 100, 2)});
    }
    table.print(std::cout);
    std::cout << dataset << ", " << unsplit.images << " images; stored in " << o.db << '\n';
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
    command->add_flag("--resize", options->resize,
                      "scale and convert folder images of another size or channel count");
    command->add_flag("--json", options->json, "print one JSON document");
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace cleave::cli
