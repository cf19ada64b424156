// SPDX-License-Identifier: GPL-3.0-or-later
// The project and agent work the workbench hands to worker threads: opening and writing the
// project file (SQLite), asking agents who they are, running benchmarks. Plain results; the GUI
// thread never holds a store or an RPC.
#pragma once

#include "core/graph/granularity.h"
#include "core/plan/costs.h"
#include "core/resourcelimits.h"
#include "remote/client/agentaccess.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace cleave::gui {

/// An agent of the project, as the agents panel edits it.
struct AgentEntry
{
    QString address;   ///< HOST:PORT or https://HOST:PORT
    QString role;      ///< device, edge or cloud
    QString tokenFile; ///< the file holding a secured agent's token, keychain::kTokenInKeychain
                       ///< for the system keychain; empty: none
    QString tlsCa;     ///< CA certificate for TLS; empty: plain connection unless https://
    /// Client certificate and key (PEM) for an agent that requires one; both or neither. Either
    /// asks for TLS too.
    QString tlsCert;
    QString tlsKey;

    bool operator==(const AgentEntry &other) const
    {
        return address == other.address && role == other.role && tokenFile == other.tokenFile &&
               tlsCa == other.tlsCa && tlsCert == other.tlsCert && tlsKey == other.tlsKey;
    }
};

/// What an open project holds, for the window.
struct ProjectState
{
    QString path;
    QList<AgentEntry> agents;
    QString model;           ///< the model open when it was last saved; empty: none
    QStringList timedModels; ///< models with timings in it
    QString planSettings;    ///< the plan view's controls when last saved (JSON); empty: none
    QString granularity;     ///< where the model was cut when last saved; empty: block
};

/// Opens (`create`: creates) a project file. A missing file (when not creating), a file that is
/// not SQLite or not Cleave's, or one from a newer version is refused with a one-line reason.
ProjectState openProject(const QString &path, bool create);
void saveAgents(const QString &project, const QList<AgentEntry> &agents);
void saveSetting(const QString &project, const QString &key, const QString &value);
/// Save As: a consistent copy of `project` at `target`, replacing a file there.
void copyProject(const QString &project, const QString &target);

/// The address a client dials: a CA or client certificate asks for TLS as an https:// address
/// does.
std::string agentAddress(const AgentEntry &agent);
/// Its token (read from the keychain when it is kept there: blocking, on a worker) and TLS
/// files.
remote::AgentAccess agentAccess(const AgentEntry &agent);

/// An empty string for a usable [https://]HOST:PORT address, else why not.
QString checkAgentAddress(const QString &address);

/// What an agent says about itself (GetInfo).
struct AgentAnswer
{
    /// One line, e.g. "edge@host, 16 cores, 16 threads, LibTorch 1.13.0, openblas".
    QString description;
    /// It serves a network address with neither token nor client certificates
    /// (cleave-agent --allow-unauthenticated).
    bool unauthenticated = false;
    /// The role it was started with ("device", "edge" or "cloud").
    QString role;
};

/// Asks an agent, with its token and TLS settings, what it is. Throws Error when it does not
/// answer within `timeoutMs` or refuses.
AgentAnswer askAgent(const AgentEntry &agent, int timeoutMs);

/// A benchmark request from the panel.
struct BenchJob
{
    QString project;
    QString model;
    QList<AgentEntry> agents;   ///< empty: start local agents (the embedded default) for the run
    ResourceLimits localDevice; ///< the local device agent's limits: an emulated device
    int warmup = 3;
    int reps = 20;
    QStringList codecs{QStringLiteral("fp32")};
    QStringList tlSpecs;
    bool resume = false;
    graph::Granularity granularity = graph::Granularity::Block; ///< where the model is cut
};

/// What a benchmark reports as it runs; every callback comes from the worker thread.
struct BenchCallbacks
{
    std::function<void(const QString &role, double fraction)> progress;
    std::function<void(const QString &role, const QString &line)> log;
    std::function<void(const QString &role)> runComplete;
};

/// A benchmark that can be cancelled from the GUI thread while a worker runs it.
class BenchRunner
{
public:
    explicit BenchRunner(BenchJob job);
    ~BenchRunner();

    /// Runs to the end (blocking; on a worker). Returns a one-line summary; throws Error (with
    /// what the store keeps of an interrupted run) on failure or cancellation.
    QString run(const BenchCallbacks &callbacks);
    void cancel();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// An offload request from the offload view.
struct OffloadJob
{
    QString project; ///< the runs are stored here, and predicted from its timings
    QString model;
    QList<int> splits; ///< empty: every split
    QString tl;        ///< empty: none
    QString codec = QStringLiteral("fp32");
    QString link = QStringLiteral("5g-peak"); ///< a preset, or "none" (unshaped)
    int runs = 10;
    int warmup = 2;
    QList<AgentEntry> agents;   ///< the first device and edge; empty: local agents
    ResourceLimits localDevice; ///< the local device agent's limits: an emulated device
    graph::Granularity granularity = graph::Granularity::Block; ///< where the model is cut
};

/// An offload that can be cancelled from the GUI thread while a worker runs it.
class OffloadRunner
{
public:
    explicit OffloadRunner(OffloadJob job);
    ~OffloadRunner();

    /// Runs every split (blocking; on a worker); `progress` sees the split, its position and
    /// the fraction done. Returns a one-line summary (with the prediction error when there is
    /// one); throws Error on failure or cancellation (runs so far stay in the project).
    /// `splitDone` follows each split once all its runs are in the project.
    QString
    run(const std::function<void(int split, int index, int count, double fraction)> &progress,
        const std::function<void(const QString &line)> &log,
        const std::function<void(int split)> &splitDone = {});
    void cancel();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// The predicted stacks and what was measured on a link, for the offload view's plots.
struct MeasuredView
{
    plan::SplitSeries predicted;
    plan::MeasuredSeries measured;
};

/// Reads the project's timings and offloaded runs of `model` on the `link` preset ("none":
/// unshaped) with `codec`. Throws Error when there are no timings to predict from.
MeasuredView loadMeasured(const QString &project, const QString &model, const QString &link,
                          const QString &codec);

} // namespace cleave::gui

Q_DECLARE_METATYPE(cleave::gui::AgentEntry)
