// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/projectwork.h"
#include "app/gui/theme.h"

#include <QMainWindow>
#include <QSize>

#include <memory>
#include <string>

class QLabel;
class QMenu;
class QCustomPlot;
class QStackedWidget;
class QTabWidget;
class QTemporaryDir;
class QThreadPool;
class QTimer;

namespace cleave::plan {
class Planner;
}

namespace cleave::gui {

class AgentsPanel;
class BenchmarkPanel;
class ExportWizard;
class GraphView;
class ModelView;
class ClusterView;
class OffloadView;
class MessageBar;
class PlanView;
class StartPage;

/// The workbench: the plan view in the middle; the model's cuts, the agents and the benchmark
/// in docks. A project is one `.cleave` file (the store): the timings, the agents and the model
/// last open. Until one is opened or saved, the window works on an untitled project in a
/// temporary folder. Files, models and agents are handled on worker threads; answers that
/// arrive after a newer request are dropped. Geometry, dock layout and recent projects are kept
/// in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a project file (refusing a corrupt or foreign one) and then `model` when given,
    /// else the model the project had open. Returns at once; projectOpened or openFailed follow.
    void openProject(const QString &path, const QString &model = {});
    /// Creates an empty project at `path` (.cleave added when it has no suffix; replacing a file
    /// there) and switches to it.
    void newProject(const QString &path);
    /// Writes the project to `path` (.cleave added when it has no suffix) and continues there;
    /// projectOpened or openFailed follow.
    void saveProjectAs(const QString &path);
    /// Opens a model (a TorchScript file or zoo:NAME) and plans it with the project's timings,
    /// cut at the granularity chosen before (or at `granularity`).
    void openModel(const QString &spec);
    void openModel(const QString &spec, graph::Granularity granularity);
    /// Cuts the open model at `granularity`: it is analysed again, and benchmark, plan, offload
    /// and export follow (the project remembers the choice). A model with more node cuts than
    /// the limit stays as it was, with the reason shown.
    void setGranularity(graph::Granularity granularity);
    graph::Granularity granularity() const { return m_granularity; }

    /// Writes the plots shown (the latency stacks; in the offload view, the stacks above the
    /// predicted-versus-measured scatter) to `path` (.png, .pdf or .svg), each at `size`
    /// (pixels at 96 DPI, points in PDF and SVG) and, for PNG, `dpi`. Returns an empty string or
    /// a one-line reason.
    QString exportPlot(const QString &path, QSize size, int dpi = 96);
    /// Writes the ranking as CSV or JSON, by suffix. Returns an empty string or the reason.
    QString exportRanking(const QString &path);
    /// Copies the plots shown (Copy Plot, Ctrl+Shift+C).
    void copyPlot();
    /// Copy (Ctrl+C): the focused text's selection, a table's selected rows as tab-separated
    /// text, or the focused plot.
    void copySelection();
    /// A split chosen in the plot or the cut table.
    void selectSplit(int split);
    /// Opens the export wizard on the open model, at the selected split (none: nullptr).
    ExportWizard *openExportWizard();
    int selectedSplit() const { return m_selectedSplit; }
    /// The configuration selected: its split, TL and resources (a split chosen in the plot or
    /// the cut table alone: that split, no TL).
    const plan::Configuration &selection() const { return m_selection; }
    /// Switches the colours (kept in the settings); the plots follow.
    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }

    ModelView *modelView() const { return m_modelView; }
    GraphView *graphView() const { return m_graphView; }
    PlanView *planView() const { return m_planView; }
    /// Made when first shown (or asked for here): the window's first paint need not wait.
    OffloadView *offloadView();
    /// The Cluster tab's view, made on first use.
    ClusterView *clusterView();
    /// Shows the plan (0) or the offload view (1).
    void showTab(int index);
    /// The plots of the view shown, as Export Plot and Copy Plot take them.
    QList<QCustomPlot *> currentPlots() const;
    AgentsPanel *agentsPanel() const { return m_agents; }
    /// Shown while no model is open.
    StartPage *startPage() const { return m_start; }
    /// Notices that must be seen: a file refused, a change that needs a restart.
    MessageBar *messageBar() const { return m_messages; }
    BenchmarkPanel *benchmarkPanel() const { return m_bench; }
    const QString &currentModel() const { return m_model; }
    const QString &projectPath() const { return m_project; }
    bool isUntitled() const { return m_untitled; }
    QStringList recentProjects() const;

