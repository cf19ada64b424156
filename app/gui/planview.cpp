// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/planview.h"

#include "app/gui/compact.h"
#include "app/gui/errortext.h"
#include "app/gui/rankingmodel.h"
#include "core/error.h"
#include "plots/latencystackplot.h"
#include "plots/numbers.h"
#include "plots/paretoplot.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace cleave::gui {

namespace {

// The slider runs 0..300: 10^(v / 100) Mbit/s, 1 to 1000 on a log scale.
constexpr int kSliderSteps = 300;

double sliderToMbps(int value)
{
    return std::pow(10.0, value / 100.0);
}

int mbpsToSlider(double mbps)
{
    return std::clamp(int(std::lround(std::log10(std::max(mbps, 1.0)) * 100.0)), 0, kSliderSteps);
}

const QString kCustom = QStringLiteral("custom");

} // namespace

PlanView::PlanView(QWidget *parent)
    : QWidget(parent)
{
    m_preset = new QComboBox(this);
    for (const auto &p : plan::NetworkProfile::presets())
        m_preset->addItem(QString::fromStdString(p.name));
    m_preset->addItem(kCustom);
    m_bandwidth = new QSlider(Qt::Horizontal, this);
    m_bandwidth->setRange(0, kSliderSteps);
    m_bandwidth->setToolTip(tr("Uplink bandwidth, 1 to 1000 Mbit/s on a log scale"));
    m_bandwidthLabel = new QLabel(this);
    m_bandwidthLabel->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("000.0 Mbit/s")));
    m_latency = new QDoubleSpinBox(this);
    m_latency->setRange(0, 2000);
    m_latency->setDecimals(1);
    m_latency->setSuffix(tr(" ms"));
    m_minSplit = new QSpinBox(this);
    m_minSplit->setRange(0, 0);
    m_minSplit->setToolTip(tr("Privacy: blocks before this split stay on the device"));
    m_maxUpload = new QDoubleSpinBox(this);
    m_maxUpload->setRange(0, 1e6);
    m_maxUpload->setDecimals(3);
    m_maxUpload->setSuffix(tr(" MB"));
    m_maxUpload->setSpecialValueText(tr("no limit"));
    m_maxDevice = new QDoubleSpinBox(this);
    m_maxDevice->setRange(0, 1e7);
    m_maxDevice->setDecimals(1);
    m_maxDevice->setSuffix(tr(" ms"));
    m_maxDevice->setSpecialValueText(tr("no limit"));
    m_maxMemory = new QSpinBox(this);
    m_maxMemory->setRange(0, 1 << 20);
    m_maxMemory->setSingleStep(64);
    m_maxMemory->setSuffix(tr(" MiB"));
    m_maxMemory->setSpecialValueText(tr("no limit"));
    m_maxMemory->setToolTip(tr("Memory the device's blocks may need: their weights and the "
                               "largest activation, as the benchmark measured them"));
    m_maxAccuracyDrop = new QDoubleSpinBox(this);
    m_maxAccuracyDrop->setRange(-0.1, 100);
    m_maxAccuracyDrop->setDecimals(2);
    m_maxAccuracyDrop->setSingleStep(0.1);
    m_maxAccuracyDrop->setValue(-0.1);
    m_maxAccuracyDrop->setSuffix(tr(" points"));
    m_maxAccuracyDrop->setSpecialValueText(tr("no limit"));
    m_tiers = new QComboBox(this);
    m_tiers->addItem(tr("device + edge"));
    m_tiers->addItem(tr("device + edge + cloud"));
    m_cloudPreset = new QComboBox(this);
    for (const auto &p : plan::NetworkProfile::presets())
        m_cloudPreset->addItem(QString::fromStdString(p.name));
    m_cloudPreset->addItem(kCustom);
    m_cloudPreset->setToolTip(tr("The link between the edge and the cloud (three tiers)"));
    m_cloudBandwidth = new QDoubleSpinBox(this);
    m_cloudBandwidth->setRange(0.1, 100000);
    m_cloudBandwidth->setDecimals(1);
    m_cloudBandwidth->setSuffix(tr(" Mbit/s"));
    m_cloudLatency = new QDoubleSpinBox(this);
    m_cloudLatency->setRange(0, 2000);
    m_cloudLatency->setDecimals(1);
    m_cloudLatency->setSuffix(tr(" ms"));
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("ScissionTL (with Transfer Layers)"));
    m_mode->addItem(tr("Scission"));
    m_codec = new QComboBox(this);
    m_codec->setToolTip(tr("How the tensor crosses the link: the codecs the benchmark measured"));
    m_show = new QComboBox(this);
    m_show->addItem(tr("Scission and ScissionTL side by side"));
    m_show->addItem(tr("Scission only"));
    m_show->addItem(tr("ScissionTL only"));

    m_rows = new QSpinBox(this);
    m_rows->setRange(0, 100000);
    m_rows->setValue(plan::PlanRequest().top);
    m_rows->setSpecialValueText(tr("all"));
    m_rows->setToolTip(tr("How many configurations the ranking lists, and Export Ranking writes"));

    auto *bandwidthRow = new QHBoxLayout;
    bandwidthRow->addWidget(m_bandwidth, 1);
    bandwidthRow->addWidget(m_bandwidthLabel);
    auto *network = new QFormLayout;
    network->addRow(tr("Link preset"), m_preset);
    network->addRow(tr("Uplink"), bandwidthRow);
    network->addRow(tr("Latency (one way)"), m_latency);
    auto *rankingRow = new QHBoxLayout;
    rankingRow->addWidget(m_mode, 1);
    rankingRow->addWidget(m_rows);
    network->addRow(tr("Ranking"), rankingRow);
    network->addRow(tr("Codec"), m_codec);
    network->addRow(tr("Plot"), m_show);
    auto *limits = new QFormLayout;
    limits->addRow(tr("Minimum split"), m_minSplit);
    limits->addRow(tr("Maximum upload"), m_maxUpload);
    limits->addRow(tr("Maximum device time"), m_maxDevice);
    limits->addRow(tr("Maximum device memory"), m_maxMemory);
    limits->addRow(tr("Maximum accuracy drop"), m_maxAccuracyDrop);
    limits->addRow(tr("Tiers"), m_tiers);
    auto *cloudRow = new QHBoxLayout;
    cloudRow->addWidget(m_cloudBandwidth, 1);
    cloudRow->addWidget(m_cloudLatency, 1);
    limits->addRow(tr("Edge–cloud link"), m_cloudPreset);
    limits->addRow(QString(), cloudRow);
    auto *controls = new QHBoxLayout;
    controls->addLayout(network, 3);
    controls->addSpacing(12);
    controls->addLayout(limits, 2);

    m_plot = new plots::LatencyStackPlot(this);
    m_plot->setMinimumHeight(260);
    m_plot->setMinimumWidth(300);
    m_ranking = new RankingModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_ranking);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_benchmarkNow = new QPushButton(tr("Benchmark Now"), this);
    m_benchmarkNow->setToolTip(tr("Measure the open model on the agents, with the Benchmark "
                                  "panel's settings"));
    m_benchmarkNow->hide();
    connect(m_benchmarkNow, &QPushButton::clicked, this, &PlanView::benchmarkRequested);

    m_pareto = new plots::ParetoPlot(this);
    m_plotTabs = new QTabWidget(this);
    m_plotTabs->setDocumentMode(true);
    m_plotTabs->addTab(m_plot, tr("Latency per split"));
    m_plotTabs->addTab(m_pareto, tr("Latency and accuracy"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_plotTabs);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_benchmarkNow);
    layout->addLayout(messageRow);
    layout->addWidget(splitter, 1);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &PlanView::presetChosen);
    connect(m_bandwidth, &QSlider::valueChanged, this, &PlanView::bandwidthMoved);
    connect(m_latency, &QDoubleSpinBox::valueChanged, this, [this] {
        if (m_updating)
            return;
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentText(kCustom);
        replan();
    });
    connect(m_minSplit, &QSpinBox::valueChanged, this, &PlanView::replan);
    connect(m_rows, &QSpinBox::valueChanged, this, &PlanView::replan);
    connect(m_maxUpload, &QDoubleSpinBox::valueChanged, this, &PlanView::replan);
    connect(m_maxDevice, &QDoubleSpinBox::valueChanged, this, &PlanView::replan);
    connect(m_maxMemory, &QSpinBox::valueChanged, this, &PlanView::replan);
    connect(m_maxAccuracyDrop, &QDoubleSpinBox::valueChanged, this, &PlanView::replan);
    connect(m_pareto, &plots::ParetoPlot::configurationClicked, this,
            &PlanView::selectConfiguration);
    connect(m_plotTabs, &QTabWidget::currentChanged, this, &PlanView::settingsChanged);
    connect(m_tiers, &QComboBox::currentIndexChanged, this, [this] {
        updateCloudControls();
        replan();
    });
    connect(m_cloudPreset, &QComboBox::currentIndexChanged, this, &PlanView::cloudPresetChosen);
    for (auto *box : {m_cloudBandwidth, m_cloudLatency})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            if (m_updating)
                return;
            const QSignalBlocker block(m_cloudPreset);
            m_cloudPreset->setCurrentText(kCustom);
            replan();
        });
    connect(m_mode, &QComboBox::currentIndexChanged, this, &PlanView::replan);
    connect(m_codec, &QComboBox::currentIndexChanged, this, &PlanView::replan);
    connect(m_show, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_plot->setShow(std::array{plots::LatencyStackPlot::Show::Both,
                                   plots::LatencyStackPlot::Show::Scission,
                                   plots::LatencyStackPlot::Show::ScissionTl}[size_t(index)]);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_plot, &plots::LatencyStackPlot::splitClicked, this, [this](int split) {
        selectSplit(split);
        Q_EMIT splitSelected(split);
        if (const auto *chosen = currentConfiguration())
            Q_EMIT configurationSelected(*chosen);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const auto *chosen = currentConfiguration();
        if (m_selecting || !chosen)
            return;
        m_plot->setSelectedSplit(chosen->s1);
        m_pareto->setSelected(chosen);
        m_pareto->replot(QCustomPlot::rpQueuedReplot);
        Q_EMIT splitSelected(chosen->s1);
        Q_EMIT configurationSelected(*chosen);
        Q_EMIT settingsChanged();
    });
    letCombosShrink(this);
    presetChosen();                                       // the first preset, 5g-peak
    m_cloudPreset->setCurrentText(QStringLiteral("wan")); // as cleave-cli plan --cloud-link
    updateCloudControls();
}

