// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/clusterview.h"

#include "app/gui/agentspanel.h"
#include "app/gui/background.h"
#include "app/gui/compact.h"
#include "app/gui/errortext.h"
#include "core/plan/network.h"
#include "plots/clusterplots.h"
#include "plots/numbers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

#include <initializer_list>

namespace cleave::gui {

namespace {

constexpr int kMostDevices = 8;

enum PlanItem { PlannersChoice, OneSegment, UpToPickedCut };

} // namespace

ClusterView::ClusterView(QWidget *parent)
    : QWidget(parent)
{
    m_source = new QComboBox(this);
    m_source->addItem(tr("Local agents"));
    m_source->addItem(tr("The project's device agents"));
    m_source->setItemData(0, tr("Device agents started here, each limited to its CPU share"),
                          Qt::ToolTipRole);
    m_source->setItemData(1, tr("The agents listed with the device role in the Agents panel"),
                          Qt::ToolTipRole);
    m_devices = new QSpinBox(this);
    m_devices->setRange(2, kMostDevices);
    m_devices->setToolTip(tr("Local device agents, each limited to its CPU share"));
    m_shareRow = new QHBoxLayout;
    m_agentList = new QListWidget(this);
    m_agentList->setMaximumHeight(90);
    m_agentList->setToolTip(tr("The devices that take part, the first checked holding the "
                               "input; add agents with the device role in the Agents panel"));
    m_aggregator = new QComboBox(this);
    m_aggregator->setToolTip(tr("Stitches the strips and runs the rest of the model"));
    m_link = new QComboBox(this);
    for (const auto &p : plan::NetworkProfile::presets())
        m_link->addItem(QString::fromStdString(p.name));
    m_link->setCurrentText(QStringLiteral("lan"));
    m_plan = new QComboBox(this);
    m_plan->addItem(tr("The planner's choice"));
    m_plan->addItem(tr("One segment"));
    m_plan->addItem(tr("Up to the cut picked"));
    m_plan->setItemData(PlannersChoice,
                        tr("One segment, or rounds gathered at the first device when faster"),
                        Qt::ToolTipRole);
    setPickedCut(-1);
    m_runs = new QSpinBox(this);
    m_runs->setRange(1, 100000);
    m_runs->setValue(10);
    m_warmup = new QSpinBox(this);
    m_warmup->setRange(0, 10000);
    m_warmup->setValue(2);
    m_edgeDi = new QCheckBox(tr("EdgeDI's partition beside it"), this);
    m_run = new QPushButton(tr("Run"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_planning = new QTableWidget(0, 3, this);
    m_planning->setHorizontalHeaderLabels(
        {tr("Device of the last run"), tr("Takes part"), tr("What-if slowdown")});
    m_planning->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_planning->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_planning->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_planning->verticalHeader()->setVisible(false);
    m_planning->setWordWrap(false);
    m_planning->setTextElideMode(Qt::ElideRight); // NAME-N@HOST first: the numbers tell apart
    m_planning->setMinimumHeight(60);
    m_planning->setToolTip(tr("Plan on the timings of the project's last cluster run: leave a "
                              "device out or slow it down to see the plan change"));
    m_timeline = new plots::ClusterTimelinePlot(this);
    m_timeline->setMinimumSize(300, 160);
    m_shareBar = new plots::ShareBar(this);
    m_shareBar->setMinimumSize(240, 160);
    m_speedup = new plots::SpeedupPlot(this);
    m_speedup->setMinimumSize(240, 160);

    m_form = new QFormLayout;
    auto *left = m_form;
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_devices);
    left->addRow(tr("Devices"), sourceRow);
    left->addRow(tr("CPU shares"), m_shareRow);
    left->addRow(tr("Device agents"), m_agentList);
    left->addRow(tr("Aggregator"), m_aggregator);
    left->addRow(tr("Link"), m_link);
    auto *right = new QFormLayout;
    right->addRow(tr("Plan"), m_plan);
    right->addRow(tr("Timed runs"), m_runs);
    right->addRow(tr("Warm-up runs"), m_warmup);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_edgeDi);
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *controls = new QHBoxLayout;
    controls->addLayout(left, 1);
    controls->addLayout(right, 1);
    controls->addLayout(buttons);
    // The speed-up beside what it is planned on (the devices, their what-ifs) and the rows.
    auto *devices = new QSplitter(Qt::Vertical, this);
    devices->addWidget(m_planning);
    devices->addWidget(m_speedup);
    devices->setChildrenCollapsible(false);
    devices->setSizes({300, 1000});
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_shareBar);
    lower->addWidget(devices);
    lower->setChildrenCollapsible(false);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    lower->setSizes({1000, 1000}); // halves, whatever the plots' hints
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_timeline);
    split->addWidget(lower);
    split->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    split->setSizes({220, 360, 50}); // the plots first; the log a few lines
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);

    connect(m_devices, &QSpinBox::valueChanged, this, &ClusterView::setDeviceCount);
    connect(m_source, &QComboBox::currentIndexChanged, this, &ClusterView::showSource);
    connect(m_link, &QComboBox::currentIndexChanged, this, &ClusterView::replan);
    connect(m_plan, &QComboBox::currentIndexChanged, this, &ClusterView::replan);
    connect(m_planning, &QTableWidget::itemChanged, this, &ClusterView::replan);
    connect(m_run, &QPushButton::clicked, this, &ClusterView::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ClusterView::cancel);
    setShares({0.5, 0.25, 0.25});
    showSource();
    letCombosShrink(this);
}

