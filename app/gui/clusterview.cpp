// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/clusterview.h"

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
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

#include <initializer_list>

namespace cleave::gui {

namespace {

constexpr int kMostDevices = 8;

} // namespace

ClusterView::ClusterView(QWidget *parent)
    : QWidget(parent)
{
    m_devices = new QSpinBox(this);
    m_devices->setRange(2, kMostDevices);
    m_devices->setToolTip(tr("Local device agents, each limited to its CPU share"));
    m_shareRow = new QHBoxLayout;
    m_link = new QComboBox(this);
    for (const auto &p : plan::NetworkProfile::presets())
        m_link->addItem(QString::fromStdString(p.name));
    m_link->setCurrentText(QStringLiteral("lan"));
    m_plan = new QComboBox(this);
    m_plan->addItem(tr("The planner's choice"));
    m_plan->addItem(tr("One segment"));
    m_plan->setItemData(0, tr("One segment, or rounds gathered at the first device when faster"),
                        Qt::ToolTipRole);
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
    m_planning->verticalHeader()->setVisible(false);
    m_planning->setMinimumHeight(60);
    m_planning->setToolTip(tr("Plan on the timings of the project's last cluster run: leave a "
                              "device out or slow it down to see the plan change"));
    m_timeline = new plots::ClusterTimelinePlot(this);
    m_timeline->setMinimumSize(300, 160);
    m_shareBar = new plots::ShareBar(this);
    m_shareBar->setMinimumSize(240, 160);
    m_speedup = new plots::SpeedupPlot(this);
    m_speedup->setMinimumSize(240, 160);

    auto *left = new QFormLayout;
    left->addRow(tr("Devices"), m_devices);
    left->addRow(tr("CPU shares"), m_shareRow);
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
    connect(m_link, &QComboBox::currentIndexChanged, this, &ClusterView::replan);
    connect(m_planning, &QTableWidget::itemChanged, this, &ClusterView::replan);
    connect(m_run, &QPushButton::clicked, this, &ClusterView::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ClusterView::cancel);
    setShares({0.5, 0.25, 0.25});
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
}

void ClusterView::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (auto *control :
         std::initializer_list<QWidget *>{m_devices, m_link, m_plan, m_runs, m_warmup, m_edgeDi})
        control->setEnabled(!running);
    for (auto *share : m_shares)
        share->setEnabled(!running);
}

void ClusterView::draw(const ClusterFrame &frame)
{
    m_showingRun = true;
    m_timeline->setTimelines(frame.measured, frame.planned);
    m_shareBar->setHistory(frame.shares, frame.devices);
    m_speedup->setPoints(frame.speedup);
    for (auto *plot : plots())
        plot->replot(QCustomPlot::rpQueuedReplot);
    m_progress->setRange(0, frame.total);
    m_progress->setValue(frame.done);
    m_progress->setFormat(tr("%1 of %2 inferences").arg(frame.done).arg(frame.total));
    ++m_frames;
    Q_EMIT drawn();
}

void ClusterView::reload(const QString &project, const QString &model)
{
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
    // A run just drawn stays until the table or the link changes.
    if (!m_showingRun)
        replan();
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
        const auto frame =
            planFrame(*m_stored, excluded, slowdown,
                      plan::NetworkProfile::preset(m_link->currentText().toStdString()));
        m_timeline->setTimelines({}, frame.planned);
        m_speedup->setPoints(frame.speedup);
        m_timeline->replot(QCustomPlot::rpQueuedReplot);
        m_speedup->replot(QCustomPlot::rpQueuedReplot);
        Q_EMIT drawn();
    } catch (const std::exception &e) {
        appendLog(tr("no plan: %1").arg(ErrorText::of(e)));
    }
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
    ClusterJob job;
    job.project = project;
    job.model = model;
    job.shares = shares();
    job.link = m_link->currentText();
    job.runs = m_runs->value();
    job.warmup = m_warmup->value();
    job.rounds = m_plan->currentIndex() == 0;
    job.edgeDi = m_edgeDi->isChecked();
    QStringList shareText;
    for (const double share : job.shares)
        shareText << plots::Numbers::significant(share);
    appendLog(
        tr("running %1 over %2 devices (CPU shares %3) on %4, %5")
            .arg(model)
            .arg(job.shares.size())
            .arg(shareText.join(QStringLiteral(", ")), job.link, plots::Numbers::runs(job.runs)));
    auto runner = std::make_shared<ClusterRunner>(job);
    m_runner = runner;
    m_frames = 0;
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
        Q_EMIT finished(ok, message);
        reload(m_project, m_model); // the devices just timed plan before the next run
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
    appendLog(tr("cancelling after the inference in flight; what was measured stays in the "
                 "project"));
    m_runner->cancel();
}

} // namespace cleave::gui