PlanView::~PlanView() = default;

void PlanView::setPlanner(std::shared_ptr<const plan::Planner> planner, const QString &why)
{
    m_planner = std::move(planner);
    m_emptyMessage = why;
    const QScopedValueRollback updating(m_updating, true); // one re-plan, at the end
    // A model without timings: measuring it is one click away.
    m_benchmarkNow->setVisible(!m_planner && !why.isEmpty());
    {
        const QSignalBlocker block(m_minSplit);
        m_minSplit->setRange(0, m_planner ? m_planner->blocks() : 0);
        if (m_planner && m_restoredMinSplit <= m_planner->blocks())
            m_minSplit->setValue(m_restoredMinSplit);
    }
    {
        const QSignalBlocker block(m_codec);
        const auto chosen = m_restoredCodec.isEmpty() ? m_codec->currentText() : m_restoredCodec;
        m_codec->clear();
        if (m_planner)
            for (const auto &c : m_planner->codecs())
                m_codec->addItem(QString::fromStdString(c));
        // The one chosen before, else raw fp32 as Scission sends it.
        const int i = m_codec->findText(chosen);
        m_codec->setCurrentIndex(i >= 0 ? i
                                        : std::max(0, m_codec->findText(QStringLiteral("fp32"))));
        m_codec->setEnabled(m_codec->count() > 1);
    }
    // Three tiers only when the timings include a cloud.
    bool cloud = false;
    if (m_planner)
        for (const auto &r : m_planner->resources())
            cloud = cloud || r.tier == plan::Tier::Cloud;
    {
        const QSignalBlocker block(m_tiers);
        m_tiers->setCurrentIndex(cloud ? m_restoredTiers : 0);
        m_tiers->setEnabled(cloud);
    }
    updateCloudControls();
    updateAccuracyControl();
    m_updating = false;
    replan();
    restoreSelection();
}