ClusterView::~ClusterView()
{
    if (m_runner)
        m_runner->cancel();
    m_future.waitForFinished();
}

void ClusterView::setDeviceCount(int count)
{
    const auto range = localShareRange();
    while (m_shares.size() < count) {
        auto *share = new QDoubleSpinBox(this);
        share->setRange(range.least, range.most);
        share->setSingleStep(0.05);
        share->setDecimals(2);
        share->setValue(0.25);
        share->setToolTip(tr("Device %1's CPU share (cores)").arg(m_shares.size() + 1));
        m_shareRow->addWidget(share);
        m_shares.push_back(share);
    }
    while (m_shares.size() > count)
        delete m_shares.takeLast();
}

std::vector<double> ClusterView::shares() const
{
    std::vector<double> values;
    for (const auto *share : m_shares)
        values.push_back(share->value());
    return values;
}

void ClusterView::setShares(const std::vector<double> &shares)
{
    m_devices->setValue(int(shares.size()));
    setDeviceCount(int(shares.size()));
    for (int i = 0; i < m_shares.size(); ++i)
        m_shares[i]->setValue(shares[size_t(i)]);
}

void ClusterView::setSource(Source source)
{
    m_source->setCurrentIndex(source == Source::Local ? 0 : 1);
}

ClusterView::Source ClusterView::source() const
{
    return m_source->currentIndex() == 0 ? Source::Local : Source::Project;
}

// Local devices are counted and given shares; the project's are checked in a list.
void ClusterView::showSource()
{
    const bool local = source() == Source::Local;
    m_devices->setVisible(local);
    m_form->setRowVisible(m_shareRow, local);
    m_form->setRowVisible(m_agentList, !local);
    listAggregators();
}

void ClusterView::setAgentModel(const AgentTableModel *agents)
{
    m_agentModel = agents;
    connect(agents, &QAbstractItemModel::modelReset, this, &ClusterView::listAgents);
    connect(agents, &QAbstractItemModel::rowsInserted, this, &ClusterView::listAgents);
    connect(agents, &QAbstractItemModel::rowsRemoved, this, &ClusterView::listAgents);
    connect(agents, &QAbstractItemModel::dataChanged, this, &ClusterView::listAgents);
    listAgents();
}

