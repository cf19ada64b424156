// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/store.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>

#include <unistd.h>

namespace cleave::store {

namespace {

// 'Clv1': marks a file as a Cleave store, so other SQLite files are never migrated into one.
constexpr int64_t kApplicationId = 0x436c7631;

// migrations[i] takes the schema from version i to i + 1. Append only; never edit one that has
// shipped.
const std::array<const char *, Store::kSchemaVersion> kMigrations{R"sql(
CREATE TABLE resources(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('device', 'edge', 'cloud')),
    host TEXT NOT NULL DEFAULT '',
    cpu TEXT NOT NULL DEFAULT '',
    cores INTEGER NOT NULL DEFAULT 0,
    threads INTEGER NOT NULL DEFAULT 0,
    accelerator TEXT NOT NULL DEFAULT '',
    torch_version TEXT NOT NULL DEFAULT '',
    blas TEXT NOT NULL DEFAULT '');
CREATE TABLE models(
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    input_shape TEXT NOT NULL,
    blocks INTEGER NOT NULL,
    parameters INTEGER NOT NULL);
CREATE TABLE runs(
    id INTEGER PRIMARY KEY,
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    warmup INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    tl_specs TEXT NOT NULL,
    codecs TEXT NOT NULL,
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at TEXT,
    whole_model_s REAL,
    complete INTEGER NOT NULL DEFAULT 0);
CREATE INDEX runs_by_pair ON runs(model_id, resource_id, complete);
CREATE TABLE block_timings(
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    block INTEGER NOT NULL CHECK (block >= 0),
    median_s REAL NOT NULL,
    mean_s REAL NOT NULL,
    p5_s REAL NOT NULL,
    p95_s REAL NOT NULL,
    stddev_s REAL NOT NULL,
    output_bytes INTEGER NOT NULL,
    PRIMARY KEY (run_id, block)) WITHOUT ROWID;
CREATE TABLE codec_costs(
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    cut INTEGER NOT NULL CHECK (cut >= 0),
    codec TEXT NOT NULL,
    encoded_bytes INTEGER NOT NULL,
    serialise_s REAL NOT NULL,
    deserialise_s REAL NOT NULL,
    PRIMARY KEY (run_id, cut, codec)) WITHOUT ROWID;
CREATE TABLE tl_costs(
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    cut INTEGER NOT NULL CHECK (cut >= 0),
    spec TEXT NOT NULL,
    device_tl_s REAL NOT NULL,
    edge_tl_s REAL NOT NULL,
    output_bytes INTEGER NOT NULL,
    PRIMARY KEY (run_id, cut, spec)) WITHOUT ROWID;
CREATE TABLE network_profiles(
    name TEXT PRIMARY KEY,
    latency_s REAL NOT NULL CHECK (latency_s >= 0),
    uplink_bps REAL NOT NULL CHECK (uplink_bps > 0),
    downlink_bps REAL NOT NULL CHECK (downlink_bps > 0));
)sql",
                                                                  R"sql(
CREATE TABLE offload_runs(
    id INTEGER PRIMARY KEY,
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    edge TEXT NOT NULL,
    split INTEGER NOT NULL CHECK (split >= 0),
    tl TEXT NOT NULL,
    codec TEXT NOT NULL,
    link TEXT NOT NULL,
    latency_s REAL NOT NULL CHECK (latency_s >= 0),
    uplink_bps REAL NOT NULL CHECK (uplink_bps >= 0),
    downlink_bps REAL NOT NULL CHECK (downlink_bps >= 0),
    predicted_s REAL,
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
CREATE INDEX offload_runs_by_model ON offload_runs(model_id);
CREATE TABLE offload_inferences(
    offload_id INTEGER NOT NULL REFERENCES offload_runs(id) ON DELETE CASCADE,
    run INTEGER NOT NULL CHECK (run >= 0),
    device_s REAL NOT NULL,
    device_tl_s REAL NOT NULL,
    serialise_s REAL NOT NULL,
    uplink_s REAL NOT NULL,
    deserialise_s REAL NOT NULL,
    edge_tl_s REAL NOT NULL,
    edge_s REAL NOT NULL,
    return_s REAL NOT NULL,
    total_s REAL NOT NULL,
    upload_bytes INTEGER NOT NULL,
    result_bytes INTEGER NOT NULL,
    PRIMARY KEY (offload_id, run)) WITHOUT ROWID;
)sql",
                                                                  R"sql(
CREATE TABLE agents(
    address TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('device', 'edge', 'cloud')),
    token_file TEXT NOT NULL DEFAULT '',
    tls_ca TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE settings(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL) WITHOUT ROWID;
)sql",
                                                                  R"sql(
ALTER TABLE agents ADD COLUMN tls_cert TEXT NOT NULL DEFAULT '';
ALTER TABLE agents ADD COLUMN tls_key TEXT NOT NULL DEFAULT '';
)sql",
                                                                  R"sql(
ALTER TABLE models ADD COLUMN content TEXT NOT NULL DEFAULT '';
CREATE INDEX models_by_content ON models(content);
)sql",
                                                                  R"sql(
