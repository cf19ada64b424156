// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/projectwork.h"

#include "app/gui/keychain.h"

#include "core/error.h"
#include "core/plan/fromstore.h"
#include "core/plan/planner.h"
#include "core/store/store.h"
#include "plots/numbers.h"
#include "remote/client/agentclient.h"
#include "remote/client/benchsession.h"
#include "remote/client/localagents.h"
#include "remote/client/offloadsession.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace cleave::gui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string s(const QString &q)
{
    return q.toStdString();
}

} // namespace

std::string agentAddress(const AgentEntry &agent)
{
    const auto address = agent.address.trimmed();
    if ((agent.tlsCa.isEmpty() && agent.tlsCert.isEmpty()) ||
        address.contains(QLatin1String("://")))
        return s(address);
    return "https://" + s(address);
}

remote::AgentAccess agentAccess(const AgentEntry &agent)
{
    remote::AgentAccess access;
    if (agent.tokenFile == keychain::kTokenInKeychain)
        access.token = s(keychain::readToken(agent.address));
    else
        access.tokenFile = s(agent.tokenFile);
    access.tlsCaFile = s(agent.tlsCa);
    access.tlsCertFile = s(agent.tlsCert);
    access.tlsKeyFile = s(agent.tlsKey);
    return access;
}

ProjectState openProject(const QString &path, bool create)
{
    if (!create && !QFileInfo::exists(path))
        throw Error(ErrorKind::NotFound, s(path) + ": no such project file");
    if (create && QFileInfo::exists(path) && !QFile::remove(path))
        throw Error(ErrorKind::InvalidInput, s(path) + ": cannot replace the file");
    store::Store db(s(path));
    ProjectState state;
    state.path = path;
    for (const auto &a : db.agents())
        state.agents.push_back(
            {q(a.address), q(a.role), q(a.tokenFile), q(a.tlsCa), q(a.tlsCert), q(a.tlsKey)});
    state.model = q(db.setting("model").value_or(""));
    state.planSettings = q(db.setting("plan").value_or(""));
    state.granularity = q(db.setting("granularity").value_or(""));
    for (const auto &n : db.modelNames())
        state.timedModels.push_back(q(n));
    return state;
}

void saveAgents(const QString &project, const QList<AgentEntry> &agents)
{
    std::vector<store::AgentRecord> records;
    for (const auto &a : agents)
        records.push_back(
            {s(a.address), s(a.role), s(a.tokenFile), s(a.tlsCa), s(a.tlsCert), s(a.tlsKey)});
    store::Store(s(project)).setAgents(records);
}

void saveSetting(const QString &project, const QString &key, const QString &value)
{
    store::Store(s(project)).setSetting(s(key), s(value));
}

void copyProject(const QString &project, const QString &target)
{
    if (QFileInfo::exists(target) && !QFile::remove(target))
        throw Error(ErrorKind::InvalidInput, s(target) + ": cannot replace the file");
    try {
        store::Store(s(project)).saveCopy(s(target));
    } catch (const Error &e) {
        throw Error(e.kind(),
                    s(target) + ": cannot write the project (" + oneLineReason(e.what()) + ")");
    }
}

QString checkAgentAddress(const QString &address)
{
    // HOST:PORT, where HOST is a name, an IPv4 address or a bracketed IPv6 address.
    static const QRegularExpression form(
        QStringLiteral(R"(^(?:https?://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):([0-9]{1,5})$)"));
    const auto match = form.match(address.trimmed());
    if (!match.hasMatch())
        return QCoreApplication::translate("cleave::gui::ProjectWork", "'%1' is not HOST:PORT")
            .arg(address);
    const int port = match.captured(2).toInt();
    if (port < 1 || port > 65535)
        return QCoreApplication::translate("cleave::gui::ProjectWork",
                                           "'%1': port %2 is outside 1-65535")
            .arg(address)
            .arg(port);
    return {};
}

AgentAnswer askAgent(const AgentEntry &agent, int timeoutMs)
{
    remote::AgentClient client(agentAddress(agent), std::chrono::milliseconds(timeoutMs),
                               agentAccess(agent));
    const auto info = client.info();
    AgentAnswer answer;
    answer.description =
        QCoreApplication::translate("cleave::gui::ProjectWork",
                                    "%1@%2, %3 cores, %4 threads, LibTorch %5, %6")
            .arg(q(info.name()), q(info.host_name()))
            .arg(info.cores())
            .arg(info.torch_threads())
            .arg(q(info.torch_version()), q(info.blas().empty() ? "BLAS unknown" : info.blas()));
    answer.unauthenticated = info.unauthenticated();
    answer.role = q(info.role());
    return answer;
}