// Each device agent with what it said when last asked ("unreachable: ..." for one that is
// offline); what was unchecked stays so.
void ClusterView::listAgents()
{
    QSet<QString> unchecked;
    for (int i = 0; i < m_agentList->count(); ++i)
        if (m_agentList->item(i)->checkState() != Qt::Checked)
            unchecked.insert(m_agentList->item(i)->data(Qt::UserRole).toString());
    m_agentList->clear();
    const auto agents = m_agentModel ? m_agentModel->agents() : QList<AgentEntry>{};
    for (int row = 0; row < agents.size(); ++row) {
        if (agents[row].role != QLatin1String("device"))
            continue;
        const auto state = m_agentModel->index(row, AgentTableModel::State);
        // What it answered first: an address can be long, and the list is narrow.
        auto *item = new QListWidgetItem(
            tr("%1: %2").arg(state.data().toString(), agents[row].address), m_agentList);
        if (m_agentModel->reach(row) == AgentTableModel::Reach::Unreachable)
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setData(Qt::UserRole, agents[row].address);
        item->setToolTip(state.data(Qt::ToolTipRole).toString());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(unchecked.contains(agents[row].address) ? Qt::Unchecked : Qt::Checked);
    }
    if (m_agentList->count() == 0) {
        auto *none = new QListWidgetItem(tr("No agent with the device role in the Agents panel"),
                                         m_agentList);
        none->setFlags(Qt::NoItemFlags);
    }
    listAggregators();
}

void ClusterView::listAggregators()
{
    const auto chosen = m_aggregator->currentData().toString();
    const QSignalBlocker quiet(m_aggregator);
    m_aggregator->clear();
    m_aggregator->addItem(tr("The first device"));
    if (source() == Source::Local) {
        m_aggregator->addItem(tr("A local edge agent"), QStringLiteral("local"));
    } else if (m_agentModel) {
        for (const auto &agent : m_agentModel->agents())
            if (agent.role == QLatin1String("edge"))
                m_aggregator->addItem(tr("Edge agent %1").arg(agent.address), agent.address);
    }
    m_aggregator->setCurrentIndex(std::max(0, m_aggregator->findData(chosen)));
}

void ClusterView::setPickedCut(int cut)
{
    m_pickedCut = cut;
    auto *model = qobject_cast<QStandardItemModel *>(m_plan->model());
    auto *item = model->item(UpToPickedCut);
    if (cut > 0) {
        item->setText(tr("One segment up to cut %1").arg(cut));
        item->setToolTip(tr("The cut picked in the cut table"));
        item->setEnabled(true);
        if (m_plan->currentIndex() == UpToPickedCut)
            replan();
        return;
    }
    item->setText(tr("Up to the cut picked"));
    item->setToolTip(tr("Pick a cut in the cut table first"));
    item->setEnabled(false);
    if (m_plan->currentIndex() == UpToPickedCut)
        m_plan->setCurrentIndex(PlannersChoice);
}

QList<QCustomPlot *> ClusterView::plots() const
{
    return {m_timeline, m_shareBar, m_speedup};
}

QString ClusterView::log() const
{
    return m_log->toPlainText();
}

void ClusterView::appendLog(const QString &line)
{
    m_log->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss ")) + line);
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum()); // the newest
}

void ClusterView::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (auto *control :
         std::initializer_list<QWidget *>{m_source, m_devices, m_agentList, m_aggregator, m_link,
                                          m_plan, m_runs, m_warmup, m_edgeDi})
        control->setEnabled(!running);
    for (auto *share : m_shares)
        share->setEnabled(!running);
}

void ClusterView::draw(const ClusterFrame &frame)
{
    showFrame(frame);
    ++m_frames;
    Q_EMIT drawn();
}

void ClusterView::showFrame(const ClusterFrame &frame)
{
    m_showingRun = true;
    m_timeline->setTimelines(frame.measured, frame.planned);
    m_shareBar->setHistory(frame.shares, frame.devices);
    m_speedup->setPoints(frame.speedup);
    for (auto *plot : plots())
        plot->replot(QCustomPlot::rpQueuedReplot);
    m_progress->setRange(0, frame.total);
    m_progress->setValue(frame.done);
    m_progress->setFormat(frame.stored
                              ? tr("%1 inferences stored").arg(frame.done)
                              : tr("%1 of %2 inferences").arg(frame.done).arg(frame.total));
}

