// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/granularity.h"
#include "core/graph/shape.h"
#include "core/resourcelimits.h"
#include "core/store/sqlite.h"

#include <optional>
#include <string>
#include <vector>

namespace cleave::store {

/// A machine that runs blocks: a device, edge or cloud agent.
struct Resource
{
    int64_t id = 0;
    std::string name; ///< unique, e.g. "jetson-1" or "local-edge"
    std::string role; ///< "device", "edge" or "cloud"
    std::string host;
    std::string cpu;
    int cores = 0;
    int threads = 0;
    std::string accelerator;
    std::string torchVersion;
    std::string blas;
    /// The agent's --cpu-limit and --memory-limit: it emulated a slower machine.
    ResourceLimits limits;
};

/// A model as benchmarked, with the input shape its timings are for (see core/modelid.h).
struct ModelRecord
{
    int64_t id = 0;
    std::string sha256; ///< ModelIdentity::id: the content and the input shape
    std::string name;   ///< a path or zoo:NAME as given, for people
    graph::Shape inputShape;
    int blocks = 0;
    int64_t parameters = 0;
    std::string content; ///< ModelIdentity::content; empty in records of schema 4 and before
    /// Where its cuts lie: its blocks and timings are those of this granularity (schema 11).
    graph::Granularity granularity = graph::Granularity::Block;
};

/// One tensor that crosses a cut of a model, as the agent that analysed it described it
/// (schema 11); a cut of one tensor has tensor 0 only.
struct CutTensorRecord
{
    int cut = 0;
    int tensor = 0; ///< its place in the cut's order
    std::string label;
    std::string op;
    graph::Shape shape;
    std::string dtype;
    int64_t bytes = 0;
};

struct RunSettings
{
    int warmup = 3;
    int reps = 20;
    std::vector<std::string> tlSpecs;
    std::vector<std::string> codecs;
};

/// One benchmark of one model on one resource. Complete only once every result is in.
struct Run
{
    int64_t id = 0;
    int64_t modelId = 0;
    int64_t resourceId = 0;
    RunSettings settings;
    bool complete = false;
    std::optional<double> wholeModel_s; ///< median forward time of the whole model
    std::string startedAt;              ///< UTC, ISO 8601
};

struct BlockTiming
{
    int block = 0;
    double median_s = 0;
    double mean_s = 0;
    double p5_s = 0;
    double p95_s = 0;
    double stddev_s = 0;
    int64_t outputBytes = 0;
    int64_t weightBytes = 0; ///< the block's parameters and buffers
    int64_t peakBytes = 0;   ///< the most its forward held beyond its input (0: not measured)
};

/// What crossing cut `cut` costs with one wire codec.
struct CodecCost
{
    int cut = 0;
    std::string codec; ///< "fp32", "fp16+zstd", ...
    int64_t encodedBytes = 0;
    double serialise_s = 0;
    double deserialise_s = 0;
};

/// What a Transfer Layer costs at cut `cut`: DeviceTL (down) and EdgeTL (up) times and the
/// size of the tensor between them.
struct TlCost
{
    int cut = 0;
    std::string spec; ///< "maxpool2", ...
    double deviceTl_s = 0;
    double edgeTl_s = 0;
    int64_t outputBytes = 0;
};

/// Everything one run measured.
struct Timings
{
    Run run;
    std::vector<BlockTiming> blocks;
    std::vector<CodecCost> codecs;
    std::vector<TlCost> tls;
};

struct NetworkProfileRecord
{
    std::string name;
    double latency_s = 0;
    double uplink_bps = 0;
    double downlink_bps = 0;
};

/// An agent a project uses, with what a secured agent asks for; empty: none. The token itself
/// never enters the project: only the path of the file that holds it.
struct AgentRecord
{
    std::string address; ///< HOST:PORT
    std::string role;    ///< device, edge or cloud
    std::string tokenFile;
    std::string tlsCa; ///< path of the CA certificate that signs the agent's, for TLS
    /// The client certificate and its key (PEM paths) for an agent that requires one (started
    /// with --tls-ca); both or neither.
    std::string tlsCert;
    std::string tlsKey;
};

/// One offloaded run of one split: the model, the agents, how it was cut and sent, the link it
/// went through, and what the planner predicted for it (when the store had timings).
struct OffloadRecord
{
    int64_t id = 0;
    int64_t modelId = 0;
    std::string device; ///< resource names
    std::string edge;   ///< empty: the whole model on the device
    int split = 0;
    std::string tl; ///< empty: none
    std::string codec = "fp32";
    std::string link; ///< a preset's name, "custom" or "unshaped"
    double latency_s = 0;
    double uplink_bps = 0; ///< 0: unshaped
    double downlink_bps = 0;
    std::optional<double> predicted_s;
    std::string startedAt; ///< UTC, ISO 8601
};

/// One inference of an offloaded run, by component, as the device measured it.
struct OffloadInference
{
    int run = 0;
    double device_s = 0;
    double deviceTl_s = 0;
    double serialise_s = 0;
    double uplink_s = 0;
    double deserialise_s = 0;
    double edgeTl_s = 0;
    double edge_s = 0;
    double return_s = 0;
    double total_s = 0;
    int64_t uploadBytes = 0;
    int64_t resultBytes = 0;
};

/// One strip height of segment [first, end) as one resource timed it (cluster planning).
struct StripTiming
{
    int end = 0;
    int64_t rows = 0;
    double median_s = 0;
    double p5_s = 0;
    double p95_s = 0;
    int first = 0; ///< schema 8; 0: the segment starts at the input
};

/// One cluster run: the model, the devices (resource names, in the order given), where the
/// strips were stitched, the segment and link, and what the planner predicted beside EdgeDI's
/// heuristic, the fastest single device and the bound.
struct ClusterRecord
{
    int64_t id = 0;
    int64_t modelId = 0;
    std::vector<std::string> devices;
    std::string aggregator; ///< a device's or the edge's resource name
    int segmentEnd = 0;     ///< the strips cover blocks [0, segmentEnd), the rest on the aggregator
    /// A chain of rounds, each gathered at the source: the cut each round ends at (the last is
    /// segmentEnd); empty for one round.
    std::vector<int> roundEnds;
    std::string link; ///< NetworkProfile::describe() of the devices' links
    std::optional<double> predicted_s;
    std::optional<double> edgeDi_s;
    std::optional<double> fastest_s; ///< the fastest device alone through the same runtime
    std::optional<double> bound;
    std::string startedAt;
};

/// One device's part of one inference of a cluster run, in seconds from the inference's start.
struct ClusterShare
{
    std::string device;
    int64_t rowsBegin = 0;
    int64_t rowsEnd = 0;
    double received_s = 0; ///< its input rows arrived
    double compute_s = 0;  ///< as the device timed its strip
    double finish_s = 0;   ///< its output rows reached the aggregator
    int round = 0;         ///< of a chain of rounds (0: the first, or the only one)
};

/// One attempt at one inference of a cluster run (a retried inference has attempts 0, 1, ...).
struct ClusterInference
{
    int run = 0;
    int attempt = 0;
    bool completed = false; ///< false: a device failed; the next attempt retried it
    double makespan_s = 0;  ///< the last strip at the aggregator
    double stitch_s = 0;    ///< stitching the strips and handing them to the aggregator
    double rest_s = 0;      ///< the aggregator's blocks after the segment
    double return_s = 0;
    double total_s = 0;
    double predicted_s = 0;   ///< for the shares it ran with
    double maxDifference = 0; ///< against the whole model, relative to its largest value
    std::vector<ClusterShare> shares;
};

/// What ran beside a cluster run's inference on the same input, for the comparisons: the
/// fastest device alone on the same blocks ("alone") or EdgeDI's partition ("edgedi").
struct ClusterBaseline
{
    int run = 0;
    std::string way;
    double makespan_s = 0;
    double total_s = 0;
};

/// Something that changed a cluster run: shares moved ("adapted"), a device lost ("lost").
struct ClusterEvent
{
    int run = 0; ///< the inference it happened before
    std::string kind;
    std::string device; ///< empty when not one device's
    std::string detail;
};

/// One configuration's accuracy on a labelled data set: counts over its first `images` images,
/// so that a sweep resumes.
struct AccuracyRecord
{
    std::string dataset; ///< the data set's identity: its name and a digest of what was read
    int split = 0;
    std::string tl; ///< empty: none
    std::string codec;
    std::string fineTuned; ///< empty: the TL as inserted; else how it was fine-tuned
    int64_t images = 0;
    int64_t top1 = 0;
    int64_t top5 = 0;
    int64_t agree = 0; ///< top-1 as the unsplit model's
};

/// The benchmark store: one SQLite file (WAL, foreign keys) holding resources, models, runs,
/// block timings, cut costs and network profiles. Every add* call commits at once, so nothing
/// measured is lost if the process dies. One owner thread per Store.
class Store
{
public:
    static constexpr int kSchemaVersion = 11;

