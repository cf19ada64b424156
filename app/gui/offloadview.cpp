// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/offloadview.h"

#include "app/gui/compact.h"

#include "app/gui/background.h"
#include "core/offered.h"
#include "core/plan/network.h"
#include "plots/latencystackplot.h"
#include "plots/numbers.h"
#include "plots/predictionplot.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTime>
#include <QVBoxLayout>

namespace cleave::gui {

OffloadView::OffloadView(QWidget *parent)
    : QWidget(parent)
{
    m_scope = new QComboBox(this);
    m_scope->addItem(tr("The selected split"));
    m_scope->addItem(tr("Every split (sweep)"));
    m_tl = new QComboBox(this);
    m_tl->addItem(tr("none"));
    for (const auto &spec : tl::offeredSpecs())
        m_tl->addItem(QString::fromStdString(spec));
    m_codec = new QComboBox(this);
    for (const auto &codec : codec::names())
        m_codec->addItem(QString::fromStdString(codec));
    m_link = new QComboBox(this);
    for (const auto &p : plan::NetworkProfile::presets())
        m_link->addItem(QString::fromStdString(p.name));
    m_link->addItem(QStringLiteral("none"));
    m_link->setItemData(m_link->count() - 1, tr("No emulation: loopback as it is"),
                        Qt::ToolTipRole);
    m_runs = new QSpinBox(this);
    m_runs->setRange(1, 100000);
    m_runs->setValue(10);
    m_warmup = new QSpinBox(this);
    m_warmup->setRange(0, 10000);
    m_warmup->setValue(2);
    m_run = new QPushButton(tr("Run"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_stacks = new plots::LatencyStackPlot(this);
    m_stacks->setMinimumSize(300, 220);
    m_prediction = new plots::PredictionPlot(this);
    m_prediction->setMinimumSize(260, 220);

    auto *left = new QFormLayout;
    left->addRow(tr("Run"), m_scope);
    left->addRow(tr("Transfer Layer"), m_tl);
    left->addRow(tr("Codec"), m_codec);
    auto *right = new QFormLayout;
    right->addRow(tr("Link"), m_link);
    right->addRow(tr("Timed runs"), m_runs);
    right->addRow(tr("Warm-up runs"), m_warmup);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *controls = new QHBoxLayout;
    controls->addLayout(left, 1);
    controls->addLayout(right, 1);
    controls->addLayout(buttons);
    auto *plots = new QSplitter(Qt::Horizontal, this);
    plots->addWidget(m_stacks);
    plots->addWidget(m_prediction);
    plots->setStretchFactor(0, 3);
    plots->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(plots);
    split->addWidget(m_log);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);

    connect(m_run, &QPushButton::clicked, this, &OffloadView::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &OffloadView::cancel);
    letCombosShrink(this);
}

OffloadView::~OffloadView()
{
    if (m_runner)
        m_runner->cancel();
    m_future.waitForFinished();
}

QString OffloadView::log() const
{
    return m_log->toPlainText();
}

bool OffloadView::start(const QString &project, const QString &model, int split,
                        const QList<AgentEntry> &agents, const ResourceLimits &localDevice)
{
    if (m_runner)
        return false;
    if (model.isEmpty()) {
        appendLog(tr("Open a model first."));
        return false;
    }
    OffloadJob job;
    job.project = project;
    job.model = model;
    job.granularity = m_granularity;
    if (m_scope->currentIndex() == 0)
        job.splits = {split};
    if (m_tl->currentIndex() != 0)
        job.tl = m_tl->currentText();
    job.codec = m_codec->currentText();
    job.link = m_link->currentText();
    job.runs = m_runs->value();
    job.warmup = m_warmup->value();
    job.agents = agents;
    job.localDevice = localDevice;
    appendLog(
        tr("offloading %1 (%2) on %3, %4 each")
            .arg(model,
                 job.splits.isEmpty() ? tr("every split") : tr("split %1").arg(job.splits.front()),
                 job.link, plots::Numbers::runs(job.runs)));
    auto runner = std::make_shared<OffloadRunner>(job);
    m_runner = runner;
    setRunning(true);
    m_progress->setValue(0);
    const auto progress = [this](int split, int index, int count, double fraction) {
        QMetaObject::invokeMethod(
            this,
            [=] {
                m_progress->setValue(int((index + fraction) / count * m_progress->maximum()));
                m_progress->setFormat(
                    tr("%p% (split %1, %2 of %3)").arg(split).arg(index + 1).arg(count));
            },
            Qt::QueuedConnection);
    };
    const auto log = [this](const QString &line) {
        QMetaObject::invokeMethod(
            this, [=] { appendLog(line); }, Qt::QueuedConnection);
    };
    // Each split is drawn as soon as its runs are in the project.
    const auto splitDone = [this, project, model](int) {
        QMetaObject::invokeMethod(
            this, [=] { reload(project, model); }, Qt::QueuedConnection);
    };
    const auto done = [this, project, model](bool ok, const QString &message) {
        m_runner.reset();
        setRunning(false);
        if (ok)
            m_progress->setValue(m_progress->maximum());
        appendLog(ok ? tr("done: %1").arg(message) : tr("stopped: %1").arg(message));
        reload(project, model); // what was kept is drawn either way
        Q_EMIT finished(ok, message);
    };
    m_future = runInBackground<QString>(
        this, [runner, progress, log, splitDone] { return runner->run(progress, log, splitDone); },
        [done](const QString &summary) { done(true, summary); },
        [done](const QString &reason) { done(false, reason); });
    return true;
}

void OffloadView::setSelection(int split, const QString &tl)
{
    if (m_runner)
        return; // a run's settings stay as they were when it started
    if (tl.isEmpty())
        m_tl->setCurrentIndex(0);
    else if (const int i = m_tl->findText(tl); i >= 0)
        m_tl->setCurrentIndex(i);
    m_scope->setItemText(0, tr("The selected split (%1)").arg(split));
}

void OffloadView::cancel()
{
    if (!m_runner)
        return;
    appendLog(tr("cancelling; the runs so far stay in the project"));
    m_runner->cancel();
}

void OffloadView::reload(const QString &project, const QString &model)
{
    if (project.isEmpty() || model.isEmpty())
        return;
    // Another model or project: the log of the last one says nothing of this one.
    if (project != m_project || model != m_model) {
        m_project = project;
        m_model = model;
        m_log->clear();
    }
    const int job = ++m_reloadJob;
    const auto link = m_link->currentText(), codec = m_codec->currentText();
    runInBackground<MeasuredView>(
        this, [=] { return loadMeasured(project, model, link, codec); },
        [this, job](const MeasuredView &view) {
            if (job != m_reloadJob)
                return;
            m_stacks->setSeries(view.predicted);
            m_stacks->setMeasured(view.measured);
            m_stacks->replot(QCustomPlot::rpQueuedReplot);
            m_prediction->setMeasured(view.measured);
            m_prediction->replot(QCustomPlot::rpQueuedReplot);
            Q_EMIT reloaded();
        },
        [this, job](const QString &reason) {
            if (job == m_reloadJob)
                appendLog(tr("nothing to draw: %1").arg(reason));
        });
}

void OffloadView::appendLog(const QString &line)
{
    m_log->appendPlainText(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void OffloadView::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget *w : {static_cast<QWidget *>(m_scope), static_cast<QWidget *>(m_tl),
                       static_cast<QWidget *>(m_codec), static_cast<QWidget *>(m_link),
                       static_cast<QWidget *>(m_runs), static_cast<QWidget *>(m_warmup)})
        w->setEnabled(!running);
}

} // namespace cleave::gui