ALTER TABLE resources ADD COLUMN cpu_limit REAL NOT NULL DEFAULT 0;
ALTER TABLE resources ADD COLUMN memory_limit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE block_timings ADD COLUMN weight_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE block_timings ADD COLUMN peak_bytes INTEGER NOT NULL DEFAULT 0;
)sql",
                                                                  R"sql(
CREATE TABLE strip_timings(
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    segment_end INTEGER NOT NULL CHECK (segment_end > 0),
    rows INTEGER NOT NULL CHECK (rows > 0),
    median_s REAL NOT NULL CHECK (median_s >= 0),
    p5_s REAL NOT NULL,
    p95_s REAL NOT NULL,
    measured_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (model_id, resource_id, segment_end, rows)) WITHOUT ROWID;
CREATE TABLE cluster_runs(
    id INTEGER PRIMARY KEY,
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    devices TEXT NOT NULL,
    aggregator TEXT NOT NULL,
    segment_end INTEGER NOT NULL CHECK (segment_end > 0),
    link TEXT NOT NULL,
    predicted_s REAL,
    edgedi_s REAL,
    fastest_s REAL,
    bound REAL,
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
CREATE INDEX cluster_runs_by_model ON cluster_runs(model_id);
CREATE TABLE cluster_inferences(
    cluster_id INTEGER NOT NULL REFERENCES cluster_runs(id) ON DELETE CASCADE,
    run INTEGER NOT NULL CHECK (run >= 0),
    attempt INTEGER NOT NULL CHECK (attempt >= 0),
    completed INTEGER NOT NULL,
    makespan_s REAL NOT NULL,
    stitch_s REAL NOT NULL,
    rest_s REAL NOT NULL,
    return_s REAL NOT NULL,
    total_s REAL NOT NULL,
    predicted_s REAL NOT NULL,
    max_difference REAL NOT NULL,
    PRIMARY KEY (cluster_id, run, attempt)) WITHOUT ROWID;
CREATE TABLE cluster_shares(
    cluster_id INTEGER NOT NULL,
    run INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    device TEXT NOT NULL,
    rows_begin INTEGER NOT NULL,
    rows_end INTEGER NOT NULL,
    received_s REAL NOT NULL,
    compute_s REAL NOT NULL,
    finish_s REAL NOT NULL,
    PRIMARY KEY (cluster_id, run, attempt, device),
    FOREIGN KEY (cluster_id, run, attempt) REFERENCES cluster_inferences(cluster_id, run, attempt)
        ON DELETE CASCADE) WITHOUT ROWID;
CREATE TABLE cluster_events(
    id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL REFERENCES cluster_runs(id) ON DELETE CASCADE,
    run INTEGER NOT NULL,
    kind TEXT NOT NULL,
    device TEXT NOT NULL,
    detail TEXT NOT NULL);
)sql",
                                                                  R"sql(
CREATE TABLE strip_timings_8(
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    resource_id INTEGER NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    segment_first INTEGER NOT NULL DEFAULT 0 CHECK (segment_first >= 0),
    segment_end INTEGER NOT NULL CHECK (segment_end > segment_first),
    rows INTEGER NOT NULL CHECK (rows > 0),
    median_s REAL NOT NULL CHECK (median_s >= 0),
    p5_s REAL NOT NULL,
    p95_s REAL NOT NULL,
    measured_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (model_id, resource_id, segment_first, segment_end, rows)) WITHOUT ROWID;
INSERT INTO strip_timings_8(model_id, resource_id, segment_first, segment_end, rows, median_s,
                            p5_s, p95_s, measured_at)
    SELECT model_id, resource_id, 0, segment_end, rows, median_s, p5_s, p95_s, measured_at
    FROM strip_timings;
DROP TABLE strip_timings;
ALTER TABLE strip_timings_8 RENAME TO strip_timings;
)sql",
                                                                  R"sql(
ALTER TABLE cluster_runs ADD COLUMN round_ends TEXT NOT NULL DEFAULT '[]';
CREATE TABLE cluster_shares_9(
    cluster_id INTEGER NOT NULL,
    run INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    round INTEGER NOT NULL DEFAULT 0 CHECK (round >= 0),
    device TEXT NOT NULL,
    rows_begin INTEGER NOT NULL,
    rows_end INTEGER NOT NULL,
    received_s REAL NOT NULL,
    compute_s REAL NOT NULL,
    finish_s REAL NOT NULL,
    PRIMARY KEY (cluster_id, run, attempt, round, device),
    FOREIGN KEY (cluster_id, run, attempt) REFERENCES cluster_inferences(cluster_id, run, attempt)
        ON DELETE CASCADE) WITHOUT ROWID;
INSERT INTO cluster_shares_9(cluster_id, run, attempt, round, device, rows_begin, rows_end,
                             received_s, compute_s, finish_s)
    SELECT cluster_id, run, attempt, 0, device, rows_begin, rows_end, received_s, compute_s,
           finish_s
    FROM cluster_shares;
DROP TABLE cluster_shares;
ALTER TABLE cluster_shares_9 RENAME TO cluster_shares;
CREATE TABLE cluster_baselines(
    cluster_id INTEGER NOT NULL REFERENCES cluster_runs(id) ON DELETE CASCADE,
    run INTEGER NOT NULL CHECK (run >= 0),
    way TEXT NOT NULL CHECK (way IN ('alone', 'edgedi')),
    makespan_s REAL NOT NULL,
    total_s REAL NOT NULL,
    PRIMARY KEY (cluster_id, run, way)) WITHOUT ROWID;
)sql",
                                                                  R"sql(