// The accuracy limit needs accuracies: measured with cleave-cli accuracy into the project.
void PlanView::updateAccuracyControl()
{
    const bool measured = m_planner && m_planner->accuracy();
    m_maxAccuracyDrop->setEnabled(measured);
    m_maxAccuracyDrop->setToolTip(
        measured ? tr("Top-1 accuracy lost against the unsplit model at most, in percentage "
                      "points, as measured on %1; configurations not measured are left out")
                       .arg(QString::fromStdString(m_planner->accuracy()->dataset))
                 : tr("No accuracy of this model measured in the project: measure it with "
                      "cleave-cli accuracy MODEL --data DATA --db on the project file"));
}

plan::NetworkProfile PlanView::link() const
{
    if (m_preset->currentText() != kCustom)
        return plan::NetworkProfile::preset(m_preset->currentText().toStdString());
    return plan::NetworkProfile::custom(sliderToMbps(m_bandwidth->value()), m_latency->value());
}

plan::NetworkProfile PlanView::cloudLink() const
{
    if (m_cloudPreset->currentText() != kCustom)
        return plan::NetworkProfile::preset(m_cloudPreset->currentText().toStdString());
    return plan::NetworkProfile::custom(m_cloudBandwidth->value(), m_cloudLatency->value());
}

void PlanView::cloudPresetChosen()
{
    if (m_cloudPreset->currentText() != kCustom) {
        const auto profile = cloudLink();
        const QScopedValueRollback updating(m_updating, true);
        m_cloudBandwidth->setValue(profile.uplink_bps / 1e6);
        m_cloudLatency->setValue(profile.latency_s * 1e3);
    }
    replan();
}

