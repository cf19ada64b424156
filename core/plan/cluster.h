// SPDX-License-Identifier: GPL-3.0-or-later
// One inference over a cluster of devices: the first blocks of the model cut into horizontal
// strips, one per device, sized to each device's measured speed (the EdgeDI case). The words and
// the cost of one inference are those of the cluster design notes; docs/architecture.md says
// what the runtime does. Plain data, no LibTorch.
#pragma once

#include "core/error.h"
#include "core/graph/rows.h"
#include "core/plan/network.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cleave::plan {

/// A strip's compute time against its work: alpha + beta * work, a least-squares fit of
/// timings at three or more heights on one device. Work is what SegmentRows::work counts: the
/// share of the whole segment's work a strip does, its halo included (1: the whole segment).
struct RowCost
{
    double alpha_s = 0;
    double beta_s = 0;          ///< per unit of work: alpha + beta is the whole segment
    double worstResidual_s = 0; ///< the largest |measured - fitted| among the timings fitted
    double at(double work) const { return work > 0 ? alpha_s + beta_s * work : 0.0; }
    /// The least-squares line through (work, seconds) points; one point gives a constant.
    static RowCost fit(const std::vector<std::pair<double, double>> &points);
};

/// Segment [0, end) of a model as the planner sees it: per output row, the input rows it needs
/// (halo included, clipped), the work a strip of it does, and the bytes of one row of the input
/// and of the output.
///
/// Work: a strip computes, at every cut inside the segment, the rows its output needs there
/// (clipped at the real edges). Each block's output rows weigh the block's time over its output
/// height (`blockWeights`, one per block, e.g. one device's block timings; none: every block
/// alike), and a strip's work is the sum over the blocks of the rows it computes times their
/// weight, over the whole segment's. So a strip at the top or bottom edge, with a halo on one
/// side, does less work than one of as many rows in the middle.
struct SegmentRows
{
    int first = 0; ///< the run's first cut: 0, the input
    int end = 0;
    int64_t inputRowBytes = 0;
    int64_t outputRowBytes = 0;
    std::vector<graph::RowRange> needs; ///< one per output row
    /// Per output row r: the weighted first and end rows it computes, summed over the blocks:
    /// work([o0, o1)) = workEnd[o1 - 1] - workBegin[o0].
    std::vector<double> workBegin;
    std::vector<double> workEnd;

    /// From the row-local run that starts at the input (run.first == 0).
    static SegmentRows of(const graph::RowLocalRun &run, int end, int64_t inputRowBytes,
                          int64_t outputRowBytes, const std::vector<double> &blockWeights = {});
    /// One per end of `ends`, with the bytes of each cut (`cutBytes[c]`, c = 0 the input).
    static std::vector<SegmentRows> all(const graph::RowLocalRun &run, const std::vector<int> &ends,
                                        const std::vector<int64_t> &cutBytes,
                                        const std::vector<double> &blockWeights = {});
    int64_t rows() const { return int64_t(needs.size()); }
    /// The input rows that output rows `out` need.
    graph::RowRange input(const graph::RowRange &out) const
    {
        return {needs[size_t(out.begin)].begin, needs[size_t(out.end - 1)].end};
    }
    /// The share of the whole segment's work that output rows `out` take (1 for every row).
    double work(const graph::RowRange &out) const
    {
        return out.empty() ? 0.0 : workEnd[size_t(out.end - 1)] - workBegin[size_t(out.begin)];
    }
    /// The fit of strip timings (output rows, seconds) in work: each timed strip is the middle
    /// `rows` rows, as graph::middleRows places it.
    RowCost fit(const std::vector<std::pair<int64_t, double>> &timings) const;
};

/// One timed strip: the middle `rows` output rows of segment [first, end).
struct StripTime
{
    int end = 0;
    int64_t rows = 0;
    double seconds = 0;
    int first = 0;
};

/// Each segment's fit of the strips timed on it (same first and end; SegmentRows::fit), by
/// end; segments without timings have none.
std::map<int, RowCost> fitStrips(const std::vector<SegmentRows> &segments,
                                 const std::vector<StripTime> &timings);

/// One device of the cluster.
struct ClusterDevice
{
    std::string name;
    /// Its link to the aggregator: the strip's output goes up it (latency + bytes / uplink).
    /// The source's link's uplink also carries every strip it sends.
    NetworkProfile link;
    std::map<int, RowCost> strips; ///< segment end -> the fit of its strips' compute time
    /// Blocks [0, K) timed whole: what the device alone, or as aggregator, needs for the rest.
    std::vector<double> block_s;
    /// Speed of the whole segment [0, end) on this device alone, 1 / its time.
    double speed(int end) const;
};

/// What is asked of the cluster planner.
struct ClusterRequest
{
    std::vector<ClusterDevice> devices;
    int source = 0; ///< the device that holds the input
    /// The device that stitches the strips and runs the rest of the model; none: an edge server
    /// (`edgeBlock_s`) reached over each device's link.
    std::optional<int> aggregator;
    std::vector<double> edgeBlock_s; ///< K blocks, timed on the edge (aggregator none)
    int64_t outputBytes = 0;         ///< the model's output: the return leg to the source
    bool returnLeg = true;
    std::optional<int> segmentEnd; ///< a fixed segment; none: the best measured one
    int devicesMin = 1;
    int devicesMax = 0; ///< 0: as many as there are
    std::vector<std::string> excluded;
    std::optional<int64_t> maxLinkBytes; ///< per device link and inference, in and out
};

