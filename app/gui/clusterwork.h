// SPDX-License-Identifier: GPL-3.0-or-later
// One inference over a cluster of local device agents, run from the workbench: the worker side
// of the Cluster view. No widgets here; what the view draws arrives as plain data.
#pragma once

#include "app/gui/projectwork.h"
#include "core/plan/clusterfigures.h"
#include "core/plan/deployments.h"
#include "core/plan/fromstore.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace cleave::gui {

struct ClusterJob
{
    QString project; ///< timings, inferences and events are stored here as they arrive
    QString model;
    /// The project's device agents to run on, the first holding the input; empty: local device
    /// agents, one per CPU share.
    QList<AgentEntry> agents;
    std::vector<double> shares{0.5, 0.25, 0.25};
    /// Stitches the strips and runs the rest (the project's edge agent, or with local devices a
    /// local edge agent when `localEdge`); none: the first device.
    std::optional<AgentEntry> edge;
    bool localEdge = false;
    QString link = QStringLiteral("lan"); ///< a preset: every device's link
    int runs = 10;
    int warmup = 2;
    bool rounds = true;            ///< the planner may chain rounds; false: one segment
    std::optional<int> segmentEnd; ///< one segment up to this cut; none: the planner's
    bool edgeDi = false;           ///< EdgeDI's partition beside every inference
};

/// The CPU shares a local device agent may have: the least quota the kernel allows in the
/// agents' period, up to the cores here.
struct ShareRange
{
    double least = 0.1;
    double most = 1.0;
};
ShareRange localShareRange();

/// What the view draws after each inference.
struct ClusterFrame
{
    std::vector<std::string> devices;
    plan::ClusterTimeline measured; ///< the newest completed inference
    plan::ClusterTimeline planned;  ///< its plan
    std::vector<plan::ShareColumn> shares;
    std::vector<plan::SpeedupPoint> speedup; ///< with the measured point so far
    int done = 0;
    int total = 0;
    bool stored = false;  ///< a stored run, drawn when its project opened
    plan::ChainPlan plan; ///< planFrame's: the rounds and rows planned
};

/// What the planner may choose, as the Run would: the planner's choice (one segment, or rounds
/// gathered at the first device when faster), one segment, or one segment up to a given cut.
struct PlanChoice
{
    bool rounds = true;
    std::optional<int> segmentEnd;
};

/// What planning before running needs: the devices of the model's newest stored cluster run,
/// with their fits of every segment (and of rounds) on its link, gathered where that run
/// gathered.
struct ClusterPlanning
{
    std::vector<std::string> devices;
    std::string aggregator;
    plan::StoredCluster cluster;
    /// The same devices before gathering, and the block timings of the run's model: what the
    /// ranking of the ways (rankWays) plans on.
    plan::StoredCluster ungathered;
    std::shared_ptr<const plan::Planner> planner;
    /// The run as it went: its last completed inference, the rows of every one, the speed-up;
    /// none when it completed none.
    std::optional<ClusterFrame> lastRun;
};

/// Reads the project's newest cluster run of `model` (blocking: the model's row maps need
/// LibTorch; on a worker). None when the project has no cluster run of it.
std::optional<ClusterPlanning> loadPlanning(const QString &project, const QString &model);

/// The plan for the devices that take part (`excluded[i]`: device i does not), each device's
/// fits scaled by `slowdown[i]` (2: twice as slow), on `link`, as `choice` allows: its time line
/// and the speed-up against the devices. Plain planning: fast enough to run on every change.
ClusterFrame planFrame(const ClusterPlanning &planning, const std::vector<bool> &excluded,
                       const std::vector<double> &slowdown, const plan::NetworkProfile &link,
                       const PlanChoice &choice = {});

/// The ways one inference from the run's source device can run (the device alone, Scission,
/// the cluster, the cluster to the edge), planned for `request` (its link every device's),
/// fastest first; as `cleave-cli plan --cluster` ranks them.
plan::DeploymentRanking rankWays(const ClusterPlanning &planning, const plan::PlanRequest &request);

/// A cluster run that can be cancelled from the GUI thread while a worker runs it (between
/// inferences, and between the steps of its preparation).
class ClusterRunner
{
public:
    explicit ClusterRunner(ClusterJob job);
    ~ClusterRunner();

    /// Starts the agents, times, plans and runs (blocking; on a worker). `frame` follows the
    /// plan and every inference; returns a one-line summary; throws Error on failure or
    /// cancellation (what was stored stays in the project).
    QString run(const std::function<void(const ClusterFrame &)> &frame,
                const std::function<void(const QString &line)> &log);
    void cancel();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cleave::gui
