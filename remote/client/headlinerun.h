// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/headline.h"
#include "remote/client/offloadsession.h"

#include <atomic>
#include <functional>
#include <vector>

namespace cleave::remote {

/// What one contender of a plan::Headline took for real: every timed inference, pooled over
/// the rounds, and each round's median (its spread shows the machine's drift).
struct ContenderRuns
{
    plan::Contender contender = plan::Contender::DeviceAlone;
    std::vector<double> totals_s;
    std::vector<double> roundMedians_s;

    double median_s() const;
};

/// How to run the contenders: `base` gives the model, the link, runs and warm-up per round,
/// the agents (or none: local ones, with base.localLimits) and their access; its splits, TL and
/// codec are each contender's.
struct HeadlineRunRequest
{
    OffloadRequest base;
    int rounds = 3; ///< the contenders run round-robin this many times
};

/// Runs each contender's configuration through the Offloader in interleaved rounds, on the same
/// two agents throughout (local ones are started once). Blocking; `cancelled` is read between
/// runs. Throws what OffloadSession::run throws; Error(Cancelled) when cancelled.
std::vector<ContenderRuns>
runHeadline(const plan::Headline &headline, const HeadlineRunRequest &request,
            const std::function<void(double fraction, const std::string &message)> &progress = {},
            const std::atomic<bool> *cancelled = nullptr);

} // namespace cleave::remote