// The edge-cloud link matters only when the plan has three tiers.
void PlanView::updateCloudControls()
{
    const bool threeTiers = m_tiers->isEnabled() && m_tiers->currentIndex() == 1;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_cloudPreset, m_cloudBandwidth, m_cloudLatency})
        w->setEnabled(threeTiers);
}

void PlanView::setBandwidthMbps(double mbps)
{
    m_bandwidth->setValue(mbpsToSlider(mbps));
}

void PlanView::presetChosen()
{
    if (m_preset->currentText() == kCustom)
        return;
    const auto profile = plan::NetworkProfile::preset(m_preset->currentText().toStdString());
    m_updating = true;
    m_bandwidth->setValue(mbpsToSlider(profile.uplink_bps / 1e6));
    m_latency->setValue(profile.latency_s * 1e3);
    m_updating = false;
    m_bandwidthLabel->setText(plots::Numbers::megabitsPerSecond(profile.uplink_bps));
    replan();
}

void PlanView::bandwidthMoved()
{
    m_bandwidthLabel->setText(
        plots::Numbers::megabitsPerSecond(sliderToMbps(m_bandwidth->value()) * 1e6));
    if (m_updating)
        return;
    {
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentText(kCustom);
    }
    replan();
}

void PlanView::setDeviceSlowdown(double factor)
{
    m_deviceSlowdown = factor;
    replan();
}

