// SPDX-License-Identifier: GPL-3.0-or-later
#include "remote/client/headlinerun.h"

#include "core/bench/statistics.h"
#include "core/error.h"
#include "remote/client/localagents.h"

#include <memory>

namespace cleave::remote {

double ContenderRuns::median_s() const
{
    return totals_s.empty() ? 0 : bench::summarise(totals_s).median_s;
}

namespace {

// The offload of one contender's configuration: its split, TL and codec on `base`'s agents.
OffloadRequest requestFor(const plan::HeadlineRow &row, const OffloadRequest &base)
{
    auto r = base;
    r.splits = {row.config.s1};
    r.rounds = 1;
    r.db.clear(); // the headline holds the predictions; no drift check per contender
    r.settings.codec = codec::Codec::parse(row.codec);
    r.settings.tl.reset();
    if (!row.config.tl.empty())
        r.settings.tl = tl::TlSpec::parse(row.config.tl);
    return r;
}

} // namespace

std::vector<ContenderRuns>
runHeadline(const plan::Headline &headline, const HeadlineRunRequest &request,
            const std::function<void(double fraction, const std::string &message)> &progress,
            const std::atomic<bool> *cancelled)
{
    auto base = request.base;
    std::unique_ptr<LocalAgents> local;
    if (base.device.empty() && base.edge.empty()) {
        local = std::make_unique<LocalAgents>(base.deviceAccess.tokenFile, base.localLimits);
        base.device = local->device().address();
        base.edge = local->edge().address();
        base.deviceAccess = base.edgeAccess = local->access();
    }
    std::vector<ContenderRuns> runs;
    for (const auto &row : headline.rows)
        runs.push_back({row.contender, {}, {}});
    const int steps = int(headline.rows.size()) * request.rounds;
    for (int round = 0; round < request.rounds; ++round) {
        for (size_t i = 0; i < headline.rows.size(); ++i) {
            if (cancelled && *cancelled)
                throw Error(ErrorKind::Cancelled, "cancelled");
            const auto &row = headline.rows[i];
            const int step = round * int(headline.rows.size()) + int(i);
            if (progress)
                progress(double(step) / steps, std::string(plan::contenderName(row.contender)) +
                                                   ", round " + std::to_string(round + 1));
            OffloadSession session(requestFor(row, base));
            const auto outcome = session.run();
            std::vector<double> totals;
            for (const auto &t : outcome.splits.at(0).measured.runs)
                totals.push_back(t.total_s());
            runs[i].totals_s.insert(runs[i].totals_s.end(), totals.begin(), totals.end());
            runs[i].roundMedians_s.push_back(bench::summarise(totals).median_s);
        }
    }
    if (progress)
        progress(1, "done");
    return runs;
}

} // namespace cleave::remote