Q_SIGNALS:
    void projectOpened(const QString &path);
    void modelOpened(const QString &spec);
    void timingsOpened(const QString &project);
    /// No plan: the project has no complete timings of the model yet, or they do not fit.
    void timingsMissing(const QString &reason);
    void openFailed(const QString &reason);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    void createDocks();
    void connectSelection();
    void connectPlanView();
    void connectStartPage();
    void connectWork();
    void createOffloadView();
    void createClusterView();
    void switchProject(const QString &path, bool create, const QString &model);
    void setProject(const ProjectState &state, bool untitled, const QString &model);
    void loadTimings();
    /// The graph view colours the selected plan's tiers and draws its cut.
    void showSelectionInGraph();
    /// The project remembers the open model and where it is cut.
    void saveModelChoice();
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void chooseNewProject();
    void chooseProject();
    void chooseSaveAs();
    void chooseModelFile();
    void chooseZooModel();
    void chooseExportPlot();
    void chooseExportRanking();
    void startBenchmark();
    void startDemo();
    /// `why`: empty where the device can be emulated, else why not.
    void startDemoBenchmark(const std::string &why);
    void selectDemoPlan(const plan::Planner &planner);
    void saveInBackground(std::function<void()> work);
    void showFailure(const QString &reason);
    void updateTitle();
    void restylePlots();

    ModelView *m_modelView = nullptr;
    PlanView *m_planView = nullptr;
    OffloadView *m_offloadView = nullptr;
    GraphView *m_graphView = nullptr;
    QWidget *m_offloadPage = nullptr; ///< the Offload tab, which holds the view once made
    ClusterView *m_clusterView = nullptr;
    QWidget *m_clusterPage = nullptr; ///< the Cluster tab, which holds the view once made
    QTabWidget *m_tabs = nullptr;
    AgentsPanel *m_agents = nullptr;
    BenchmarkPanel *m_bench = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_agentState = nullptr;
    std::unique_ptr<QTemporaryDir> m_scratch; ///< holds the untitled project
    QString m_project;
    bool m_untitled = true;
    QString m_model;
    QString m_modelName;
    int m_blocks = 0;
    graph::Granularity m_granularity = graph::Granularity::Block; ///< of the open model
    plan::Configuration m_selection;
    QThreadPool *m_saves = nullptr;      ///< one thread: project writes in order
    QTimer *m_savePlan = nullptr;        ///< saves the plan view's settings once they rest
    QStackedWidget *m_central = nullptr; ///< the start page, then the plan and offload tabs
    StartPage *m_start = nullptr;
    MessageBar *m_messages = nullptr; ///< notices that matter, above the views
    bool m_benchmarkWhenOpen = false; ///< "Try it": measure the model once it is open
    bool m_tryingDemo = false;        ///< "Try it" measures as the demo (core/demo.h)
    bool m_demoRunning = false;       ///< the demo's benchmark is under way
    bool m_demoPlanPending = false;   ///< the demo's plan, once its timings are loaded
    QString m_inputShape;             ///< of the open model, "1x3x224x224"
    QString m_outputShape;
    int m_selectedSplit = 0;
    Theme m_theme = Theme::System;
    bool m_defaultLayout = false; ///< no saved layout: size the docks when first shown
    int m_projectJob = 0;         ///< the newest project request; older answers are dropped
    int m_modelJob = 0;
    int m_plannerJob = 0;
};

} // namespace cleave::gui