QJsonObject PlanView::settings() const
{
    QJsonObject o{{QStringLiteral("preset"), m_preset->currentText()},
                  {QStringLiteral("bandwidthMbps"), sliderToMbps(m_bandwidth->value())},
                  {QStringLiteral("latencyMs"), m_latency->value()},
                  {QStringLiteral("mode"), m_mode->currentIndex()},
                  {QStringLiteral("codec"), m_codec->currentText()},
                  {QStringLiteral("deviceSlowdown"), m_deviceSlowdown},
                  {QStringLiteral("show"), m_show->currentIndex()},
                  {QStringLiteral("rows"), m_rows->value()},
                  {QStringLiteral("minSplit"), m_minSplit->value()},
                  {QStringLiteral("maxUploadMb"), m_maxUpload->value()},
                  {QStringLiteral("maxDeviceMs"), m_maxDevice->value()},
                  {QStringLiteral("maxDeviceMemoryMib"), m_maxMemory->value()},
                  {QStringLiteral("maxAccuracyDropPp"), m_maxAccuracyDrop->value()},
                  {QStringLiteral("plotTab"), m_plotTabs->currentIndex()},
                  {QStringLiteral("tiers"), m_tiers->currentIndex()},
                  {QStringLiteral("cloudPreset"), m_cloudPreset->currentText()},
                  {QStringLiteral("cloudBandwidthMbps"), m_cloudBandwidth->value()},
                  {QStringLiteral("cloudLatencyMs"), m_cloudLatency->value()}};
    if (const auto *chosen = currentConfiguration()) {
        o.insert(QStringLiteral("split"), chosen->s1);
        o.insert(QStringLiteral("tl"), QString::fromStdString(chosen->tl));
    }
    return o;
}

void PlanView::restoreSettings(const QJsonObject &o)
{
    {
        const QScopedValueRollback updating(m_updating, true);
        const auto number = [&o](const char *key, auto set) {
            if (o.contains(QLatin1String(key)))
                set(o.value(QLatin1String(key)).toDouble());
        };
        const auto choose = [&o](const char *key, QComboBox *box) {
            const auto v = o.value(QLatin1String(key));
            const int i = v.isString() ? box->findText(v.toString()) : v.toInt(-1);
            if (i >= 0 && i < box->count())
                box->setCurrentIndex(i);
        };
        {
            const QSignalBlocker block(m_preset);
            choose("preset", m_preset);
        }
        if (m_preset->currentText() == kCustom) {
            number("bandwidthMbps", [this](double v) { setBandwidthMbps(v); });
            number("latencyMs", [this](double v) { m_latency->setValue(v); });
        }
        choose("mode", m_mode);
        choose("show", m_show);
        number("rows", [this](double v) { m_rows->setValue(int(v)); });
        number("maxUploadMb", [this](double v) { m_maxUpload->setValue(v); });
        number("maxDeviceMs", [this](double v) { m_maxDevice->setValue(v); });
        number("maxDeviceMemoryMib", [this](double v) { m_maxMemory->setValue(int(v)); });
        number("maxAccuracyDropPp", [this](double v) { m_maxAccuracyDrop->setValue(v); });
        number("plotTab", [this](double v) { m_plotTabs->setCurrentIndex(int(v)); });
        choose("cloudPreset", m_cloudPreset);
        number("cloudBandwidthMbps", [this](double v) { m_cloudBandwidth->setValue(v); });
        number("cloudLatencyMs", [this](double v) { m_cloudLatency->setValue(v); });
        // Known only with the timings: kept until they come (setPlanner).
        m_restoredMinSplit = o.value(QStringLiteral("minSplit")).toInt(0);
        m_restoredTiers = o.value(QStringLiteral("tiers")).toInt(0);
        m_restoredCodec = o.value(QStringLiteral("codec")).toString();
        // A what-if saved with the plan (the demo without control groups); none otherwise.
        m_deviceSlowdown = o.value(QStringLiteral("deviceSlowdown")).toDouble(1);
        {
            const QSignalBlocker block(m_codec);
            if (const int i = m_codec->findText(m_restoredCodec); i >= 0)
                m_codec->setCurrentIndex(i);
        }
        if (m_restoredMinSplit <= m_minSplit->maximum())
            m_minSplit->setValue(m_restoredMinSplit);
        if (m_tiers->isEnabled())
            m_tiers->setCurrentIndex(std::clamp(m_restoredTiers, 0, 1));
        updateCloudControls();
        m_pendingSelection.reset();
        if (o.contains(QStringLiteral("split")))
            m_pendingSelection = std::pair{o.value(QStringLiteral("split")).toInt(),
                                           o.value(QStringLiteral("tl")).toString()};
    }
    if (m_preset->currentText() != kCustom)
        presetChosen(); // sets the slider and the latency, and re-plans
    else
        bandwidthMoved();
    replan();
    restoreSelection(); // now, with timings; else when they come (setPlanner)
}

