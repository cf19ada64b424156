// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/comparison.h"

#include "app/cli/output.h"

#include <algorithm>

namespace cleave::cli {

using plan::Contender;

namespace {

std::string ms(double seconds)
{
    return fixed(seconds * 1e3, 1);
}

std::string times(double ratio)
{
    return fixed(ratio, 2) + "x";
}

// The speed-ups the papers quote: the TL over Scission, the TL with a codec over Scission, and
// the best of the TL rows over the device alone.
struct Ratio
{
    const char *key;
    const char *text;
    Contender slower;
    Contender faster;
};

std::vector<Ratio> ratios(const plan::Headline &h)
{
    const auto best = [&] {
        const auto *tl = h.row(Contender::ScissionTl);
        const auto *codec = h.row(Contender::WithCodec);
        if (codec && (!tl || codec->config.total_s < tl->config.total_s))
            return Contender::WithCodec;
        return tl ? Contender::ScissionTl : Contender::Scission;
    }();
    return {
        {"scissiontl_over_scission", "ScissionTL over Scission", Contender::Scission,
         Contender::ScissionTl},
        {"codec_over_scission", "ScissionTL + codec over Scission", Contender::Scission,
         Contender::WithCodec},
        {"best_over_device", "the best split over the device alone", Contender::DeviceAlone, best}};
}

// How many times faster `r.faster` ran than `r.slower`, from their measured medians.
std::optional<double> measuredRatio(const std::vector<remote::ContenderRuns> &runs, const Ratio &r)
{
    const auto find = [&](Contender c) {
        return std::find_if(runs.begin(), runs.end(),
                            [c](const remote::ContenderRuns &x) { return x.contender == c; });
    };
    const auto a = find(r.slower);
    const auto b = find(r.faster);
    if (a == runs.end() || b == runs.end() || b->median_s() <= 0)
        return std::nullopt;
    return a->median_s() / b->median_s();
}

// Why contenders are missing, in the command line's words.
std::vector<std::string> absences(const plan::Headline &h)
{
    std::vector<std::string> notes;
    for (const auto &[contender, why] : h.absent)
        notes.push_back(std::string(plan::contenderName(contender)) + ": " +
                        (why == plan::Absence::NoTransferLayer
                             ? "no Transfer Layer measured (bench --tl maxpool2)"
                             : "no codec but fp32 measured on every resource (bench --codec "
                               "fp32 int8+zstd)"));
    return notes;
}

} // namespace

void printComparison(std::ostream &out, const std::string &model, const plan::PlanRequest &request,
                     const plan::Headline &h, const std::vector<remote::ContenderRuns> &runs,
                     int rounds)
{
    out << model << ", link " << request.link.describe();
    if (request.constraints.minSplit)
        out << ", privacy: split " << *request.constraints.minSplit << " or later";
    out << '\n';
    std::vector<std::pair<std::string, Table::Align>> columns{
        {"", Table::Left},      {"split", Table::Right},     {"tl", Table::Left},
        {"codec", Table::Left}, {"upload MB", Table::Right}, {"predicted ms", Table::Right}};
    if (!runs.empty()) {
        columns.push_back({"measured ms", Table::Right});
        columns.push_back({"rounds ms", Table::Right});
    }
    Table table(columns);
    for (size_t i = 0; i < h.rows.size(); ++i) {
        const auto &row = h.rows[i];
        const bool alone = row.contender == Contender::DeviceAlone;
        std::vector<std::string> cells{
            plan::contenderName(row.contender),          std::to_string(row.config.s1),
            row.config.tl.empty() ? "-" : row.config.tl, alone ? "-" : row.codec,
            megabytes(row.config.uploadBytes),           ms(row.config.total_s)};
        if (!runs.empty()) {
            const auto &r = runs[i];
            const auto [lo, hi] =
                std::minmax_element(r.roundMedians_s.begin(), r.roundMedians_s.end());
            cells.push_back(ms(r.median_s()));
            cells.push_back(ms(*lo) + "-" + ms(*hi));
        }
        table.addRow(cells);
    }
    table.print(out);
    for (const auto &r : ratios(h)) {
        const auto predicted = h.speedUp(r.slower, r.faster);
        if (!predicted)
            continue;
        out << r.text << ": " << times(*predicted) << " predicted";
        if (const auto measured = measuredRatio(runs, r))
            out << ", " << times(*measured) << " measured";
        out << '\n';
    }
    if (!runs.empty())
        out << "measured: the median of " << runs.front().totals_s.size() << " inferences each, in "
            << rounds << " interleaved rounds (rounds ms: the least and the most round median)\n";
    for (const auto &note : absences(h))
        out << "note: " << note << '\n';
}

nlohmann::json comparisonJson(const std::string &model, const plan::PlanRequest &request,
                              const plan::Headline &h,
                              const std::vector<remote::ContenderRuns> &runs)
{
    nlohmann::json rows = nlohmann::json::array();
    for (size_t i = 0; i < h.rows.size(); ++i) {
        const auto &row = h.rows[i];
        nlohmann::json parts = nlohmann::json::object();
        for (int p = 0; p < plan::kPartCount; ++p)
            parts[plan::partName(plan::Part(p))] = row.config.parts[size_t(p)];
        nlohmann::json entry{
            {"contender", plan::contenderKey(row.contender)},
            {"name", plan::contenderName(row.contender)},
            {"split", row.config.s1},
            {"tl", row.config.tl.empty() ? nlohmann::json() : nlohmann::json(row.config.tl)},
            {"codec", row.codec},
            {"upload_bytes", row.config.uploadBytes},
            {"predicted_s", row.config.total_s},
            {"parts", parts}};
        if (!runs.empty())
            entry["measured"] = {{"median_s", runs[i].median_s()},
                                 {"runs_s", runs[i].totals_s},
                                 {"round_medians_s", runs[i].roundMedians_s}};
        rows.push_back(entry);
    }
    nlohmann::json speedUps = nlohmann::json::object();
    for (const auto &r : ratios(h))
        if (const auto predicted = h.speedUp(r.slower, r.faster)) {
            speedUps[r.key] = {{"predicted", *predicted}};
            if (const auto measured = measuredRatio(runs, r))
                speedUps[r.key]["measured"] = *measured;
        }
    return {{"model", model},
            {"link", request.link.name},
            {"min_split", request.constraints.minSplit
                              ? nlohmann::json(*request.constraints.minSplit)
                              : nlohmann::json()},
            {"contenders", rows},
            {"speed_ups", speedUps},
            {"notes", absences(h)}};
}

} // namespace cleave::cli