/// Why a cluster cannot be planned, as a value; front ends name the demands their own way.
struct ClusterProblem
{
    enum class Kind {
        NoDevices,        ///< no device is left to take part
        DuplicateDevice,  ///< `device` is listed twice
        UnknownDevice,    ///< `device` (excluded, source or aggregator) is not in the cluster
        SourceExcluded,   ///< the source `device` is excluded
        DeviceCountRange, ///< devicesMin `number` and devicesMax `other` do not fit `limit` devices
        MoreDevicesThanRows, ///< devicesMin `number` exceeds the `limit` rows of segment `end`
        NoStripTimings,      ///< `device` has no strip timings of segment `end` (or of any: end -1)
        NotRowLocal,         ///< segment `end` is past the row-local run, which ends at `limit`
        LinkBytes,           ///< no partition keeps every link under `number` bytes
    };
    Kind kind = Kind::NoDevices;
    std::string device;
    int64_t number = 0;
    int64_t other = 0;
    int64_t limit = 0;
    int end = -1;
};

/// The problem in plain words, e.g. "pi4 has no strip timings of segment [0, 12)".
std::string problemText(const ClusterProblem &problem);

/// The cluster planner's error: Error(NotFound) for missing timings, Error(InvalidInput)
/// otherwise, with problemText as its message.
class ClusterError : public Error
{
public:
    explicit ClusterError(ClusterProblem problem);
    const ClusterProblem &problem() const noexcept { return m_problem; }

private:
    ClusterProblem m_problem;
};

/// One device's share of an inference and when each part ends, in seconds from the start.
struct Share
{
    int device = 0; ///< index into ClusterRequest::devices
    graph::RowRange rows;
    graph::RowRange input;
    int64_t inputBytes = 0; ///< 0 for the source's own strip
    int64_t outputBytes = 0;
    double received_s = 0; ///< its rows have arrived (0 at the source)
    double computed_s = 0;
    double finish_s = 0; ///< its output rows have reached the aggregator
};

/// How the cluster runs one inference.
struct ClusterPlan
{
    int first = 0;             ///< segment [first, end) in strips (0 but for a chain's rounds)
    int end = 0;               ///< the rest [end, K) on the aggregator
    std::vector<Share> shares; ///< in the order the source sends, devices without rows left out
    double makespan_s = 0;     ///< the last strip at the aggregator: max finish
    double rest_s = 0;         ///< the aggregator's blocks [end, K)
    double return_s = 0;       ///< the result back to the source
    double total_s = 0;
    /// Rows per device, by index into ClusterRequest::devices (0 where unused).
    std::vector<int64_t> rowsByDevice(size_t devices) const;
};

/// Cleave's plan beside EdgeDI's heuristic on the same measurements, the fastest single device
/// and the theoretical bound on the speed-up over it.
struct ClusterComparison
{
    ClusterPlan cleave;
    ClusterPlan edgeDi;
    int fastest = 0; ///< the device whose whole segment takes least
    double fastestSegment_s = 0;
    double bound = 0; ///< sum of speeds / fastest speed, for the segment of `cleave`
};

/// The order the source sends strips in: itself first (its strip is not sent), then the others
/// by decreasing speed on segment `end`, then by name.
std::vector<int> sendOrder(const ClusterRequest &request, const SegmentRows &segment);

/// The cost of one inference with `rows[i]` rows for device order[i] (the formula of the design
/// notes; strips are contiguous, top to bottom in send order; zero rows leave a device out).
ClusterPlan evaluate(const SegmentRows &segment, const ClusterRequest &request,
                     const std::vector<int> &order, const std::vector<int64_t> &rows);

/// The same, with rows given per device (index into ClusterRequest::devices), in send order.
ClusterPlan evaluateByDevice(const SegmentRows &segment, const ClusterRequest &request,
                             const std::vector<int64_t> &rowsByDevice);

/// "16/4/5": rows per device, as plans and events show them.
std::string rowsText(const std::vector<int64_t> &rowsByDevice);

/// The integer rows, devices and segment end that minimise the total (exact for the send order
/// of sendOrder). `segments` holds every candidate end; those without fits on every device
/// taking part are skipped. Throws ClusterError when no plan meets the request.
ClusterPlan planCluster(const std::vector<SegmentRows> &segments, const ClusterRequest &request);

/// EdgeDI's heuristic on segment `segment`: rows in proportion to speed, then one row at a time
/// from the device that finishes last to the one that finishes first while the makespan shrinks.
ClusterPlan edgeDiPlan(const SegmentRows &segment, const ClusterRequest &request);

/// Both, the fastest device and the bound.
ClusterComparison compareCluster(const std::vector<SegmentRows> &segments,
                                 const ClusterRequest &request);

} // namespace cleave::plan