/// Lets the GUI thread cancel a session that a worker runs — also before the worker has made
/// it, so a cancellation is never lost between the two.
template<typename Session>
class CancelPoint
{
public:
    void cancel()
    {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_session)
            m_session->cancel();
    }

    /// While the returned guard lives, cancel() reaches `session`. Error(Cancelled) when
    /// cancelled already.
    [[nodiscard]] auto attach(Session &session, const char *what)
    {
        {
            const std::lock_guard lock(m_mutex);
            if (m_cancelled)
                throw Error(ErrorKind::Cancelled, std::string(what) + " cancelled before it began");
            m_session = &session;
        }
        auto detach = [this](Session *) {
            const std::lock_guard lock(m_mutex);
            m_session = nullptr;
        };
        return std::unique_ptr<Session, decltype(detach)>(&session, detach);
    }

private:
    std::mutex m_mutex;
    bool m_cancelled = false;
    Session *m_session = nullptr; ///< while one runs
};

struct BenchRunner::Private
{
    BenchJob job;
    CancelPoint<remote::BenchSession> cancel;
};

BenchRunner::BenchRunner(BenchJob job)
    : d(std::make_unique<Private>())
{
    d->job = std::move(job);
}

BenchRunner::~BenchRunner() = default;

void BenchRunner::cancel()
{
    d->cancel.cancel();
}

QString BenchRunner::run(const BenchCallbacks &callbacks)
{
    const auto &job = d->job;
    remote::BenchSettings settings;
    settings.model = s(job.model);
    settings.warmup = job.warmup;
    settings.reps = job.reps;
    settings.codecs.clear();
    for (const auto &c : job.codecs)
        settings.codecs.push_back(s(c));
    for (const auto &t : job.tlSpecs)
        settings.tlSpecs.push_back(s(t));
    settings.resume = job.resume;
    settings.cutting.granularity = job.granularity;
    settings.validate();
    store::Store db(s(job.project));

    std::unique_ptr<remote::LocalAgents> local;
    std::vector<remote::BenchTarget> targets;
    if (job.agents.isEmpty()) {
        if (callbacks.log)
            callbacks.log({}, QCoreApplication::translate("cleave::gui::ProjectWork",
                                                          "starting the local agents"));
        local = std::make_unique<remote::LocalAgents>(std::string(),
                                                      remote::LocalLimits{job.localDevice, {}});
        targets = {{"device", local->device().address(), local->access()},
                   {"edge", local->edge().address(), local->access()}};
    } else {
        for (const auto &a : job.agents)
            targets.push_back({s(a.role), agentAddress(a), agentAccess(a)});
    }
    remote::BenchSession session(std::move(settings), std::move(targets));
    const auto attached = d->cancel.attach(session, "benchmark");

    remote::BenchSession::Observer observer;
    observer.progress = [&](const std::string &role, double fraction) {
        if (callbacks.progress)
            callbacks.progress(q(role), fraction);
    };
    observer.log = [&](const std::string &role, const std::string &line) {
        if (callbacks.log)
            callbacks.log(q(role), q(line));
    };
    observer.finished = [&](const remote::AgentBenchResult &result) {
        if (callbacks.runComplete)
            callbacks.runComplete(q(result.role));
    };
    const auto results = session.run(db, observer);
    QStringList parts;
    for (const auto &r : results)
        parts.push_back(QCoreApplication::translate("cleave::gui::ProjectWork",
                                                    "%1 run %2 (%3, whole model %4)")
                            .arg(q(r.role))
                            .arg(r.runId)
                            .arg(plots::Numbers::blocks(r.blocks),
                                 plots::Numbers::milliseconds(r.wholeModel_s)));
    return parts.join(QStringLiteral("; "));
}

struct OffloadRunner::Private
{
    OffloadJob job;
    CancelPoint<remote::OffloadSession> cancel;
};

OffloadRunner::OffloadRunner(OffloadJob job)
    : d(std::make_unique<Private>())
{
    d->job = std::move(job);
}