QString PlanView::messageText() const
{
    return m_message->text();
}

void PlanView::replan()
{
    if (m_updating)
        return;
    QElapsedTimer timer;
    timer.start();
    if (!m_planner) {
        m_ranking->setRanking({});
        m_series = {};
        m_plan = {};
        m_plot->setSeries(m_series);
        m_plot->replot();
        m_pareto->setPlan({}, {}, QString());
        m_pareto->replot();
        Q_EMIT seriesChanged(m_series);
        m_message->setText(m_emptyMessage.isEmpty()
                               ? tr("No timings yet: measure the model in the Benchmark panel.")
                               : m_emptyMessage);
        return;
    }
    const auto request = requestFromControls();
    const bool withTl = !m_planner->tlSpecs().empty();
    // The plot shows every split even when the constraints leave nothing to rank; only a
    // request that cannot be costed at all (a link, a codec) leaves it empty.
    try {
        m_series = m_planner->series(request);
    } catch (const Error &) {
        m_series = {};
    }
    try {
        m_plan = m_planner->plan(request);
        m_request = request;
        m_ranking->setRanking(m_plan.ranking);
        const auto &accuracyData = m_plan.accuracyDataset;
        m_message->setText(
            QString::fromStdString(request.link.describe()) +
            (withTl ? QString() : tr(" \u2014 no Transfer Layer timings: Scission only")) +
            (accuracyData.empty()
                 ? QString()
                 : tr(" \u2014 accuracy on %1").arg(QString::fromStdString(accuracyData))) +
            (m_plan.unmeasured + m_plan.unmeasurable == 0
                 ? QString()
                 : tr(" \u2014 %n configuration(s) without a measured accuracy left out", nullptr,
                      int(m_plan.unmeasured + m_plan.unmeasurable))) +
            (m_deviceSlowdown == 1 ? QString()
                                   : tr(" \u2014 what-if: the device %1 times slower, predicted")
                                         .arg(plots::Numbers::significant(m_deviceSlowdown))));
    } catch (const Error &e) {
        m_plan = {};
        m_ranking->setRanking({});
        const QString why = ErrorText::of(e);
        m_message->setText(why);
        Q_EMIT planFailed(why);
    }
    updateParetoPlot(request);
    m_plot->setSeries(m_series);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT seriesChanged(m_series);
    m_restoredMinSplit = m_minSplit->value();
    m_restoredTiers = m_tiers->currentIndex();
    m_restoredCodec = m_codec->currentText();
    Q_EMIT settingsChanged();
    m_lastUpdateMs = double(timer.nsecsElapsed()) / 1e6;
}

plan::PlanRequest PlanView::requestFromControls() const
{
    plan::PlanRequest request;
    request.link = link();
    // Without TL timings there is only Scission to rank by.
    const bool withTl = !m_planner->tlSpecs().empty();
    request.mode =
        m_mode->currentIndex() == 0 && withTl ? plan::Mode::ScissionTl : plan::Mode::Scission;
    request.top = m_rows->value();
    if (m_codec->count() > 0)
        request.codec = m_codec->currentText().toStdString();
    if (m_deviceSlowdown != 1)
        for (const auto &r : m_planner->resources())
            if (r.tier == plan::Tier::Device)
                request.constraints.slowdown[r.name] = m_deviceSlowdown;
    if (m_minSplit->value() > 0)
        request.constraints.minSplit = m_minSplit->value();
    if (m_maxUpload->value() > 0)
        request.constraints.maxUploadBytes = int64_t(m_maxUpload->value() * 1e6);
    if (m_maxMemory->value() > 0)
        request.constraints.maxDeviceMemoryBytes = int64_t(m_maxMemory->value()) << 20;
    if (m_maxDevice->value() > 0)
        request.constraints.maxDevice_s = m_maxDevice->value() / 1e3;
    if (m_tiers->currentIndex() == 1) {
        request.tiers = {plan::Tier::Device, plan::Tier::Edge, plan::Tier::Cloud};
        request.cloudLink = cloudLink();
    }
    if (m_maxAccuracyDrop->isEnabled() && m_maxAccuracyDrop->value() >= 0)
        request.constraints.maxAccuracyDrop_pp = m_maxAccuracyDrop->value();
    request.pareto = m_planner->accuracy().has_value();
    return request;
}

