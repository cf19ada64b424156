// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/clusterwork.h"

#include <QFuture>
#include <QWidget>

#include <memory>

class QCheckBox;
class QCustomPlot;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cleave::plots {
class ClusterTimelinePlot;
class ShareBar;
class SpeedupPlot;
} // namespace cleave::plots

namespace cleave::gui {

class AgentTableModel;

/// Runs one inference over a cluster of device agents (the project's, or local ones each
/// limited to its CPU share) and draws the newest inference's time line over its plan, the rows per
/// device as they move and the speed-up against the number of devices. Everything measured goes to
/// the project as it arrives.
class ClusterView : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterView(QWidget *parent = nullptr);
    ~ClusterView() override; ///< cancels a running cluster and waits for it

    /// Runs `model` over the devices chosen. False (and the reason in the log) when it cannot
    /// start.
    bool start(const QString &project, const QString &model);
    void cancel();
    bool isRunning() const { return m_runner != nullptr; }

    /// Reads the project's newest cluster run of `model` on a worker and plans on its devices'
    /// timings: before running, the plan shows for the devices that take part and their
    /// what-if speeds (the planning table), re-planned on every change.
    void reload(const QString &project, const QString &model);
    QTableWidget *planningTable() const { return m_planning; }
    /// What reload() read: the devices of the project's last cluster run and their timings;
    /// null before it or without a run.
    const ClusterPlanning *planning() const { return m_stored ? &*m_stored : nullptr; }
    /// Plans again from the planning table, the link and the Plan choice, and draws the plan
    /// (nothing without timings).
    void replan();
    /// What replan() planned last.
    const plan::ChainPlan &plannedChain() const { return m_plannedChain; }

    /// The project's agents: those with the device role are offered as devices (with what they
    /// said when last asked), those with the edge role as aggregators.
    void setAgentModel(const AgentTableModel *agents);
    /// The cut picked in the cut table: "One segment up to the cut picked" runs to it.
    void setPickedCut(int cut);

    enum class Source { Local, Project };
    void setSource(Source source);
    Source source() const;
    /// The project's device agents offered, checked when they take part.
    QListWidget *agentList() const { return m_agentList; }
    /// "The first device", then a local edge agent or the project's edge agents.
    QComboBox *aggregatorBox() const { return m_aggregator; }
    /// The CPU shares of the local devices as chosen.
    std::vector<double> shares() const;
    void setShares(const std::vector<double> &shares);
    QSpinBox *devicesBox() const { return m_devices; }
    QComboBox *linkBox() const { return m_link; }
    QComboBox *planBox() const { return m_plan; }
    QSpinBox *runsBox() const { return m_runs; }
    QSpinBox *warmupBox() const { return m_warmup; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    plots::ClusterTimelinePlot *timelinePlot() const { return m_timeline; }
    plots::ShareBar *shareBar() const { return m_shareBar; }
    plots::SpeedupPlot *speedupPlot() const { return m_speedup; }
    QList<QCustomPlot *> plots() const;
    QString log() const;
    /// Frames drawn so far (the plan, then one per inference).
    int framesDrawn() const { return m_frames; }

Q_SIGNALS:
    void runRequested();
    void finished(bool ok, const QString &message);
    /// A frame was drawn.
    void drawn();
    /// The planning table holds the devices of the project's newest run (after reload()).
    void planningLoaded();

private:
    void appendLog(const QString &line);
    void setRunning(bool running);
    void setDeviceCount(int count);
    void showSource();
    void listAgents();
    void listAggregators();
    /// The job the controls describe; none (and `why`) when they describe none.
    std::optional<ClusterJob> describedJob(QString *why) const;
    /// A frame of the run in progress (counted, and said with drawn()).
    void draw(const ClusterFrame &frame);
    void showFrame(const ClusterFrame &frame);
    void setPlanning(std::optional<ClusterPlanning> planning);

    QFormLayout *m_form = nullptr;
    QComboBox *m_source = nullptr;
    QListWidget *m_agentList = nullptr;
    const AgentTableModel *m_agentModel = nullptr;
    QComboBox *m_aggregator = nullptr;
    int m_pickedCut = -1;
    QSpinBox *m_devices = nullptr;
    QHBoxLayout *m_shareRow = nullptr;
    QList<QDoubleSpinBox *> m_shares;
    QComboBox *m_link = nullptr;
    QComboBox *m_plan = nullptr;
    QSpinBox *m_runs = nullptr;
    QSpinBox *m_warmup = nullptr;
    QCheckBox *m_edgeDi = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_log = nullptr;
    plots::ClusterTimelinePlot *m_timeline = nullptr;
    plots::ShareBar *m_shareBar = nullptr;
    plots::SpeedupPlot *m_speedup = nullptr;
    QTableWidget *m_planning = nullptr;
    std::optional<ClusterPlanning> m_stored;
    plan::ChainPlan m_plannedChain;
    bool m_showingRun = false; ///< the plots show a run: a new planning waits for a change
    int m_planningJob = 0;
    QString m_project;
    QString m_model;
    std::shared_ptr<ClusterRunner> m_runner;
    QFuture<void> m_future;
    int m_frames = 0;
};

} // namespace cleave::gui