CREATE TABLE accuracy(
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    dataset TEXT NOT NULL,
    split INTEGER NOT NULL CHECK (split >= 0),
    tl TEXT NOT NULL,
    codec TEXT NOT NULL,
    fine_tuned TEXT NOT NULL,
    images INTEGER NOT NULL CHECK (images >= 0),
    top1 INTEGER NOT NULL CHECK (top1 BETWEEN 0 AND images),
    top5 INTEGER NOT NULL CHECK (top5 BETWEEN top1 AND images),
    agree INTEGER NOT NULL CHECK (agree BETWEEN 0 AND images),
    measured_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (model_id, dataset, split, tl, codec, fine_tuned)) WITHOUT ROWID;
)sql",
                                                                  R"sql(
ALTER TABLE models ADD COLUMN granularity TEXT NOT NULL DEFAULT 'block';
CREATE TABLE cut_tensors(
    model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    cut INTEGER NOT NULL CHECK (cut >= 0),
    tensor INTEGER NOT NULL CHECK (tensor >= 0),
    label TEXT NOT NULL,
    op TEXT NOT NULL,
    shape TEXT NOT NULL,
    dtype TEXT NOT NULL,
    bytes INTEGER NOT NULL CHECK (bytes >= 0),
    PRIMARY KEY (model_id, cut, tensor)) WITHOUT ROWID;
)sql"};

int64_t scalar(Database &db, const char *sql, const char *doing)
{
    Statement query(db, sql);
    if (!query.step())
        db.fail(doing);
    return query.integer(0);
}

std::string toJson(const std::vector<std::string> &list)
{
    return nlohmann::json(list).dump();
}

/// A list the store wrote as JSON; a damaged one (found by fuzz_project: it ended the program)
/// is an error naming the file and the run.
template<typename T>
std::vector<T> listOf(const std::string &json, const std::string &path, int64_t runId)
{
    try {
        return nlohmann::json::parse(json).get<std::vector<T>>();
    } catch (const nlohmann::json::exception &) {
        throw Error(ErrorKind::InvalidInput, path + ": run " + std::to_string(runId) +
                                                 " is damaged (its settings are not a list)");
    }
}

std::optional<double> optionalReal(const Statement &query, int column)
{
    return query.isNull(column) ? std::nullopt : std::optional<double>(query.real(column));
}

} // namespace

Store::Access Store::readingAccess(const std::string &path)
{
    const auto folder = std::filesystem::path(path).parent_path();
    const bool writable =
        access(path.c_str(), W_OK) == 0 && access(folder.empty() ? "." : folder.c_str(), W_OK) == 0;
    return writable ? Access::ReadWrite : Access::ReadOnly;
}

Store::Store(const std::string &path, Access access)
    : m_db(path,
           access == Access::ReadOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWriteCreate)
{
    // Everything up to the migration only reads, so a file we refuse is left as it was.
    int64_t version = 0;
    try {
        version = scalar(m_db, "PRAGMA user_version", "reading the schema version");
    } catch (const Error &) {
        throw Error(ErrorKind::InvalidInput,
                    path + ": not a Cleave database (" + m_db.lastError() + ")");
    }
    // A negative version (found by fuzz_project) would index the migrations out of range.
    if (version < 0)
        throw Error(ErrorKind::InvalidInput,
                    path + ": schema version " + std::to_string(version) + " is not Cleave's");
    if (version > kSchemaVersion)
        throw Error(ErrorKind::InvalidInput, path + ": schema version " + std::to_string(version) +
                                                 " is newer than this Cleave understands (" +
                                                 std::to_string(kSchemaVersion) +
                                                 "); open it with a newer Cleave");
    const auto application = scalar(m_db, "PRAGMA application_id", "reading the application id");
    const auto tables = scalar(m_db, "SELECT count(*) FROM sqlite_master", "reading the schema");
    if (application != kApplicationId && (tables > 0 || version > 0))
        throw Error(ErrorKind::InvalidInput,
                    path + ": an SQLite database, but not a Cleave store (application id " +
                        std::to_string(application) + ")");

    if (access == Access::ReadOnly) {
        if (version < kSchemaVersion)
            throw Error(ErrorKind::InvalidInput,
                        path + ": schema version " + std::to_string(version) +
                            " is older than this Cleave's (" + std::to_string(kSchemaVersion) +
                            ") and its folder is not writable, so it cannot be upgraded there: "
                            "copy it to a writable folder");
        return;
    }
    // WAL: readers (the GUI) never block the writer committing results.
    m_db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;");
    migrate();
}

