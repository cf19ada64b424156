// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli report --db FILE --model MODEL [--link ...] -o OUT.(png|pdf|svg)
// Renders the latency stacks (Scission beside ScissionTL) and the transfer sizes per split, one
// above the other, without a display: the Qt platform is always "offscreen" here. With
// --cluster-run, a stored cluster run's plots instead: one inference's time line, the rows per
// device over the run and the speed-up against the number of devices.
#include "app/cli/report.h"

#include "app/cli/commands.h"
#include "app/cli/planoptions.h"

#include "core/error.h"
#include "core/plan/clusterfigures.h"
#include "core/plan/fromstore.h"
#include "core/store/store.h"
#include "core/store/storedmodels.h"
#include "core/storedcluster.h"
#include "plots/clusterplots.h"
#include "plots/latencystackplot.h"
#include "plots/plotexport.h"
#include "plots/predictionplot.h"
#include "plots/transfersizeplot.h"

#include <QApplication>

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <unistd.h>

namespace cleave::cli {

namespace {

// The Qt platform for plots without a display: offscreen, with a private runtime folder.
void prepareOffscreen()
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // Qt warns on stderr without one; a private directory of our own keeps it quiet.
        const auto runtime =
            std::filesystem::temp_directory_path() / ("cleave-runtime-" + std::to_string(getuid()));
        std::error_code ignored;
        std::filesystem::create_directory(runtime, ignored);
        std::filesystem::permissions(runtime, std::filesystem::perms::owner_all, ignored);
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(runtime.string()));
    }
}