    enum class Access {
        ReadWrite, ///< create the file when missing, migrate it to the current schema
        ReadOnly,  ///< read it as it is: a store of the current schema in a read-only place
    };

    /// Opens (or creates) the file and migrates it to the current schema. A file that is not
    /// SQLite, or whose schema is newer than this build knows, is refused untouched; so is, when
    /// only read, one of an older schema (it cannot be migrated where it is).
    explicit Store(const std::string &path, Access access = Access::ReadWrite);

    /// How a command that only reads (plan, report) opens `path`: read-only when neither the file
    /// nor its folder may be written (a read-only folder or mount), else as usual.
    static Access readingAccess(const std::string &path);

    const std::string &path() const { return m_db.path(); }
    int schemaVersion();

    /// Insert or update by name; returns the id.
    int64_t addResource(const Resource &resource);
    std::vector<Resource> resources();
    std::optional<Resource> resource(const std::string &name);

    /// Insert or update by SHA-256; returns the id.
    int64_t addModel(const ModelRecord &model);
    std::optional<ModelRecord> model(const std::string &sha256);
    /// Models stored under `name` (a path or zoo:NAME as given to bench), newest first.
    std::vector<ModelRecord> modelsNamed(const std::string &name);
    /// Models of this content (ModelIdentity::content), any input shape, newest first.
    std::vector<ModelRecord> modelsWithContent(const std::string &content);
    /// Every model, newest first.
    std::vector<ModelRecord> models();
    std::vector<std::string> modelNames();
    /// When the model's newest benchmark began (UTC, ISO 8601), if it has any.
    std::optional<std::string> lastRunStarted(int64_t modelId);
    /// The resources with at least one complete run of the model.
    std::vector<Resource> timedResources(int64_t modelId);