// Every allowed configuration, not only the rows listed: the front needs them all.
void PlanView::updateParetoPlot(const plan::PlanRequest &request)
{
    auto title = tr("%1 on %2")
                     .arg(QString::fromStdString(m_planner->model()),
                          QString::fromStdString(request.link.describe()));
    std::vector<plan::Configuration> all;
    if (!m_planner->accuracy()) {
        title += tr(" \u2014 no accuracy measured: cleave-cli accuracy measures it");
    } else if (m_plan.ranking.empty()) {
        title += tr(" \u2014 no configuration meets the constraints");
    } else {
        auto everyOne = request;
        everyOne.top = 0;
        everyOne.pareto = false;
        all = m_planner->plan(everyOne).ranking;
    }
    m_pareto->setPlan(all, m_plan.pareto, title);
    m_pareto->setSelected(currentConfiguration());
    m_pareto->replot(QCustomPlot::rpQueuedReplot);
}

// A point clicked in the Pareto plot: its row chosen when the ranking lists it.
void PlanView::selectConfiguration(const plan::Configuration &configuration)
{
    const auto &ranking = m_ranking->ranking();
    for (size_t row = 0; row < ranking.size(); ++row) {
        if (plan::samePlan(ranking[row], configuration)) {
            m_table->setCurrentIndex(m_ranking->index(int(row), 0));
            return;
        }
    }
}

// The selection the project kept, once the ranking has a row for it.
void PlanView::restoreSelection()
{
    if (!m_pendingSelection || !m_planner)
        return;
    const auto [split, tl] = *m_pendingSelection;
    m_pendingSelection.reset();
    const auto &ranking = m_ranking->ranking();
    for (size_t row = 0; row < ranking.size(); ++row) {
        if (ranking[row].s1 == split && QString::fromStdString(ranking[row].tl) == tl) {
            m_table->setCurrentIndex(m_ranking->index(int(row), 0));
            return;
        }
    }
    selectSplit(split);
    Q_EMIT splitSelected(split);
}

const plan::Configuration *PlanView::currentConfiguration() const
{
    const auto current = m_table->currentIndex();
    const auto &ranking = m_ranking->ranking();
    if (!current.isValid() || size_t(current.row()) >= ranking.size())
        return nullptr;
    return &ranking[size_t(current.row())];
}

void PlanView::selectSplit(int split)
{
    // Selected from elsewhere: shown here, not announced again.
    const QScopedValueRollback guard(m_selecting, true);
    m_plot->setSelectedSplit(split);
    // The ring follows the row chosen below, or goes when none is.
    const auto ringChosen = qScopeGuard([this] {
        m_pareto->setSelected(currentConfiguration());
        m_pareto->replot(QCustomPlot::rpQueuedReplot);
    });
    if (const auto *chosen = currentConfiguration(); chosen && chosen->s1 == split)
        return; // the row chosen has that split already: it stays
    const auto &ranking = m_ranking->ranking();
    for (size_t row = 0; row < ranking.size(); ++row) {
        if (ranking[row].s1 == split) {
            m_table->selectRow(int(row));
            return;
        }
    }
    m_table->clearSelection();
}

} // namespace cleave::gui
