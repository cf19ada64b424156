// SPDX-License-Identifier: GPL-3.0-or-later
// What the cluster plots draw, as plain data: one inference's time line per device and for the
// aggregator (planned or measured), the rows per device over a run, and the speed-up against
// the number of devices. The plots take these structs; core makes them from plans and from
// the store. Plain data, no LibTorch.
#pragma once

#include "core/plan/chain.h"
#include "core/plan/cluster.h"
#include "core/store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cleave::plan {

/// One span of one lane of an inference's time line, in seconds from the inference's start.
struct TimelineSpan
{
    enum class Kind {
        Receive, ///< a device waits for its rows: from its round's start until they arrived
        Compute, ///< a device computes its strip
        Send,    ///< its output rows cross to the aggregator
        Stitch,  ///< the aggregator stitches a round's strips (and hands them on)
        Rest,    ///< the aggregator runs the blocks after the last round
        Return,  ///< the result goes back to the source
    };
    int lane = 0; ///< into ClusterTimeline::lanes
    Kind kind = Kind::Compute;
    double begin_s = 0;
    double end_s = 0;
    int round = 0;
    int64_t bytes = 0; ///< Receive and Send in a plan: what crosses (0 where not known)
};

constexpr int kTimelineKinds = 6;

/// Every lane's spans of one inference: the devices in the cluster's order, then the
/// aggregator.
struct ClusterTimeline
{
    std::vector<std::string> lanes;
    std::vector<TimelineSpan> spans;
    double total_s = 0;
    int aggregatorLane() const { return int(lanes.size()) - 1; }
};

/// The plan's time line: each round after the one before (a round's makespan each), its
/// shares' receive (from the round's start), compute and send; the aggregator's rest and
/// return leg after the last round. `request` gives the devices' names and links.
ClusterTimeline predictedTimeline(const ChainPlan &plan, const ClusterRequest &request,
                                  const std::string &aggregator);

/// What one stored inference's shares say, on `devices` (a share of a device not among them is
/// left out): a round starts when its first rows are at hand (its earliest share's arrival);
/// the aggregator stitches between a round's last strip and the next round's start, and
/// stitches the last round, runs the rest and returns the result after the makespan.
ClusterTimeline measuredTimeline(const store::ClusterInference &inference,
                                 const std::vector<std::string> &devices,
                                 const std::string &aggregator);

/// The rows each of `devices` took in round `round` of `inference` (0 where it took none).
std::vector<int64_t> rowsInRound(const store::ClusterInference &inference,
                                 const std::vector<std::string> &devices, int round);

/// The rows each device took in one round of every completed inference of a run, in order.
struct ShareColumn
{
    int run = 0;
    std::vector<int64_t> rows; ///< per device of the cluster, 0 where it took none
};
std::vector<ShareColumn> shareHistory(const std::vector<store::ClusterInference> &inferences,
                                      const std::vector<std::string> &devices, int round = 0);

/// The speed-up over the fastest device alone on one segment with the n fastest devices.
struct SpeedupPoint
{
    int devices = 0;
    double predicted = 0; ///< the fastest's segment time over the planner's makespan
    double edgeDi = 0;    ///< the same over EdgeDI's heuristic's makespan
    double bound = 0;     ///< the n fastest's speeds over the fastest's
    std::optional<double> measured;
};

/// One round as the planner saw it: its segment and its request (the devices and their fits).
struct RoundProblem
{
    SegmentRows segment;
    ClusterRequest request;
};

/// The rounds of `chain` among `options` (those it was planned on: roundRequest of the options
/// from each round's first cut). Error(NotFound) names a round `options` do not hold.
std::vector<RoundProblem> roundProblems(const ChainPlan &chain,
                                        const std::vector<RoundOptions> &options);

/// For n = 1 .. the devices not excluded (the source, then the others fastest first), the
/// rounds' cuts kept: the makespan summed over the rounds, each planned on the n devices
/// (planCluster; EdgeDI's heuristic likewise), against the fastest device alone over every
/// round's segment; the bound is the n devices' speeds over the whole, over the fastest's.
/// Devices are named by the first round's request (its exclusions count); devicesMin/Max are
/// ignored. Error as planCluster.
std::vector<SpeedupPoint> speedupByDevices(const std::vector<RoundProblem> &rounds);
/// The same for one segment.
std::vector<SpeedupPoint> speedupByDevices(const SegmentRows &segment,
                                           const ClusterRequest &request);

/// The measured speed-up of a stored run: the median makespan of the fastest device alone over
/// the median makespan of the run's completed inferences; none without either.
std::optional<double> measuredSpeedup(const std::vector<store::ClusterInference> &inferences,
                                      const std::vector<store::ClusterBaseline> &baselines);

/// How many devices took rows, in any round, in the newest completed inference (0 when none
/// completed).
int devicesUsed(const std::vector<store::ClusterInference> &inferences);

} // namespace cleave::plan