OffloadRunner::~OffloadRunner() = default;

void OffloadRunner::cancel()
{
    d->cancel.cancel();
}

QString OffloadRunner::run(
    const std::function<void(int split, int index, int count, double fraction)> &progress,
    const std::function<void(const QString &line)> &log,
    const std::function<void(int split)> &splitDone)
{
    const auto &job = d->job;
    remote::OffloadRequest request;
    request.model = s(job.model);
    request.cutting.granularity = job.granularity;
    for (int split : job.splits)
        request.splits.push_back(split);
    request.settings.codec = codec::Codec::parse(s(job.codec));
    if (!job.tl.isEmpty())
        request.settings.tl = tl::TlSpec::parse(s(job.tl));
    request.unshaped = job.link == QLatin1String("none");
    if (request.unshaped)
        request.settings.link.name = "unshaped";
    else
        request.settings.link = plan::NetworkProfile::preset(s(job.link));
    request.settings.runs = job.runs;
    request.settings.warmup = job.warmup;
    request.db = s(job.project);
    request.localLimits.device = job.localDevice;
    if (!job.agents.isEmpty()) {
        for (const auto &a : job.agents) {
            if (a.role == QLatin1String("device") && request.device.empty()) {
                request.device = agentAddress(a);
                request.deviceAccess = agentAccess(a);
            }
            if (a.role == QLatin1String("edge") && request.edge.empty()) {
                request.edge = agentAddress(a);
                request.edgeAccess = agentAccess(a);
            }
        }
        if (request.device.empty() || request.edge.empty())
            throw Error(ErrorKind::InvalidInput,
                        "offload: the agents list needs a device and an edge agent");
    } else if (log) {
        log(QCoreApplication::translate("cleave::gui::ProjectWork", "starting the local agents"));
    }
    remote::OffloadSession session(std::move(request));
    const auto attached = d->cancel.attach(session, "offload");
    remote::OffloadSession::Observer observer;
    observer.progress = [&](int split, int index, int count, double fraction, const std::string &) {
        if (progress)
            progress(split, index, count, fraction);
    };
    observer.splitDone = [&](const remote::OffloadedSplit &r) {
        if (splitDone)
            splitDone(r.measured.split);
        if (!log)
            return;
        auto line =
            QCoreApplication::translate("cleave::gui::ProjectWork", "split %1%2: measured %3")
                .arg(r.measured.split)
                .arg(r.measured.tl.empty() ? QString() : QStringLiteral(" + ") + q(r.measured.tl))
                .arg(plots::Numbers::milliseconds(r.medianTotal_s()));
        if (r.predicted)
            line += QCoreApplication::translate("cleave::gui::ProjectWork", ", predicted %1 (%2)")
                        .arg(plots::Numbers::milliseconds(plan::sum(*r.predicted)),
                             plots::Numbers::percent(r.errorPercent()));
        log(line);
    };
    const auto outcome = session.run(observer);
    for (const auto &n : outcome.notes)
        if (log)
            log(q(n));
    std::vector<double> errors;
    for (const auto &r : outcome.splits)
        if (r.predicted)
            errors.push_back(std::abs(r.errorPercent()));
    auto summary = QCoreApplication::translate("cleave::gui::ProjectWork", "%1 offloaded")
                       .arg(plots::Numbers::splits(int(outcome.splits.size())));
    if (!errors.empty()) {
        std::sort(errors.begin(), errors.end());
        summary += QCoreApplication::translate("cleave::gui::ProjectWork",
                                               "; prediction error: median %1, worst %2")
                       .arg(plots::Numbers::percent(errors[errors.size() / 2]),
                            plots::Numbers::percent(errors.back()));
    }
    return summary;
}

MeasuredView loadMeasured(const QString &project, const QString &model, const QString &link,
                          const QString &codec)
{
    store::Store db(s(project));
    const auto planner = plan::plannerFromStore(db, s(model));
    plan::PlanRequest request;
    request.link = link == QLatin1String("none") ? plan::NetworkProfile::custom(1e6, 0)
                                                 : plan::NetworkProfile::preset(s(link));
    request.codec = s(codec);
    request.mode = plan::Mode::ScissionTl;
    MeasuredView view;
    view.predicted = planner.series(request);
    view.measured = plan::measuredFromStore(db, s(model), request, view.predicted);
    return view;
}

} // namespace cleave::gui
