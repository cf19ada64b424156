// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/benchmarkpanel.h"

#include "app/gui/background.h"
#include "plots/numbers.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTime>
#include <QVBoxLayout>

namespace cleave::gui {

namespace {

QStringList commaList(const QString &text)
{
    QStringList items;
    for (const auto &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const auto trimmed = item.trimmed(); !trimmed.isEmpty())
            items.push_back(trimmed);
    return items;
}

} // namespace

BenchmarkPanel::BenchmarkPanel(QWidget *parent)
    : QWidget(parent)
{
    m_model = new QLabel(tr("Open a model to measure it."), this);
    m_model->setWordWrap(true);
    m_warmup = new QSpinBox(this);
    m_warmup->setRange(0, 1000);
    m_warmup->setValue(3);
    m_reps = new QSpinBox(this);
    m_reps->setRange(1, 10000);
    m_reps->setValue(20);
    m_tl = new QLineEdit(QStringLiteral("maxpool2"), this);
    m_tl->setToolTip(tr("Transfer Layers to time at every cut, comma separated (e.g. "
                        "maxpool2,avgpool4); empty: none"));
    m_codecs = new QLineEdit(QStringLiteral("fp32"), this);
    m_codecs->setToolTip(tr("Wire codecs to time at every cut: fp32, fp16, int8, each with "
                            "an optional +zstd"));
    m_resume = new QCheckBox(tr("Resume interrupted runs"), this);
    m_resume->setToolTip(
        tr("Continue each agent's newest incomplete run instead of starting it afresh"));
    m_start = new QPushButton(tr("Start"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_start->setEnabled(false); // until a model is open
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);

    auto *form = new QFormLayout;
    form->addRow(tr("Warm-up runs"), m_warmup);
    form->addRow(tr("Timed runs"), m_reps);
    form->addRow(tr("Transfer Layers"), m_tl);
    form->addRow(tr("Codecs"), m_codecs);
    form->addRow(m_resume);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    m_barLayout = new QVBoxLayout;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_model);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addLayout(m_barLayout);
    layout->addWidget(m_log, 1);

    connect(m_start, &QPushButton::clicked, this, &BenchmarkPanel::startRequested);
    connect(m_cancel, &QPushButton::clicked, this, &BenchmarkPanel::cancel);
}

BenchmarkPanel::~BenchmarkPanel()
{
    // The worker posts to this panel: it must end first. Events it posted after are dropped
    // with the panel.
    if (m_runner)
        m_runner->cancel();
    m_future.waitForFinished();
}

void BenchmarkPanel::setModel(const QString &spec, const QString &name,
                              graph::Granularity granularity)
{
    m_spec = spec;
    m_name = name;
    m_granularity = granularity;
    if (!m_runner)
        m_model->setText(spec.isEmpty() ? tr("Open a model to measure it.")
                                        : tr("Ready to measure %1").arg(name));
    updateStart();
}

QString BenchmarkPanel::statusText() const
{
    return m_model->text();
}

void BenchmarkPanel::updateStart()
{
    m_start->setEnabled(!m_runner && !m_spec.isEmpty());
}

QString BenchmarkPanel::log() const
{
    return m_log->toPlainText();
}

bool BenchmarkPanel::start(const QString &project, const QString &model,
                           const QList<AgentEntry> &agents, const ResourceLimits &localDevice)
{
    if (m_runner)
        return false;
    if (model.isEmpty()) {
        appendLog({}, tr("Open a model first."));
        return false;
    }
    if (project.isEmpty()) {
        appendLog({}, tr("Open or create a project first: results are stored in it."));
        return false;
    }
    // The roles measured, in order: the local pair, or the project's agents.
    QStringList roles{QStringLiteral("device"), QStringLiteral("edge")};
    if (!agents.isEmpty()) {
        roles.clear();
        for (const auto &a : agents)
            roles.push_back(a.role);
        if (!roles.contains(QStringLiteral("device")) || !roles.contains(QStringLiteral("edge"))) {
            appendLog({}, tr("A benchmark needs a device and an edge agent; the project has: %1")
                              .arg(roles.join(QStringLiteral(", "))));
            return false;
        }
    }
    BenchJob job;
    job.project = project;
    job.model = model;
    job.agents = agents;
    job.localDevice = localDevice;
    job.warmup = m_warmup->value();
    job.reps = m_reps->value();
    job.tlSpecs = commaList(m_tl->text());
    job.codecs = commaList(m_codecs->text());
    if (job.codecs.isEmpty())
        job.codecs = {QStringLiteral("fp32")}; // the planner costs (de)serialising at every cut
    job.resume = m_resume->isChecked();
    job.granularity = m_granularity;

    qDeleteAll(m_bars);
    m_bars.clear();
    for (const auto &role : roles)
        barFor(role);
    const QString name = model == m_spec && !m_name.isEmpty() ? m_name : model;
    m_model->setText(tr("Measuring %1").arg(name));
    appendLog({}, tr("benchmark of %1: %2 warm-up, %3 timed, TL %4, codecs %5")
                      .arg(model, plots::Numbers::runs(job.warmup), plots::Numbers::runs(job.reps),
                           job.tlSpecs.isEmpty() ? tr("none") : job.tlSpecs.join(QLatin1Char(',')),
                           job.codecs.join(QLatin1Char(','))));

    auto runner = std::make_shared<BenchRunner>(job);
    m_runner = runner;
    setRunning(true);
    // Callbacks arrive on the worker: each posts to this panel's thread.
    BenchCallbacks callbacks;
    callbacks.progress = [this](const QString &role, double fraction) {
        QMetaObject::invokeMethod(
            this, [=] { showProgress(role, fraction); }, Qt::QueuedConnection);
    };
    callbacks.log = [this](const QString &role, const QString &line) {
        QMetaObject::invokeMethod(
            this, [=] { appendLog(role, line); }, Qt::QueuedConnection);
    };
    callbacks.runComplete = [this](const QString &role) {
        QMetaObject::invokeMethod(
            this,
            [=] {
                if (auto *bar = m_bars.value(role)) {
                    bar->setValue(bar->maximum());
                    bar->setFormat(tr("%1: complete").arg(role));
                }
                Q_EMIT runCommitted(role);
            },
            Qt::QueuedConnection);
    };
    m_future = runInBackground<QString>(
        this, [runner, callbacks] { return runner->run(callbacks); },
        [this, name](const QString &summary) {
            m_runner.reset();
            setRunning(false);
            m_model->setText(tr("Measured %1").arg(name));
            appendLog({}, tr("done: %1").arg(summary));
            Q_EMIT finished(true, summary);
        },
        [this, name](const QString &reason) {
            m_runner.reset();
            setRunning(false);
            m_model->setText(tr("Stopped measuring %1").arg(name));
            // A bar that never moved did not start; one that moved kept what it measured.
            for (auto it = m_bars.cbegin(); it != m_bars.cend(); ++it) {
                auto *bar = it.value();
                if (bar->value() == 0)
                    bar->setFormat(tr("%1: not started").arg(it.key()));
                else if (bar->value() < bar->maximum())
                    bar->setFormat(bar->format() + tr(" (partial)"));
            }
            appendLog({}, tr("stopped: %1").arg(reason));
            Q_EMIT finished(false, reason);
        });
    return true;
}

void BenchmarkPanel::cancel()
{
    if (!m_runner)
        return;
    appendLog({}, tr("cancelling; what was measured stays in the project"));
    m_runner->cancel();
}

void BenchmarkPanel::appendLog(const QString &role, const QString &line)
{
    const auto time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    m_log->appendPlainText(role.isEmpty() ? QStringLiteral("%1  %2").arg(time, line)
                                          : QStringLiteral("%1  %2: %3").arg(time, role, line));
}

void BenchmarkPanel::showProgress(const QString &role, double fraction)
{
    // The bar's own figure: every block is timed on each pass, so a block number would lag the
    // bar until the last pass.
    auto *bar = barFor(role);
    bar->setValue(int(fraction * bar->maximum()));
    bar->setFormat(tr("%1: %p%").arg(role));
}

QProgressBar *BenchmarkPanel::barFor(const QString &role)
{
    if (auto *bar = m_bars.value(role))
        return bar;
    auto *bar = new QProgressBar(this);
    bar->setRange(0, 1000);
    bar->setValue(0);
    bar->setTextVisible(true);
    bar->setFormat(tr("%1: waiting").arg(role));
    m_barLayout->addWidget(bar);
    m_bars.insert(role, bar);
    return bar;
}

void BenchmarkPanel::setRunning(bool running)
{
    updateStart();
    m_cancel->setEnabled(running);
    for (auto *w : {static_cast<QWidget *>(m_warmup), static_cast<QWidget *>(m_reps),
                    static_cast<QWidget *>(m_tl), static_cast<QWidget *>(m_codecs),
                    static_cast<QWidget *>(m_resume)})
        w->setEnabled(!running);
}

} // namespace cleave::gui