    int64_t beginRun(int64_t modelId, int64_t resourceId, const RunSettings &settings);
    /// Results replace earlier ones for the same block (or cut and codec/spec) of the run, so
    /// a resumed run may re-measure what it was doing when interrupted.
    /// Replaces the tensors recorded for the model's cuts.
    void setCutTensors(int64_t modelId, const std::vector<CutTensorRecord> &tensors);
    /// The model's cut tensors by cut, then place; empty when none were recorded.
    std::vector<CutTensorRecord> cutTensors(int64_t modelId);
    void addBlockTiming(int64_t runId, const BlockTiming &timing);
    void addCodecCost(int64_t runId, const CodecCost &cost);
    void addTlCost(int64_t runId, const TlCost &cost);
    /// Records the whole model's time and marks the run complete.
    void finishRun(int64_t runId, double wholeModel_s);

    /// The newest incomplete run of the model on the resource, to resume.
    std::optional<Run> incompleteRun(int64_t modelId, int64_t resourceId);
    /// The newest complete run's results: what the planner uses.
    std::optional<Timings> latestTimings(int64_t modelId, int64_t resourceId);
    Timings timings(int64_t runId);

    /// Offloaded runs: measurements of real split inference. Each inference commits at once.
    int64_t beginOffload(const OffloadRecord &record);
    void addOffloadInference(int64_t offloadId, const OffloadInference &inference);
    /// The model's offloaded runs, oldest first.
    std::vector<OffloadRecord> offloads(int64_t modelId);
    std::vector<OffloadInference> offloadInferences(int64_t offloadId);

    /// Strip timings replace earlier ones of the same resource, model, segment and height.
    void addStripTiming(int64_t modelId, int64_t resourceId, const StripTiming &timing);
    std::vector<StripTiming> stripTimings(int64_t modelId, int64_t resourceId);

    int64_t beginCluster(const ClusterRecord &record);
    void addClusterInference(int64_t clusterId, const ClusterInference &inference);
    void addClusterEvent(int64_t clusterId, const ClusterEvent &event);
    void addClusterBaseline(int64_t clusterId, const ClusterBaseline &baseline);
    std::vector<ClusterRecord> clusters(int64_t modelId);
    std::vector<ClusterInference> clusterInferences(int64_t clusterId);
    std::vector<ClusterEvent> clusterEvents(int64_t clusterId);
    /// By run, then way.
    std::vector<ClusterBaseline> clusterBaselines(int64_t clusterId);

    /// Accuracy counts replace earlier ones of the same model, data set and configuration.
    void addAccuracy(int64_t modelId, const AccuracyRecord &accuracy);
    /// By data set, split, TL, codec, fine-tuning.
    std::vector<AccuracyRecord> accuracies(int64_t modelId);

    void saveNetworkProfile(const NetworkProfileRecord &profile);
    std::vector<NetworkProfileRecord> networkProfiles();

    /// The project's agents, in order; replaces the list.
    void setAgents(const std::vector<AgentRecord> &agents);
    std::vector<AgentRecord> agents();
    /// Project settings (the model open, the link chosen), by key.
    void setSetting(const std::string &key, const std::string &value);
    std::optional<std::string> setting(const std::string &key);

    /// Writes a consistent copy of the whole file to `path` (which must not exist): Save As.
    void saveCopy(const std::string &path);

private:
    void migrate();
    Run readRun(Statement &query);

    Database m_db;
};

} // namespace cleave::store