void Store::migrate()
{
    Transaction transaction(m_db);
    auto version = scalar(m_db, "PRAGMA user_version", "reading the schema version");
    if (version >= kSchemaVersion)
        return;
    for (; version < kSchemaVersion; ++version)
        m_db.execute(kMigrations[size_t(version)]);
    m_db.execute("PRAGMA application_id = " + std::to_string(kApplicationId) +
                 "; PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";");
    transaction.commit();
}

int Store::schemaVersion()
{
    return int(scalar(m_db, "PRAGMA user_version", "reading the schema version"));
}

int64_t Store::addResource(const Resource &r)
{
    Statement upsert(m_db, R"sql(
        INSERT INTO resources(name, role, host, cpu, cores, threads, accelerator, torch_version,
                              blas, cpu_limit, memory_limit)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT(name) DO UPDATE SET role = ?2, host = ?3, cpu = ?4, cores = ?5, threads = ?6,
            accelerator = ?7, torch_version = ?8, blas = ?9, cpu_limit = ?10, memory_limit = ?11
        RETURNING id)sql");
    upsert.bind(1, r.name).bind(2, r.role).bind(3, r.host).bind(4, r.cpu).bind(5, r.cores);
    upsert.bind(6, r.threads).bind(7, r.accelerator).bind(8, r.torchVersion).bind(9, r.blas);
    upsert.bind(10, r.limits.cpuCores.value_or(0.0));
    upsert.bind(11, r.limits.memoryBytes.value_or(int64_t(0)));
    if (!upsert.step())
        m_db.fail("saving resource " + r.name);
    return upsert.integer(0);
}

std::vector<Resource> Store::resources()
{
    Statement query(m_db,
                    "SELECT id, name, role, host, cpu, cores, threads, accelerator, "
                    "torch_version, blas, cpu_limit, memory_limit FROM resources ORDER BY id");
    std::vector<Resource> all;
    while (query.step()) {
        all.push_back({query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                       int(query.integer(5)), int(query.integer(6)), query.text(7), query.text(8),
                       query.text(9)});
        if (const double cpu = query.real(10); cpu > 0)
            all.back().limits.cpuCores = cpu;
        if (const int64_t memory = query.integer(11); memory > 0)
            all.back().limits.memoryBytes = memory;
    }
    return all;
}

std::optional<Resource> Store::resource(const std::string &name)
{
    for (auto &r : resources())
        if (r.name == name)
            return r;
    return std::nullopt;
}

int64_t Store::addModel(const ModelRecord &m)
{
    Statement upsert(m_db, R"sql(
        INSERT INTO models(sha256, name, input_shape, blocks, parameters, content, granularity)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT(sha256) DO UPDATE SET name = ?2, input_shape = ?3, blocks = ?4,
            parameters = ?5, content = CASE WHEN ?6 <> '' THEN ?6 ELSE content END,
            granularity = ?7
        RETURNING id)sql");
    upsert.bind(1, m.sha256).bind(2, m.name).bind(3, graph::formatShape(m.inputShape));
    upsert.bind(4, m.blocks).bind(5, m.parameters).bind(6, m.content);
    upsert.bind(7, graph::granularityName(m.granularity));
    if (!upsert.step())
        m_db.fail("saving model " + m.name);
    return upsert.integer(0);
}

namespace {

constexpr const char *kModelColumns = "SELECT id, sha256, name, input_shape, blocks, "
                                      "parameters, content, granularity FROM models ";

ModelRecord readModel(Statement &query)
{
    // A granularity this Cleave does not know is read as block's: only this Cleave writes it.
    return ModelRecord{query.integer(0),
                       query.text(1),
                       query.text(2),
                       graph::parseShape(query.text(3)),
                       int(query.integer(4)),
                       query.integer(5),
                       query.text(6),
                       graph::granularityNamed(query.text(7)).value_or(graph::Granularity::Block)};
}

std::vector<ModelRecord> readModels(Statement &query)
{
    std::vector<ModelRecord> found;
    while (query.step())
        found.push_back(readModel(query));
    return found;
}

} // namespace

void Store::setCutTensors(int64_t modelId, const std::vector<CutTensorRecord> &tensors)
{
    Transaction transaction(m_db);
    Statement clear(m_db, "DELETE FROM cut_tensors WHERE model_id = ?1");
    clear.bind(1, modelId).run();
    Statement insert(m_db, "INSERT INTO cut_tensors VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto &t : tensors) {
        insert.bind(1, modelId).bind(2, t.cut).bind(3, t.tensor).bind(4, t.label).bind(5, t.op);
        insert.bind(6, graph::formatShape(t.shape)).bind(7, t.dtype).bind(8, t.bytes);
        insert.run();
    }
    transaction.commit();
}

std::vector<CutTensorRecord> Store::cutTensors(int64_t modelId)
{
    Statement query(m_db, "SELECT cut, tensor, label, op, shape, dtype, bytes FROM cut_tensors "
                          "WHERE model_id = ?1 ORDER BY cut, tensor");
    query.bind(1, modelId);
    std::vector<CutTensorRecord> found;
    while (query.step())
        found.push_back({int(query.integer(0)), int(query.integer(1)), query.text(2), query.text(3),
                         graph::parseShape(query.text(4)), query.text(5), query.integer(6)});
    return found;
}

std::optional<ModelRecord> Store::model(const std::string &sha256)
{
    Statement query(m_db, std::string(kModelColumns) + "WHERE sha256 = ?1");
    query.bind(1, sha256);
    if (!query.step())
        return std::nullopt;
    return readModel(query);
}

std::vector<ModelRecord> Store::modelsNamed(const std::string &name)
{
    Statement query(m_db, std::string(kModelColumns) + "WHERE name = ?1 ORDER BY id DESC");
    query.bind(1, name);
    return readModels(query);
}

std::vector<ModelRecord> Store::modelsWithContent(const std::string &content)
{
    Statement query(m_db, std::string(kModelColumns) + "WHERE content = ?1 ORDER BY id DESC");
    query.bind(1, content);
    return readModels(query);
}

std::vector<ModelRecord> Store::models()
{
    Statement query(m_db, std::string(kModelColumns) + "ORDER BY id DESC");
    return readModels(query);
}

std::vector<std::string> Store::modelNames()
{
    Statement query(m_db, "SELECT DISTINCT name FROM models ORDER BY name");
    std::vector<std::string> names;
    while (query.step())
        names.push_back(query.text(0));
    return names;
}

std::optional<std::string> Store::lastRunStarted(int64_t modelId)
{
    Statement query(m_db, "SELECT max(started_at) FROM runs WHERE model_id = ?1");
    query.bind(1, modelId);
    if (!query.step() || query.isNull(0))
        return std::nullopt;
    return query.text(0);
}

std::vector<Resource> Store::timedResources(int64_t modelId)
{
    std::vector<Resource> timed;
    for (auto &r : resources()) {
        Statement query(m_db, "SELECT 1 FROM runs WHERE model_id = ?1 AND resource_id = ?2 AND "
                              "complete = 1 LIMIT 1");
        query.bind(1, modelId).bind(2, r.id);
        if (query.step())
            timed.push_back(std::move(r));
    }
    return timed;
}

int64_t Store::beginRun(int64_t modelId, int64_t resourceId, const RunSettings &settings)
{
    Statement insert(m_db, "INSERT INTO runs(model_id, resource_id, warmup, reps, tl_specs, "
                           "codecs) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, modelId).bind(2, resourceId).bind(3, settings.warmup).bind(4, settings.reps);
    insert.bind(5, toJson(settings.tlSpecs)).bind(6, toJson(settings.codecs));
    insert.run();
    return m_db.lastInsertId();
}

void Store::addBlockTiming(int64_t runId, const BlockTiming &t)
{
    Statement insert(m_db, "INSERT OR REPLACE INTO block_timings(run_id, block, median_s, mean_s, "
                           "p5_s, p95_s, stddev_s, output_bytes, weight_bytes, peak_bytes) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, runId).bind(2, t.block).bind(3, t.median_s).bind(4, t.mean_s);
    insert.bind(5, t.p5_s).bind(6, t.p95_s).bind(7, t.stddev_s).bind(8, t.outputBytes);
    insert.bind(9, t.weightBytes).bind(10, t.peakBytes);
    insert.run();
}

void Store::addCodecCost(int64_t runId, const CodecCost &c)
{
    Statement insert(m_db, "INSERT OR REPLACE INTO codec_costs VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, runId).bind(2, c.cut).bind(3, c.codec).bind(4, c.encodedBytes);
    insert.bind(5, c.serialise_s).bind(6, c.deserialise_s);
    insert.run();
}

void Store::addTlCost(int64_t runId, const TlCost &c)
{
    Statement insert(m_db, "INSERT OR REPLACE INTO tl_costs VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, runId).bind(2, c.cut).bind(3, c.spec).bind(4, c.deviceTl_s);
    insert.bind(5, c.edgeTl_s).bind(6, c.outputBytes);
    insert.run();
}

int64_t Store::beginOffload(const OffloadRecord &r)
{
    Statement insert(m_db, "INSERT INTO offload_runs(model_id, device, edge, split, tl, codec, "
                           "link, latency_s, uplink_bps, downlink_bps, predicted_s) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insert.bind(1, r.modelId).bind(2, r.device).bind(3, r.edge).bind(4, r.split).bind(5, r.tl);
    insert.bind(6, r.codec).bind(7, r.link).bind(8, r.latency_s).bind(9, r.uplink_bps);
    insert.bind(10, r.downlink_bps).bind(11, r.predicted_s);
    insert.run();
    return m_db.lastInsertId();
}

void Store::addOffloadInference(int64_t offloadId, const OffloadInference &i)
{
    Statement insert(m_db, "INSERT OR REPLACE INTO offload_inferences VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    insert.bind(1, offloadId).bind(2, i.run).bind(3, i.device_s).bind(4, i.deviceTl_s);
    insert.bind(5, i.serialise_s).bind(6, i.uplink_s).bind(7, i.deserialise_s);
    insert.bind(8, i.edgeTl_s).bind(9, i.edge_s).bind(10, i.return_s).bind(11, i.total_s);
    insert.bind(12, i.uploadBytes).bind(13, i.resultBytes);
    insert.run();
}

void Store::addStripTiming(int64_t modelId, int64_t resourceId, const StripTiming &t)
{
    Statement insert(m_db, "INSERT OR REPLACE INTO strip_timings(model_id, resource_id, "
                           "segment_first, segment_end, rows, median_s, p5_s, p95_s) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, modelId).bind(2, resourceId).bind(3, t.first).bind(4, t.end).bind(5, t.rows);
    insert.bind(6, t.median_s).bind(7, t.p5_s).bind(8, t.p95_s);
    insert.run();
}

std::vector<StripTiming> Store::stripTimings(int64_t modelId, int64_t resourceId)
{
    Statement q(m_db, "SELECT segment_end, rows, median_s, p5_s, p95_s, segment_first "
                      "FROM strip_timings WHERE model_id = ?1 AND resource_id = ?2 "
                      "ORDER BY segment_first, segment_end, rows");
    q.bind(1, modelId).bind(2, resourceId);
    std::vector<StripTiming> timings;
    while (q.step())
        timings.push_back(
            {int(q.integer(0)), q.integer(1), q.real(2), q.real(3), q.real(4), int(q.integer(5))});
    return timings;
}

int64_t Store::beginCluster(const ClusterRecord &r)
{
    Statement insert(m_db, "INSERT INTO cluster_runs(model_id, devices, aggregator, segment_end, "
                           "link, predicted_s, edgedi_s, fastest_s, bound, round_ends) VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, r.modelId).bind(2, toJson(r.devices)).bind(3, r.aggregator);
    insert.bind(4, r.segmentEnd).bind(5, r.link).bind(6, r.predicted_s).bind(7, r.edgeDi_s);
    insert.bind(8, r.fastest_s).bind(9, r.bound).bind(10, nlohmann::json(r.roundEnds).dump());
    insert.run();
    return m_db.lastInsertId();
}

void Store::addClusterInference(int64_t clusterId, const ClusterInference &i)
{
    Transaction transaction(m_db);
    Statement insert(m_db, "INSERT OR REPLACE INTO cluster_inferences VALUES "
                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insert.bind(1, clusterId).bind(2, i.run).bind(3, i.attempt).bind(4, int64_t(i.completed));
    insert.bind(5, i.makespan_s).bind(6, i.stitch_s).bind(7, i.rest_s).bind(8, i.return_s);
    insert.bind(9, i.total_s).bind(10, i.predicted_s).bind(11, i.maxDifference);
    insert.run();
    for (const auto &s : i.shares) {
        Statement share(m_db, "INSERT OR REPLACE INTO cluster_shares(cluster_id, run, attempt, "
                              "round, device, rows_begin, rows_end, received_s, compute_s, "
                              "finish_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        share.bind(1, clusterId).bind(2, i.run).bind(3, i.attempt).bind(4, s.round);
        share.bind(5, s.device).bind(6, s.rowsBegin).bind(7, s.rowsEnd).bind(8, s.received_s);
        share.bind(9, s.compute_s).bind(10, s.finish_s);
        share.run();
    }
    transaction.commit();
}

void Store::addClusterEvent(int64_t clusterId, const ClusterEvent &e)
{
    Statement insert(m_db, "INSERT INTO cluster_events(cluster_id, run, kind, device, detail) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, clusterId).bind(2, e.run).bind(3, e.kind).bind(4, e.device).bind(5, e.detail);
    insert.run();
}

void Store::addClusterBaseline(int64_t clusterId, const ClusterBaseline &b)
{
    Statement insert(m_db, "INSERT OR REPLACE INTO cluster_baselines VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, clusterId).bind(2, b.run).bind(3, b.way).bind(4, b.makespan_s);
    insert.bind(5, b.total_s);
    insert.run();
}

std::vector<ClusterBaseline> Store::clusterBaselines(int64_t clusterId)
{
    Statement q(m_db, "SELECT run, way, makespan_s, total_s FROM cluster_baselines "
                      "WHERE cluster_id = ?1 ORDER BY run, way");
    q.bind(1, clusterId);
    std::vector<ClusterBaseline> baselines;
    while (q.step())
        baselines.push_back({int(q.integer(0)), q.text(1), q.real(2), q.real(3)});
    return baselines;
}

void Store::addAccuracy(int64_t modelId, const AccuracyRecord &a)
{
    Statement insert(m_db, "INSERT OR REPLACE INTO accuracy(model_id, dataset, split, tl, codec, "
                           "fine_tuned, images, top1, top5, agree) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, modelId).bind(2, a.dataset).bind(3, a.split).bind(4, a.tl).bind(5, a.codec);
    insert.bind(6, a.fineTuned).bind(7, a.images).bind(8, a.top1).bind(9, a.top5);
    insert.bind(10, a.agree);
    insert.run();
}

std::vector<AccuracyRecord> Store::accuracies(int64_t modelId)
{
    Statement q(m_db, "SELECT dataset, split, tl, codec, fine_tuned, images, top1, top5, agree "
                      "FROM accuracy WHERE model_id = ?1 "
                      "ORDER BY dataset, split, tl, codec, fine_tuned");
    q.bind(1, modelId);
    std::vector<AccuracyRecord> records;
    while (q.step())
        records.push_back({q.text(0), int(q.integer(1)), q.text(2), q.text(3), q.text(4),
                           q.integer(5), q.integer(6), q.integer(7), q.integer(8)});
    return records;
}

std::vector<ClusterRecord> Store::clusters(int64_t modelId)
{
    Statement q(m_db, "SELECT id, model_id, devices, aggregator, segment_end, link, predicted_s, "
                      "edgedi_s, fastest_s, bound, started_at, round_ends FROM cluster_runs "
                      "WHERE model_id = ?1 ORDER BY id");
    q.bind(1, modelId);
    std::vector<ClusterRecord> records;
    while (q.step()) {
        ClusterRecord r;
        r.id = q.integer(0);
        r.modelId = q.integer(1);
        r.devices = listOf<std::string>(q.text(2), m_db.path(), r.id);
        r.aggregator = q.text(3);
        r.segmentEnd = int(q.integer(4));
        r.link = q.text(5);
        r.predicted_s = optionalReal(q, 6);
        r.edgeDi_s = optionalReal(q, 7);
        r.fastest_s = optionalReal(q, 8);
        r.bound = optionalReal(q, 9);
        r.startedAt = q.text(10);
        r.roundEnds = listOf<int>(q.text(11), m_db.path(), r.id);
        records.push_back(std::move(r));
    }
    return records;
}

std::vector<ClusterInference> Store::clusterInferences(int64_t clusterId)
{
    Statement q(m_db, "SELECT run, attempt, completed, makespan_s, stitch_s, rest_s, return_s, "
                      "total_s, predicted_s, max_difference FROM cluster_inferences "
                      "WHERE cluster_id = ?1 ORDER BY run, attempt");
    q.bind(1, clusterId);
    std::vector<ClusterInference> inferences;
    while (q.step()) {
        ClusterInference i;
        i.run = int(q.integer(0));
        i.attempt = int(q.integer(1));
        i.completed = q.integer(2) != 0;
        i.makespan_s = q.real(3);
        i.stitch_s = q.real(4);
        i.rest_s = q.real(5);
        i.return_s = q.real(6);
        i.total_s = q.real(7);
        i.predicted_s = q.real(8);
        i.maxDifference = q.real(9);
        inferences.push_back(std::move(i));
    }
    for (auto &i : inferences) {
        Statement shares(m_db, "SELECT device, rows_begin, rows_end, received_s, compute_s, "
                               "finish_s, round FROM cluster_shares WHERE cluster_id = ?1 AND "
                               "run = ?2 AND attempt = ?3 ORDER BY round, rows_begin");
        shares.bind(1, clusterId).bind(2, i.run).bind(3, i.attempt);
        while (shares.step())
            i.shares.push_back({shares.text(0), shares.integer(1), shares.integer(2),
                                shares.real(3), shares.real(4), shares.real(5),
                                int(shares.integer(6))});
    }
    return inferences;
}

std::vector<ClusterEvent> Store::clusterEvents(int64_t clusterId)
{
    Statement q(m_db, "SELECT run, kind, device, detail FROM cluster_events "
                      "WHERE cluster_id = ?1 ORDER BY id");
    q.bind(1, clusterId);
    std::vector<ClusterEvent> events;
    while (q.step())
        events.push_back({int(q.integer(0)), q.text(1), q.text(2), q.text(3)});
    return events;
}

std::vector<OffloadRecord> Store::offloads(int64_t modelId)
{
    Statement q(m_db, "SELECT id, model_id, device, edge, split, tl, codec, link, latency_s, "
                      "uplink_bps, downlink_bps, predicted_s, started_at FROM offload_runs "
                      "WHERE model_id = ?1 ORDER BY id");
    q.bind(1, modelId);
    std::vector<OffloadRecord> records;
    while (q.step()) {
        OffloadRecord r;
        r.id = q.integer(0);
        r.modelId = q.integer(1);
        r.device = q.text(2);
        r.edge = q.text(3);
        r.split = int(q.integer(4));
        r.tl = q.text(5);
        r.codec = q.text(6);
        r.link = q.text(7);
        r.latency_s = q.real(8);
        r.uplink_bps = q.real(9);
        r.downlink_bps = q.real(10);
        if (!q.isNull(11))
            r.predicted_s = q.real(11);
        r.startedAt = q.text(12);
        records.push_back(std::move(r));
    }
    return records;
}

std::vector<OffloadInference> Store::offloadInferences(int64_t offloadId)
{
    Statement q(m_db, "SELECT run, device_s, device_tl_s, serialise_s, uplink_s, deserialise_s, "
                      "edge_tl_s, edge_s, return_s, total_s, upload_bytes, result_bytes FROM "
                      "offload_inferences WHERE offload_id = ?1 ORDER BY run");
    q.bind(1, offloadId);
    std::vector<OffloadInference> list;
    while (q.step())
        list.push_back({int(q.integer(0)), q.real(1), q.real(2), q.real(3), q.real(4), q.real(5),
                        q.real(6), q.real(7), q.real(8), q.real(9), q.integer(10), q.integer(11)});
    return list;
}

void Store::finishRun(int64_t runId, double wholeModel_s)
{
    Statement update(m_db, "UPDATE runs SET whole_model_s = ?2, complete = 1, "
                           "finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1");
    update.bind(1, runId).bind(2, wholeModel_s);
    update.run();
    if (m_db.changes() != 1)
        throw Error(ErrorKind::NotFound, path() + ": no run " + std::to_string(runId));
}

Run Store::readRun(Statement &q)
{
    Run run;
    run.id = q.integer(0);
    run.modelId = q.integer(1);
    run.resourceId = q.integer(2);
    run.settings = {int(q.integer(3)), int(q.integer(4)),
                    listOf<std::string>(q.text(5), path(), run.id),
                    listOf<std::string>(q.text(6), path(), run.id)};
    run.startedAt = q.text(7);
    if (!q.isNull(8))
        run.wholeModel_s = q.real(8);
    run.complete = q.integer(9) != 0;
    return run;
}

namespace {
const char *const kRunColumns = "SELECT id, model_id, resource_id, warmup, reps, tl_specs, codecs, "
                                "started_at, whole_model_s, complete FROM runs ";
}

std::optional<Run> Store::incompleteRun(int64_t modelId, int64_t resourceId)
{
    Statement query(m_db, std::string(kRunColumns) +
                              "WHERE model_id = ?1 AND resource_id = ?2 AND complete = 0 "
                              "ORDER BY id DESC LIMIT 1");
    query.bind(1, modelId).bind(2, resourceId);
    if (!query.step())
        return std::nullopt;
    return readRun(query);
}

std::optional<Timings> Store::latestTimings(int64_t modelId, int64_t resourceId)
{
    Statement query(m_db, "SELECT id FROM runs WHERE model_id = ?1 AND resource_id = ?2 AND "
                          "complete = 1 ORDER BY id DESC LIMIT 1");
    query.bind(1, modelId).bind(2, resourceId);
    if (!query.step())
        return std::nullopt;
    return timings(query.integer(0));
}

Timings Store::timings(int64_t runId)
{
    Timings t;
    {
        Statement query(m_db, std::string(kRunColumns) + "WHERE id = ?1");
        query.bind(1, runId);
        if (!query.step())
            throw Error(ErrorKind::NotFound, path() + ": no run " + std::to_string(runId));
        t.run = readRun(query);
    }
    Statement blocks(m_db, "SELECT block, median_s, mean_s, p5_s, p95_s, stddev_s, output_bytes, "
                           "weight_bytes, peak_bytes FROM block_timings WHERE run_id = ?1 "
                           "ORDER BY block");
    blocks.bind(1, runId);
    while (blocks.step())
        t.blocks.push_back({int(blocks.integer(0)), blocks.real(1), blocks.real(2), blocks.real(3),
                            blocks.real(4), blocks.real(5), blocks.integer(6), blocks.integer(7),
                            blocks.integer(8)});
    Statement codecs(m_db, "SELECT cut, codec, encoded_bytes, serialise_s, deserialise_s FROM "
                           "codec_costs WHERE run_id = ?1 ORDER BY cut, codec");
    codecs.bind(1, runId);
    while (codecs.step())
        t.codecs.push_back({int(codecs.integer(0)), codecs.text(1), codecs.integer(2),
                            codecs.real(3), codecs.real(4)});
    Statement tls(m_db, "SELECT cut, spec, device_tl_s, edge_tl_s, output_bytes FROM tl_costs "
                        "WHERE run_id = ?1 ORDER BY cut, spec");
    tls.bind(1, runId);
    while (tls.step())
        t.tls.push_back(
            {int(tls.integer(0)), tls.text(1), tls.real(2), tls.real(3), tls.integer(4)});
    return t;
}

void Store::saveNetworkProfile(const NetworkProfileRecord &p)
{
    Statement upsert(m_db, "INSERT OR REPLACE INTO network_profiles VALUES (?1, ?2, ?3, ?4)");
    upsert.bind(1, p.name).bind(2, p.latency_s).bind(3, p.uplink_bps).bind(4, p.downlink_bps);
    upsert.run();
}

std::vector<NetworkProfileRecord> Store::networkProfiles()
{
    Statement query(m_db, "SELECT name, latency_s, uplink_bps, downlink_bps FROM "
                          "network_profiles ORDER BY name");
    std::vector<NetworkProfileRecord> all;
    while (query.step())
        all.push_back({query.text(0), query.real(1), query.real(2), query.real(3)});
    return all;
}

void Store::setAgents(const std::vector<AgentRecord> &agents)
{
    Transaction transaction(m_db);
    Statement(m_db, "DELETE FROM agents").run();
    Statement insert(m_db, "INSERT INTO agents(address, role, token_file, tls_ca, position, "
                           "tls_cert, tls_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    int position = 0;
    for (const auto &a : agents) {
        insert.bind(1, a.address)
            .bind(2, a.role)
            .bind(3, a.tokenFile)
            .bind(4, a.tlsCa)
            .bind(5, position++)
            .bind(6, a.tlsCert)
            .bind(7, a.tlsKey);
        insert.run();
    }
    transaction.commit();
}

std::vector<AgentRecord> Store::agents()
{
    Statement query(m_db, "SELECT address, role, token_file, tls_ca, tls_cert, tls_key FROM agents "
                          "ORDER BY position");
    std::vector<AgentRecord> all;
    while (query.step())
        all.push_back({query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
                       query.text(5)});
    return all;
}

void Store::setSetting(const std::string &key, const std::string &value)
{
    Statement upsert(m_db, "INSERT OR REPLACE INTO settings VALUES (?1, ?2)");
    upsert.bind(1, key).bind(2, value);
    upsert.run();
}

std::optional<std::string> Store::setting(const std::string &key)
{
    Statement query(m_db, "SELECT value FROM settings WHERE key = ?1");
    query.bind(1, key);
    if (!query.step())
        return std::nullopt;
    return query.text(0);
}

void Store::saveCopy(const std::string &path)
{
    Statement vacuum(m_db, "VACUUM INTO ?1");
    vacuum.bind(1, path);
    vacuum.run();
}

} // namespace cleave::store
