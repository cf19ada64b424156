// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/planner.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableView;

class QTabWidget;

namespace cleave::plots {
class LatencyStackPlot;
class ParetoPlot;
} // namespace cleave::plots

namespace cleave::gui {

class RankingModel;

/// The per-split latency stacks and the ranking, re-ranked and redrawn as the network and
/// constraint controls move. Planning runs here, on the GUI thread: the planner costs every
/// configuration from prefix sums over timings already in memory (no LibTorch, no SQLite),
/// well inside a frame.
class PlanView : public QWidget
{
    Q_OBJECT

public:
    explicit PlanView(QWidget *parent = nullptr);
    ~PlanView() override;

    /// The timings to plan with; nullptr clears the view, which then says `why`.
    void setPlanner(std::shared_ptr<const plan::Planner> planner, const QString &why = {});
    const plan::Planner *planner() const { return m_planner.get(); }

    /// The link the controls describe now.
    plan::NetworkProfile link() const;
    /// Sets the bandwidth slider (log scale, 1 to 1000 Mbit/s) as a user would.
    void setBandwidthMbps(double mbps);

    QSlider *bandwidthSlider() const { return m_bandwidth; }
    QComboBox *presetBox() const { return m_preset; }
    /// The wire codec the plan costs: those the timings measured.
    QComboBox *codecBox() const { return m_codec; }
    QSpinBox *minSplitBox() const { return m_minSplit; }
    /// Maximum upload per inference in MB and maximum device time in ms; 0: no limit.
    QDoubleSpinBox *maxUploadBox() const { return m_maxUpload; }
    QDoubleSpinBox *maxDeviceBox() const { return m_maxDevice; }
    QSpinBox *maxMemoryBox() const { return m_maxMemory; }
    /// Top-1 points lost against the unsplit model at most; its minimum (below 0) is no limit.
    /// Enabled when the project holds accuracies of the model.
    QDoubleSpinBox *maxAccuracyDropBox() const { return m_maxAccuracyDrop; }
    /// Device + edge, or device + edge + cloud when the timings include a cloud.
    QComboBox *tiersBox() const { return m_tiers; }
    /// The edge-cloud link (three tiers only): a preset, wan by default, or custom bandwidth
    /// and latency.
    QComboBox *cloudPresetBox() const { return m_cloudPreset; }
    QDoubleSpinBox *cloudBandwidthBox() const { return m_cloudBandwidth; }
    QDoubleSpinBox *cloudLatencyBox() const { return m_cloudLatency; }
    plan::NetworkProfile cloudLink() const;
    /// The controls and the selection, for the project to keep (JSON), and back: unknown or
    /// out-of-range values are left as they are. The selection is restored once the timings
    /// that hold it are there.
    QJsonObject settings() const;
    void restoreSettings(const QJsonObject &settings);
    /// A what-if for every device resource: its timings scaled by `factor` (1: none), said
    /// beside the link as a prediction (the demo where a device cannot be emulated).
    void setDeviceSlowdown(double factor);
    double deviceSlowdown() const { return m_deviceSlowdown; }
    /// The line above the ranking: the link planned for, or why nothing is ranked.
    QString messageText() const;
    /// Both cost models side by side, or one of them.
    QComboBox *showBox() const { return m_show; }
    /// How many configurations the ranking lists (0: all); Export Ranking writes the same.
    QSpinBox *rowsBox() const { return m_rows; }
    QPushButton *benchmarkNowButton() const { return m_benchmarkNow; }
    RankingModel *rankingModel() const { return m_ranking; }
    QTableView *rankingTable() const { return m_table; }
    plots::LatencyStackPlot *stackPlot() const { return m_plot; }
    /// Latency against top-1, every allowed configuration measured, the front joined.
    plots::ParetoPlot *paretoPlot() const { return m_pareto; }
    /// The plots' tabs: latency per split, latency against accuracy.
    QTabWidget *plotTabs() const { return m_plotTabs; }
    const plan::SplitSeries &series() const { return m_series; }
    /// The request and plan the view shows now (for exporting the ranking).
    const plan::PlanRequest &request() const { return m_request; }
    const plan::Plan &currentPlan() const { return m_plan; }
    /// How long the last re-rank and redraw took, in milliseconds.
    double lastUpdateMs() const { return m_lastUpdateMs; }

Q_SIGNALS:
    void splitSelected(int split);
    /// A control or the selection changed (what settings() holds).
    void settingsChanged();
    /// Benchmark Now, offered while the open model has no timings.
    void benchmarkRequested();
    /// A ranking row was chosen (or a split whose best row is then shown): the whole
    /// configuration, its TL and resources with its split.
    void configurationSelected(const plan::Configuration &configuration);
    /// The per-split series planned now (empty without timings), after every re-plan.
    void seriesChanged(const plan::SplitSeries &series);
    /// A one-line reason when the controls leave nothing to rank (conflicting constraints).
    void planFailed(const QString &reason);

public Q_SLOTS:
    /// Shows `split` selected: the chosen ranking row stays when it has that split, else the
    /// best row with it is chosen; the plot outlines it.
    void selectSplit(int split);

private:
    void presetChosen();
    void cloudPresetChosen();
    void updateCloudControls();
    void bandwidthMoved();
    void replan();
    plan::PlanRequest requestFromControls() const;
    void updateAccuracyControl();
    /// The Pareto plot of `request` (every allowed configuration), the chosen row ringed.
    void updateParetoPlot(const plan::PlanRequest &request);
    void selectConfiguration(const plan::Configuration &configuration);
    /// The ranking row chosen now, if any.
    const plan::Configuration *currentConfiguration() const;
    void restoreSelection();

    std::shared_ptr<const plan::Planner> m_planner;
    plan::SplitSeries m_series;
    plan::PlanRequest m_request;
    plan::Plan m_plan;
    QComboBox *m_preset = nullptr;
    QSlider *m_bandwidth = nullptr;
    QLabel *m_bandwidthLabel = nullptr;
    QDoubleSpinBox *m_latency = nullptr;
    QSpinBox *m_minSplit = nullptr;
    QDoubleSpinBox *m_maxUpload = nullptr;
    QDoubleSpinBox *m_maxDevice = nullptr;
    QSpinBox *m_maxMemory = nullptr;
    QDoubleSpinBox *m_maxAccuracyDrop = nullptr;
    QComboBox *m_tiers = nullptr;
    QComboBox *m_cloudPreset = nullptr;
    QDoubleSpinBox *m_cloudBandwidth = nullptr;
    QDoubleSpinBox *m_cloudLatency = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_codec = nullptr;
    QComboBox *m_show = nullptr;
    QSpinBox *m_rows = nullptr;
    QPushButton *m_benchmarkNow = nullptr;
    plots::LatencyStackPlot *m_plot = nullptr;
    plots::ParetoPlot *m_pareto = nullptr;
    QTabWidget *m_plotTabs = nullptr;
    RankingModel *m_ranking = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_message = nullptr;
    QString m_emptyMessage;
    double m_lastUpdateMs = 0;
    bool m_updating = false;
    bool m_selecting = false;
    std::optional<std::pair<int, QString>> m_pendingSelection; ///< split and TL to restore
    int m_restoredMinSplit = 0; ///< applied when timings give the range
    int m_restoredTiers = 0;    ///< applied when timings include a cloud
    QString m_restoredCodec;    ///< applied when timings list the codecs measured
    double m_deviceSlowdown = 1;
};

} // namespace cleave::gui