/// The plots are widgets: they need an application object, never its event loop.
std::unique_ptr<QApplication> plotApplication()
{
    prepareOffscreen();
    static int argc = 1;
    static char name[] = "cleave-cli";
    static char *argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

void checkReportOutput(const std::string &output, int width, int height)
{
    const auto suffix = std::filesystem::path(output).extension().string();
    if (suffix != ".png" && suffix != ".pdf" && suffix != ".svg")
        throw Error(ErrorKind::InvalidInput,
                    output + ": unknown image format (use .png, .pdf or .svg)");
    if (width < 200 || height < 150 || width > 10000 || height > 10000)
        throw Error(ErrorKind::InvalidInput, "--width/--height: each plot must be 200x150 to "
                                             "10000x10000 pixels");
}

std::string drawReport(store::Store &db, const std::string &model, const plan::Planner &planner,
                       const plan::PlanRequest &request, const std::string &output,
                       plots::LatencyStackPlot::Show show, int width, int height)
{
    std::ostringstream summary;
    // Constraints that leave nothing stop the report as they stop plan, with its message.
    planner.plan(request);
    const auto series = planner.series(request);
    // What cleave-cli offload measured on this link, if anything: drawn over the stacks and
    // set against the prediction in a third plot.
    const auto measured = plan::measuredFromStore(db, model, request, series);

    const auto app = plotApplication();
    plots::LatencyStackPlot stacks;
    stacks.setShow(show);
    stacks.setSeries(series);
    stacks.setMeasured(measured);
    plots::TransferSizePlot sizes;
    sizes.setSeries(series);
    plots::PredictionPlot prediction;
    QList<QCustomPlot *> pages{&stacks, &sizes};
    if (!measured.points.empty()) {
        prediction.setMeasured(measured);
        pages.push_back(&prediction);
    }
    const auto error = plots::exportPlots(pages, QString::fromStdString(output), width, height);
    if (!error.isEmpty())
        throw Error(ErrorKind::InvalidInput, error.toStdString());
    summary << "wrote " << output << ": " << series.points.size() << " splits on " << series.device
            << " and " << series.edge << ", link " << request.link.describe()
            << "; best split Scission " << series.bestScissionAllowed << ", ScissionTL "
            << series.bestScissionTlAllowed;
    if (!measured.points.empty())
        summary << "; " << measured.points.size() << " measured splits, median error "
                << prediction.medianErrorPercent() << " %, worst " << prediction.worstErrorPercent()
                << " %";
    summary << '\n';
    // One codec is drawn; say so when the store has others to choose with --codec.
    std::string others;
    for (const auto &c : planner.codecs())
        if (c != request.codec)
            others += (others.empty() ? "" : ", ") + c;
    if (!others.empty())
        summary << "drew codec " << request.codec << "; also measured: " << others
                << " (--codec)\n";
    return summary.str();
}

namespace {

/// The model's cluster run `id` (none: its newest), with the record it ran on.
std::pair<store::ModelRecord, store::ClusterRecord>
clusterRun(store::Store &db, const std::string &model, std::optional<int64_t> id)
{
    if (auto found = plan::storedClusterRun(db, model, id))
        return *found;
    throw Error(ErrorKind::NotFound, id ? "--cluster-run " + std::to_string(*id) +
                                              ": no cluster run of " + model + " in " + db.path()
                                        : "no cluster run of " + model + " in " + db.path() +
                                              "; cleave-cli cluster --db records them");
}

} // namespace

std::string drawClusterReport(store::Store &db, const std::string &model,
                              const plan::NetworkProfile &link, std::optional<int64_t> id,
                              std::optional<int> inference, const std::string &output, int width,
                              int height)
{
    const auto [record, cluster] = clusterRun(db, model, id);
    const auto stored = storedCluster(db, model, record, cluster.devices, link);
    const auto f = storedRunFigures(db, model, record, cluster, stored, inference);

    const auto app = plotApplication();
    plots::ClusterTimelinePlot timeline;
    timeline.setTimelines(f.measuredTimeline, f.plannedTimeline);
    plots::ShareBar shares;
    shares.setHistory(f.shares, cluster.devices);
    plots::SpeedupPlot speedups;
    speedups.setPoints(f.speedup);
    const auto error = plots::exportPlots({&timeline, &shares, &speedups},
                                          QString::fromStdString(output), width, height);
    if (!error.isEmpty())
        throw Error(ErrorKind::InvalidInput, error.toStdString());
    std::ostringstream summary;
    summary << "wrote " << output << ": cluster run " << cluster.id << " of " << model << " on "
            << cluster.devices.size() << " devices, inference " << f.inference.run + 1 << " ("
            << f.inference.total_s * 1e3 << " ms measured, " << f.planned.total_s * 1e3
            << " ms planned for its rows), " << f.shares.size() << " completed inferences\n";
    return summary.str();
}

namespace {

struct ReportOptions
{
    PlanOptions plan;
    std::string output;
    std::string show = "both";
    int width = 1000;
    int height = 500;
    std::optional<int64_t> clusterRun; ///< 0: the newest
    std::optional<int> inference;
};

int run(const ReportOptions &options)
{
    checkReportOutput(options.output, options.width, options.height);
    plots::LatencyStackPlot::Show show = plots::LatencyStackPlot::Show::Both;
    if (options.show == "scission")
        show = plots::LatencyStackPlot::Show::Scission;
    else if (options.show == "scissiontl")
        show = plots::LatencyStackPlot::Show::ScissionTl;
    else if (options.show != "both")
        throw Error(ErrorKind::InvalidInput,
                    "--show '" + options.show + "': expected both, scission or scissiontl");
    options.plan.requireStore();
    store::Store db(options.plan.db, store::Store::readingAccess(options.plan.db));
    if (options.clusterRun) {
        const auto &o = options.plan;
        const auto link = networkProfile(o.link, o.bandwidthMbps, o.latencyMs, o.downlinkMbps,
                                         "--link", "--bandwidth-mbps", "lan");
        const auto id = *options.clusterRun > 0 ? options.clusterRun : std::nullopt;
        std::cout << drawClusterReport(db, o.model, link, id, options.inference, options.output,
                                       options.width, options.height);
        return 0;
    }
    if (options.inference)
        throw Error(ErrorKind::InvalidInput, "--inference: give --cluster-run too");
    const auto planner =
        plan::plannerFromStore(db, options.plan.model, options.plan.timingsGranularity());
    const auto request = options.plan.request(planner);
    std::cout << drawReport(db, options.plan.model, planner, request, options.output, show,
                            options.width, options.height);
    return 0;
}

} // namespace

void addReportCommand(CLI::App &app, int &exitCode)
{
    auto options = std::make_shared<ReportOptions>();
    auto *command = app.add_subcommand(
        "report", "Plot latency stacks and transfer sizes per split to PNG, PDF or SVG");
    options->plan.addTo(*command);
    command->add_option("-o,--output", options->output, "OUT.png, OUT.pdf or OUT.svg")->required();
    command->add_option("--show", options->show, "both (default), scission or scissiontl");
    command->add_option("--width", options->width, "pixels per plot (default 1000)");
    command->add_option("--height", options->height, "pixels per plot (default 500)");
    command->add_option("--cluster-run", options->clusterRun,
                        "plot stored cluster run N instead (0: the newest): a time line, the "
                        "rows per device and the speed-up against the devices");
    command->add_option("--inference", options->inference,
                        "with --cluster-run: the inference whose time line is drawn (default "
                        "the last completed)");
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace cleave::cli