void ClusterView::reload(const QString &project, const QString &model)
{
    if (project != m_project || model != m_model)
        m_showingRun = false; // what is drawn is another model's
    m_project = project;
    m_model = model;
    if (project.isEmpty() || model.isEmpty())
        return;
    const int job = ++m_planningJob;
    runInBackground<std::optional<ClusterPlanning>>(
        this, [project, model] { return loadPlanning(project, model); },
        [this, job](std::optional<ClusterPlanning> planning) {
            if (job == m_planningJob)
                setPlanning(std::move(planning));
        },
        [this, job](const QString &reason) {
            if (job == m_planningJob)
                appendLog(tr("no plan before running: %1").arg(reason));
        });
}

void ClusterView::setPlanning(std::optional<ClusterPlanning> planning)
{
    m_stored = std::move(planning);
    const QSignalBlocker quiet(m_planning);
    m_planning->setRowCount(0);
    if (m_stored) {
        for (const auto &device : m_stored->devices) {
            const int row = m_planning->rowCount();
            m_planning->insertRow(row);
            auto *name = new QTableWidgetItem(QString::fromStdString(device));
            name->setFlags(Qt::ItemIsEnabled);
            name->setToolTip(name->text());
            m_planning->setItem(row, 0, name);
            auto *part = new QTableWidgetItem;
            part->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            // The device that holds the input always takes part.
            if (row == 0)
                part->setFlags(Qt::ItemIsUserCheckable);
            part->setCheckState(Qt::Checked);
            m_planning->setItem(row, 1, part);
            auto *slowdown = new QTableWidgetItem;
            slowdown->setData(Qt::EditRole, 1.0);
            m_planning->setItem(row, 2, slowdown);
        }
    }
    Q_EMIT planningLoaded();
    // A run just drawn stays until the table or the link changes; a project opened shows its
    // last run the same way.
    if (m_showingRun)
        return;
    if (m_stored && m_stored->lastRun) {
        showFrame(*m_stored->lastRun);
        appendLog(tr("the project's last cluster run of this model: %1 inferences over %2 "
                     "devices; change the table, the link or the plan to see the plan instead")
                      .arg(m_stored->lastRun->done)
                      .arg(m_stored->devices.size()));
    } else {
        replan();
    }
}

void ClusterView::replan()
{
    if (!m_stored || m_runner)
        return;
    m_showingRun = false;
    std::vector<bool> excluded;
    std::vector<double> slowdown;
    for (int row = 0; row < m_planning->rowCount(); ++row) {
        excluded.push_back(m_planning->item(row, 1)->checkState() != Qt::Checked);
        const double factor = m_planning->item(row, 2)->data(Qt::EditRole).toDouble();
        slowdown.push_back(factor > 0 ? factor : 1.0);
    }
    try {
        PlanChoice choice;
        choice.rounds = m_plan->currentIndex() == PlannersChoice;
        if (m_plan->currentIndex() == UpToPickedCut)
            choice.segmentEnd = m_pickedCut;
        const auto frame =
            planFrame(*m_stored, excluded, slowdown,
                      plan::NetworkProfile::preset(m_link->currentText().toStdString()), choice);
        m_plannedChain = frame.plan;
        m_shareBar->setHistory({}, frame.devices);
        m_shareBar->replot(QCustomPlot::rpQueuedReplot);
        m_timeline->setTimelines({}, frame.planned);
        m_speedup->setPoints(frame.speedup);
        m_timeline->replot(QCustomPlot::rpQueuedReplot);
        m_speedup->replot(QCustomPlot::rpQueuedReplot);
        Q_EMIT drawn();
    } catch (const std::exception &e) {
        appendLog(tr("no plan: %1").arg(ErrorText::of(e)));
    }
}

std::optional<ClusterJob> ClusterView::describedJob(QString *why) const
{
    ClusterJob job;
    job.project = m_project;
    job.model = m_model;
    job.link = m_link->currentText();
    job.runs = m_runs->value();
    job.warmup = m_warmup->value();
    job.rounds = m_plan->currentIndex() == PlannersChoice;
    if (m_plan->currentIndex() == UpToPickedCut)
        job.segmentEnd = m_pickedCut;
    job.edgeDi = m_edgeDi->isChecked();
    const auto aggregator = m_aggregator->currentData().toString();
    if (source() == Source::Local) {
        job.shares = shares();
        job.localEdge = !aggregator.isEmpty();
        return job;
    }
    const auto agents = m_agentModel ? m_agentModel->agents() : QList<AgentEntry>{};
    for (int i = 0; i < m_agentList->count(); ++i) {
        const auto *item = m_agentList->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        for (const auto &agent : agents)
            if (agent.address == item->data(Qt::UserRole).toString())
                job.agents.push_back(agent);
    }
    for (const auto &agent : agents)
        if (!aggregator.isEmpty() && agent.address == aggregator)
            job.edge = agent;
    if (job.agents.size() < 2) {
        *why = tr("Check two device agents or more under Device agents (add them in the Agents "
                  "panel with the device role).");
        return std::nullopt;
    }
    return job;
}

bool ClusterView::start(const QString &project, const QString &model)
{
    if (m_runner)
        return false;
    if (model.isEmpty()) {
        appendLog(tr("Open a model first."));
        return false;
    }
    m_project = project;
    m_model = model;
    QString why;
    const auto chosen = describedJob(&why);
    if (!chosen) {
        appendLog(why);
        return false;
    }
    const auto &job = *chosen;
    QStringList devices;
    for (const auto &agent : job.agents)
        devices << agent.address;
    for (const double share : job.agents.isEmpty() ? job.shares : std::vector<double>{})
        devices << tr("CPU share %1").arg(plots::Numbers::significant(share));
    appendLog(
        tr("running %1 over %2 devices (%3) on %4, %5")
            .arg(model)
            .arg(devices.size())
            .arg(devices.join(QStringLiteral(", ")), job.link, plots::Numbers::runs(job.runs)));
    auto runner = std::make_shared<ClusterRunner>(job);
    m_runner = runner;
    m_frames = 0;
    // What was drawn belongs to another run: nothing until this one's plan is there.
    m_timeline->setTimelines({}, {});
    m_shareBar->setHistory({}, {});
    m_speedup->setPoints({});
    for (auto *plot : plots())
        plot->replot(QCustomPlot::rpQueuedReplot);
    setRunning(true);
    m_progress->setRange(0, 0); // busy until the plan is there
    const auto frame = [this](const ClusterFrame &f) {
        QMetaObject::invokeMethod(
            this, [this, f] { draw(f); }, Qt::QueuedConnection);
    };
    const auto log = [this](const QString &line) {
        QMetaObject::invokeMethod(
            this, [this, line] { appendLog(line); }, Qt::QueuedConnection);
    };
    const auto done = [this](bool ok, const QString &message) {
        m_runner.reset();
        setRunning(false);
        if (m_progress->maximum() == 0)
            m_progress->setRange(0, 1);
        appendLog(ok ? tr("done: %1").arg(message) : tr("stopped: %1").arg(message));
        // The window reloads the timings just stored: the run then shows as stored, beside
        // the speed-ups measured before on the same first device and cuts.
        m_showingRun = false;
        Q_EMIT finished(ok, message);
    };
    m_future = runInBackground<QString>(
        this, [runner, frame, log] { return runner->run(frame, log); },
        [done](const QString &summary) { done(true, summary); },
        [done](const QString &reason) { done(false, reason); });
    return true;
}

void ClusterView::cancel()
{
    if (!m_runner)
        return;
    appendLog(tr("cancelling: the calls in progress end, what was measured stays in the "
                 "project"));
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Cancelling..."));
    m_runner->cancel();
}

} // namespace cleave::gui
