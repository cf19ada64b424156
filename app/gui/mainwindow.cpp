// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/mainwindow.h"

#include "app/gui/agentspanel.h"
#include "app/gui/background.h"
#include "app/gui/benchmarkpanel.h"
#include "app/gui/clipboard.h"
#include "app/gui/clusterview.h"
#include "app/gui/errortext.h"
#include "app/gui/exportwizard.h"
#include "app/gui/graphview.h"
#include "app/gui/messagebar.h"
#include "app/gui/modelloading.h"
#include "app/gui/modelview.h"
#include "app/gui/offloadview.h"
#include "app/gui/planview.h"
#include "app/gui/startpage.h"
#include "core/demo.h"
#include "core/plan/headline.h"
#include "core/plan/planjson.h"
#include "plots/latencystackplot.h"
#include "plots/numbers.h"
#include "plots/plotexport.h"
#include "plots/plotstyle.h"
#include "plots/predictionplot.h"
#include "remote/controlgroup.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace cleave::gui {

namespace {

constexpr int kRecentProjects = 8;
const QString kRecentKey = QStringLiteral("project/recent");

/// Asks for the size and resolution of an exported plot. False when cancelled.
bool askPlotSize(QWidget *parent, QSize &size, int &dpi)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(MainWindow::tr("Plot Size"));
    auto *width = new QSpinBox(&dialog);
    width->setRange(16, 20000);
    width->setValue(size.width());
    auto *height = new QSpinBox(&dialog);
    height->setRange(16, 20000);
    height->setValue(size.height());
    auto *resolution = new QSpinBox(&dialog);
    resolution->setRange(24, 1200);
    resolution->setValue(dpi);
    resolution->setSuffix(MainWindow::tr(" DPI"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(MainWindow::tr("Width (px at 96 DPI, pt in PDF/SVG)"), width);
    form->addRow(MainWindow::tr("Height"), height);
    form->addRow(MainWindow::tr("Resolution (PNG)"), resolution);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    size = {width->value(), height->value()};
    dpi = resolution->value();
    return true;
}

} // namespace

// A selection is a configuration: the ranking's row carries its TL and resources to the plot,
// the cut table, the Offload view and the export wizard; a split chosen elsewhere takes the
// ranking's best row with that split.
void MainWindow::connectSelection()
{
    connect(m_modelView, &ModelView::splitSelected, this, &MainWindow::selectSplit);
    connect(m_modelView, &ModelView::splitSelected, m_planView, &PlanView::selectSplit);
    connect(m_planView, &PlanView::splitSelected, this, &MainWindow::selectSplit);
    connect(m_planView, &PlanView::configurationSelected, this,
            [this](const plan::Configuration &c) {
                m_selection = c;
                m_selectedSplit = c.s1;
                showSelectionInGraph();
                if (m_offloadView)
                    m_offloadView->setSelection(c.s1, QString::fromStdString(c.tl));
            });
    connect(m_planView, &PlanView::splitSelected, m_modelView, &ModelView::selectSplit);
    connect(m_modelView, &ModelView::granularityChosen, this, &MainWindow::setGranularity);
    connect(m_graphView, &GraphView::splitSelected, this, &MainWindow::selectSplit);
    connect(m_graphView, &GraphView::splitSelected, m_planView, &PlanView::selectSplit);
    connect(m_graphView, &GraphView::splitSelected, m_modelView, &ModelView::selectSplit);
}

void MainWindow::connectPlanView()
{
    connect(m_planView, &PlanView::seriesChanged, m_modelView, &ModelView::setMeasuredSizes);
    connect(m_planView, &PlanView::planFailed, this,
            [this](const QString &reason) { statusBar()->showMessage(reason); });
    // The project keeps the plan view's controls and selection, written once they rest.
    m_savePlan = new QTimer(this);
    m_savePlan->setSingleShot(true);
    m_savePlan->setInterval(400);
    connect(m_planView, &PlanView::settingsChanged, m_savePlan, qOverload<>(&QTimer::start));
    connect(m_savePlan, &QTimer::timeout, this, [this] {
        if (m_project.isEmpty())
            return;
        const auto project = m_project;
        const auto json =
            QString::fromUtf8(QJsonDocument(m_planView->settings()).toJson(QJsonDocument::Compact));
        saveInBackground([project, json] { saveSetting(project, QStringLiteral("plan"), json); });
    });
    connect(m_planView, &PlanView::benchmarkRequested, this, [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("BenchmarkDock"))) {
            dock->show();
            dock->raise();
        }
        startBenchmark();
    });
}

void MainWindow::connectStartPage()
{
    connect(m_start, &StartPage::openModelRequested, this, &MainWindow::chooseModelFile);
    connect(m_start, &StartPage::openProjectRequested, this, &MainWindow::chooseProject);
    connect(m_start, &StartPage::newProjectRequested, this, &MainWindow::chooseNewProject);
    connect(m_start, &StartPage::zooModelChosen, this,
            [this](const QString &spec) { openModel(spec); });
    connect(m_start, &StartPage::recentProjectChosen, this,
            [this](const QString &path) { openProject(path); });
    connect(m_start, &StartPage::tryRequested, this, [this] {
        m_benchmarkWhenOpen = m_tryingDemo = true;
        openModel(QString::fromStdString(Demo().model));
    });
}

// The agents and the benchmark: what they change is saved, what they measure is planned with.
void MainWindow::connectWork()
{
    connect(m_agents, &AgentsPanel::summaryChanged, m_agentState, &QLabel::setText);
    connect(m_agents, &AgentsPanel::agentsEdited, this, [this](const QList<AgentEntry> &agents) {
        const auto project = m_project;
        saveInBackground([project, agents] { saveAgents(project, agents); });
    });
    connect(m_bench, &BenchmarkPanel::startRequested, this, &MainWindow::startBenchmark);
    connect(m_bench, &BenchmarkPanel::runCommitted, this, &MainWindow::loadTimings);
    connect(m_bench, &BenchmarkPanel::finished, this, [this](bool ok, const QString &message) {
        statusBar()->showMessage(ok ? tr("Benchmark complete: %1").arg(message)
                                    : tr("Benchmark stopped: %1").arg(message));
        m_demoPlanPending = std::exchange(m_demoRunning, false) && ok;
        loadTimings();
    });
}

OffloadView *MainWindow::offloadView()
{
    if (!m_offloadView)
        createOffloadView();
    return m_offloadView;
}

// The Offload view starts from what the window knows: the selection, the project's runs of the
// open model, the theme's colours.
void MainWindow::createOffloadView()
{
    m_offloadView = new OffloadView(m_offloadPage);
    m_offloadView->setGranularity(m_granularity);
    m_offloadPage->layout()->addWidget(m_offloadView);
    connect(m_offloadView, &OffloadView::runRequested, this, [this] {
        if (m_offloadView->start(m_project, m_model, m_selectedSplit, m_agents->jobAgents(),
                                 m_agents->localDeviceLimits()))
            statusBar()->showMessage(tr("Offloading %1...").arg(m_modelName));
    });
    connect(m_offloadView, &OffloadView::finished, this, [this](bool ok, const QString &message) {
        statusBar()->showMessage(ok ? tr("Offload complete: %1").arg(message)
                                    : tr("Offload stopped: %1").arg(message));
    });
    connect(m_offloadView->linkBox(), &QComboBox::currentIndexChanged, this,
            [this] { m_offloadView->reload(m_project, m_model); });
    m_offloadView->setSelection(m_selectedSplit, QString::fromStdString(m_selection.tl));
    if (!m_model.isEmpty() && !m_project.isEmpty())
        m_offloadView->reload(m_project, m_model);
    for (auto *plot : m_offloadView->findChildren<QCustomPlot *>())
        plots::applyPalette(plot, QApplication::palette());
}

// The Cluster view runs the open model over the project's device agents or local ones, up to
// the cut picked when asked, and keeps what it measures in the project.
void MainWindow::createClusterView()
{
    m_clusterView = new ClusterView(m_clusterPage);
    m_clusterPage->layout()->addWidget(m_clusterView);
    connect(m_clusterView, &ClusterView::runRequested, this, [this] {
        if (m_clusterView->start(m_project, m_model))
            statusBar()->showMessage(tr("Running %1 over a cluster...").arg(m_modelName));
    });
    connect(m_clusterView, &ClusterView::finished, this, [this](bool ok, const QString &message) {
        statusBar()->showMessage(ok ? tr("Cluster run complete: %1").arg(message)
                                    : tr("Cluster run stopped: %1").arg(message));
        loadTimings(); // the devices just timed plan the next run; the edge's time the splits
    });
    for (auto *plot : m_clusterView->plots())
        plots::applyPalette(plot, QApplication::palette());
    m_clusterView->setAgentModel(m_agents->model());
    m_clusterView->setPickedCut(m_selectedSplit);
    if (!m_model.isEmpty() && !m_project.isEmpty())
        m_clusterView->reload(m_project, m_model);
}

ClusterView *MainWindow::clusterView()
{
    if (!m_clusterView)
        createClusterView();
    return m_clusterView;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_saves = new QThreadPool(this);
    m_saves->setMaxThreadCount(1);
    m_planView = new PlanView(this);
    m_offloadPage = new QWidget(this);
    auto *offloadLayout = new QVBoxLayout(m_offloadPage);
    offloadLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_planView, tr("Plan"));
    m_tabs->addTab(m_offloadPage, tr("Offload"));
    m_clusterPage = new QWidget(this);
    auto *clusterLayout = new QVBoxLayout(m_clusterPage);
    clusterLayout->setContentsMargins(0, 0, 0, 0);
    m_tabs->addTab(m_clusterPage, tr("Cluster"));
    // Laid out on a worker the first time the tab shows a model.
    m_graphView = new GraphView(this);
    m_tabs->addTab(m_graphView, tr("Graph"));
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_offloadPage)
            offloadView();
        if (m_tabs->widget(index) == m_clusterPage)
            clusterView();
    });
    // Until a model is open the window offers ways in, not empty axes.
    m_start = new StartPage(zooChoices(), this);
    m_start->setRecentProjects(recentProjects());
    m_central = new QStackedWidget(this);
    m_central->addWidget(m_start);
    m_central->addWidget(m_tabs);
    m_messages = new MessageBar(this);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_messages);
    centralLayout->addWidget(m_central, 1);
    setCentralWidget(central);
    createDocks();
    createMenus();
    m_agentState = new QLabel(this);
    statusBar()->addPermanentWidget(m_agentState);
    m_agentState->setText(m_agents->summary());
    connectSelection();
    connectPlanView();
    connectStartPage();
    connectWork();
    statusBar()->showMessage(tr("Open a model to begin."));
    if (m_theme != Theme::System)
        applyTheme(m_theme);
    restylePlots();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_defaultLayout = !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());

    // Work starts on an untitled project; File > Save Project As keeps it.
    m_scratch = std::make_unique<QTemporaryDir>();
    if (m_scratch->isValid()) {
        const auto path = m_scratch->filePath(QStringLiteral("untitled.cleave"));
        const int job = ++m_projectJob;
        runInBackground<ProjectState>(
            this, [path] { return gui::openProject(path, true); },
            [this, job](const ProjectState &state) {
                if (job == m_projectJob)
                    setProject(state, true, {});
            },
            [this](const QString &reason) { showFailure(reason); });
    }
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    const auto dock = [this](const QString &title, const QString &name, QWidget *widget,
                             Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    m_modelView = new ModelView(this);
    m_agents = new AgentsPanel(this);
    m_bench = new BenchmarkPanel(this);
    dock(tr("Model"), QStringLiteral("ModelDock"), m_modelView, Qt::LeftDockWidgetArea);
    auto *agents =
        dock(tr("Agents"), QStringLiteral("AgentsDock"), m_agents, Qt::RightDockWidgetArea);
    auto *bench =
        dock(tr("Benchmark"), QStringLiteral("BenchmarkDock"), m_bench, Qt::RightDockWidgetArea);
    tabifyDockWidget(agents, bench);
    agents->raise();
    // A click gives a plot the focus, so that Copy takes that plot.
    for (auto *plot : findChildren<QCustomPlot *>())
        plot->setFocusPolicy(Qt::ClickFocus);
}

void MainWindow::createMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project..."), QKeySequence::New, this, &MainWindow::chooseNewProject);
    file->addAction(tr("&Open Project..."), QKeySequence::Open, this, &MainWindow::chooseProject);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Save Project &As..."), QKeySequence::SaveAs, this,
                    &MainWindow::chooseSaveAs);
    file->addSeparator();
    file->addAction(tr("Open &Model..."), this, &MainWindow::chooseModelFile);
    file->addAction(tr("Open &Zoo Model..."), this, &MainWindow::chooseZooModel);
    file->addSeparator();
    file->addAction(tr("Export &Bundle..."), this, &MainWindow::openExportWizard);
    file->addAction(tr("Export &Plot..."), this, &MainWindow::chooseExportPlot);
    file->addAction(tr("Export Ran&king..."), this, &MainWindow::chooseExportRanking);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, &MainWindow::copySelection);
    edit->addAction(tr("Copy &Plot"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this,
                    &MainWindow::copyPlot);
    auto *view = menuBar()->addMenu(tr("&View"));
    for (auto *d : findChildren<QDockWidget *>())
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    auto *languageMenu = view->addMenu(tr("&Language"));
    auto *languageGroup = new QActionGroup(this);
    const auto chosen =
        QSettings().value(QStringLiteral("view/language"), QStringLiteral("system")).toString();
    const std::pair<QString, QString> spoken[] = {
        {QStringLiteral("system"), tr("Follow the &System")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("ko"), QStringLiteral("\uD55C\uAD6D\uC5B4")}};
    for (const auto &[code, label] : spoken) {
        auto *action = languageMenu->addAction(label, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("view/language"), code);
            m_messages->showMessage(tr("The language changes when Cleave starts again."));
        });
        action->setCheckable(true);
        action->setChecked(code == chosen);
        languageGroup->addAction(action);
    }
    auto *themes = view->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(this);
    const std::pair<Theme, QString> choices[] = {{Theme::System, tr("Follow the &System")},
                                                 {Theme::Light, tr("&Light")},
                                                 {Theme::Dark, tr("&Dark")}};
    m_theme = themeFromName(QSettings().value(QStringLiteral("view/theme")).toString());
    for (const auto &[theme, label] : choices) {
        auto *action = themes->addAction(label, this, [this, t = theme] { setTheme(t); });
        action->setCheckable(true);
        action->setChecked(theme == m_theme);
        group->addAction(action);
    }
    rebuildRecentMenu();
}

QStringList MainWindow::recentProjects() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::rememberRecent(const QString &path)
{
    auto recent = recentProjects();
    const auto absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kRecentProjects)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    rebuildRecentMenu();
    m_start->setRecentProjects(recent);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const auto recent = recentProjects();
    for (const auto &path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this, [this, path] { openProject(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseNewProject()
{
    const auto path =
        QFileDialog::getSaveFileName(this, tr("New Project"), {}, tr("Cleave projects (*.cleave)"));
    if (!path.isEmpty())
        newProject(path);
}

void MainWindow::chooseProject()
{
    const auto path = QFileDialog::getOpenFileName(this, tr("Open Project"), {},
                                                   tr("Cleave projects (*.cleave)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::chooseSaveAs()
{
    const auto path = QFileDialog::getSaveFileName(this, tr("Save Project As"), {},
                                                   tr("Cleave projects (*.cleave)"));
    if (!path.isEmpty())
        saveProjectAs(path);
}

void MainWindow::chooseModelFile()
{
    const auto path = QFileDialog::getOpenFileName(this, tr("Open Model"), {},
                                                   tr("TorchScript models (*.pt *.pth)"));
    if (!path.isEmpty())
        openModel(path);
}

void MainWindow::chooseZooModel()
{
    bool ok = false;
    const auto name =
        QInputDialog::getItem(this, tr("Open Zoo Model"), tr("Model"), zooNames(), 0, false, &ok);
    if (ok)
        openModel(name);
}

void MainWindow::chooseExportPlot()
{
    QString filter = tr("PNG image (*.png)");
    const auto path = QFileDialog::getSaveFileName(
        this, tr("Export Plot"), {},
        tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    QSize size = m_planView->stackPlot()->size();
    int dpi = 96;
    if (!askPlotSize(this, size, dpi))
        return;
    const auto problem = exportPlot(path, size, dpi);
    statusBar()->showMessage(problem.isEmpty() ? tr("Plot written to %1").arg(path) : problem);
}

void MainWindow::chooseExportRanking()
{
    const auto path = QFileDialog::getSaveFileName(this, tr("Export Ranking"), {},
                                                   tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    const auto problem = exportRanking(path);
    statusBar()->showMessage(problem.isEmpty() ? tr("Ranking written to %1").arg(path) : problem);
}

void MainWindow::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

QList<QCustomPlot *> MainWindow::currentPlots() const
{
    if (m_offloadView && m_tabs->currentWidget() == m_offloadPage)
        return {m_offloadView->stackPlot(), m_offloadView->predictionPlot()};
    if (m_clusterView && m_tabs->currentWidget() == m_clusterPage)
        return m_clusterView->plots();
    return {m_planView->stackPlot()};
}

QString MainWindow::exportPlot(const QString &path, QSize size, int dpi)
{
    return plots::exportPlots(currentPlots(), path, size.width(), size.height(), dpi);
}

QString MainWindow::exportRanking(const QString &path)
{
    const auto &plan = m_planView->currentPlan();
    if (plan.ranking.empty())
        return tr("%1: nothing to export: there is no ranking yet").arg(path);
    const auto suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json"))
        return tr("%1: unknown format '%2' (use .csv or .json)").arg(path, suffix);
    // The cluster's plans beside the splits, ranked on the devices of the project's last
    // cluster run; without one (or without the timings it needs), the splits alone.
    std::optional<plan::DeploymentRanking> ways;
    const auto *planning = m_clusterView ? m_clusterView->planning() : nullptr;
    try {
        if (planning)
            ways = rankWays(*planning, m_planView->request());
    } catch (const Error &) {
        ways.reset();
    }
    const auto *cluster = planning ? &planning->ungathered.request : nullptr;
    std::string text;
    if (suffix == QLatin1String("csv")) {
        text = plan::rankingCsv(plan, ways ? &*ways : nullptr, cluster);
    } else {
        auto doc = plan::planJson(m_model.toStdString(), m_planView->request(), plan);
        if (ways)
            doc["cluster"] = plan::deploymentsJson(m_model.toStdString(), *ways, *cluster,
                                                   m_planView->request().link);
        text = doc.dump(2) + '\n';
    }
    // A few kilobytes: written here, atomically, so a failed write leaves no half file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) < 0 ||
        !file.commit())
        return tr("%1: cannot write the file (%2)").arg(path, file.errorString());
    return {};
}

ExportWizard *MainWindow::openExportWizard()
{
    if (m_model.isEmpty()) {
        statusBar()->showMessage(tr("Open a model to export a split of it."));
        return nullptr;
    }
    auto *wizard = new ExportWizard(m_model, m_blocks, m_selectedSplit, m_project, this);
    wizard->setGranularity(m_granularity);
    // A ranking row chosen: its TL; otherwise the wizard's own (the last one exported).
    if (!m_selection.resources[0].empty())
        wizard->setTransferLayer(QString::fromStdString(m_selection.tl));
    wizard->setModelShapes(m_inputShape, m_outputShape);
    if (const auto *planner = m_planView->planner())
        wizard->setAccuracy(planner->accuracy());
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ExportWizard::exportFinished, this, [this](bool ok, const QString &message) {
        statusBar()->showMessage(ok ? message : tr("Export failed: %1").arg(message));
    });
    wizard->show();
    return wizard;
}

void MainWindow::selectSplit(int split)
{
    m_selectedSplit = split;
    if (m_selection.s1 != split) {
        m_selection = {};
        m_selection.s1 = split;
    }
    if (m_offloadView)
        m_offloadView->setSelection(split, QString::fromStdString(m_selection.tl));
    if (m_clusterView)
        m_clusterView->setPickedCut(split);
    showSelectionInGraph();
}

void MainWindow::showSelectionInGraph()
{
    // A split chosen alone, or a plan of two tiers: the edge runs the rest.
    const int s2 = m_selection.s2 > m_selection.s1 ? m_selection.s2 : m_blocks;
    m_graphView->setSelection(m_selectedSplit, s2);
}

void MainWindow::copyPlot()
{
    // The plots shown, one below the other, as they are on screen.
    QApplication::clipboard()->setPixmap(
        plotsAsPixmap(currentPlots(), palette().color(QPalette::Base)));
    statusBar()->showMessage(tr("Plot copied"));
}

// Copy takes what has the focus: selected text, a table's rows, or the plot clicked last.
void MainWindow::copySelection()
{
    QWidget *focus = QApplication::focusWidget();
    if (auto *text = qobject_cast<QPlainTextEdit *>(focus)) {
        text->copy();
    } else if (auto *line = qobject_cast<QLineEdit *>(focus)) {
        line->copy();
    } else if (auto *table = qobject_cast<QAbstractItemView *>(focus)) {
        const auto rows = rowsAsText(*table);
        if (rows.isEmpty()) {
            statusBar()->showMessage(tr("Nothing to copy: select rows first"));
            return;
        }
        QApplication::clipboard()->setText(rows);
        statusBar()->showMessage(tr("Rows copied"));
    } else if (auto *plot = qobject_cast<QCustomPlot *>(focus)) {
        QApplication::clipboard()->setPixmap(
            plotsAsPixmap({plot}, palette().color(QPalette::Base)));
        statusBar()->showMessage(tr("Plot copied"));
    } else {
        statusBar()->showMessage(
            tr("Nothing to copy: select text or rows, or click a plot (Copy Plot takes the plots "
               "shown)"));
    }
}

void MainWindow::openProject(const QString &path, const QString &model)
{
    switchProject(path, false, model);
}

namespace {

// A project file's name as given, with .cleave added when it has no suffix at all.
QString withProjectSuffix(const QString &path)
{
    return QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".cleave") : path;
}

} // namespace

void MainWindow::newProject(const QString &path)
{
    switchProject(withProjectSuffix(path), true, m_model);
}

void MainWindow::switchProject(const QString &path, bool create, const QString &model)
{
    const int job = ++m_projectJob;
    statusBar()->showMessage(tr("Opening %1...").arg(path));
    runInBackground<ProjectState>(
        this, [path, create] { return gui::openProject(path, create); },
        [this, job, model](const ProjectState &state) {
            if (job == m_projectJob)
                setProject(state, false, model);
        },
        [this](const QString &reason) { showFailure(reason); });
}

void MainWindow::saveProjectAs(const QString &given)
{
    const auto path = withProjectSuffix(given);
    if (m_project.isEmpty())
        return showFailure(tr("%1: there is no project to save").arg(path));
    const int job = ++m_projectJob;
    const auto from = m_project;
    runInBackground<ProjectState>(
        this,
        [from, path] {
            copyProject(from, path);
            return gui::openProject(path, false);
        },
        [this, job](const ProjectState &state) {
            if (job == m_projectJob)
                setProject(state, false, m_model);
            statusBar()->showMessage(tr("Saved as %1").arg(state.path));
        },
        [this](const QString &reason) { showFailure(reason); });
}

void MainWindow::setProject(const ProjectState &state, bool untitled, const QString &model)
{
    m_project = state.path;
    m_untitled = untitled;
    m_agents->setAgents(state.agents);
    m_savePlan->stop();               // what was to be saved belongs to the project before
    m_planView->setDeviceSlowdown(1); // a what-if belongs to the project that saved it
    if (!state.planSettings.isEmpty())
        m_planView->restoreSettings(QJsonDocument::fromJson(state.planSettings.toUtf8()).object());
    if (!untitled)
        rememberRecent(state.path);
    updateTitle();
    Q_EMIT projectOpened(state.path);
    auto wanted = !model.isEmpty() ? model : state.model;
    // A project made by `cleave-cli bench` records no model of its own; with one model timed in
    // it, that is the one to plan.
    if (wanted.isEmpty() && state.timedModels.size() == 1)
        wanted = state.timedModels.front();
    // A project that never chose keeps the window's choice.
    const auto granularity =
        graph::granularityNamed(state.granularity.toStdString()).value_or(m_granularity);
    if (!wanted.isEmpty() && (wanted != m_model || granularity != m_granularity))
        openModel(wanted, granularity);
    else if (!m_model.isEmpty()) {
        saveModelChoice();
        loadTimings();
    }
}

void MainWindow::saveModelChoice()
{
    const auto project = m_project, spec = m_model;
    const auto granularity = QString::fromStdString(graph::granularityName(m_granularity));
    saveInBackground([project, spec, granularity] {
        saveSetting(project, QStringLiteral("model"), spec);
        saveSetting(project, QStringLiteral("granularity"), granularity);
    });
}

void MainWindow::setGranularity(graph::Granularity granularity)
{
    if (m_model.isEmpty()) {
        m_granularity = granularity;
        return;
    }
    if (granularity != m_granularity)
        openModel(m_model, granularity);
}

void MainWindow::openModel(const QString &spec)
{
    openModel(spec, m_granularity);
}

void MainWindow::openModel(const QString &spec, graph::Granularity granularity)
{
    const int job = ++m_modelJob;
    statusBar()->showMessage(tr("Opening %1...").arg(spec));
    runInBackground<LoadedModel>(
        this, [spec, granularity] { return loadModel(spec, granularity); },
        [this, job](const LoadedModel &model) {
            if (job != m_modelJob)
                return; // a newer request replaced this one
            m_model = model.spec;
            m_modelName = model.name;
            m_blocks = model.blocks;
            m_granularity = model.granularity;
            m_inputShape = model.inputShape;
            m_outputShape = model.cuts.isEmpty() ? QString() : model.cuts.back().shape;
            m_selectedSplit = 0;
            m_selection = {};
            m_modelView->setModel(model);
            m_graphView->setGraph(model.flow);
            showSelectionInGraph();
            m_bench->setModel(model.spec, model.name, model.granularity);
            if (m_offloadView)
                m_offloadView->setGranularity(model.granularity);
            m_central->setCurrentWidget(m_tabs);
            updateTitle();
            statusBar()->showMessage(tr("%1: %2, %3")
                                         .arg(model.name, plots::Numbers::blocks(model.blocks),
                                              plots::Numbers::splits(model.blocks + 1)));
            Q_EMIT modelOpened(model.spec);
            if (!m_project.isEmpty()) {
                saveModelChoice();
                loadTimings();
            }
            if (std::exchange(m_benchmarkWhenOpen, false))
                std::exchange(m_tryingDemo, false) ? startDemo() : startBenchmark();
        },
        [this, job](const QString &reason) {
            if (job == m_modelJob) // the box goes back to the model still shown
                m_modelView->showGranularity(m_granularity);
            showFailure(reason);
        });
}

void MainWindow::loadTimings()
{
    if (m_model.isEmpty() || m_project.isEmpty())
        return;
    const int job = ++m_plannerJob;
    const QString model = m_model, project = m_project;
    const auto granularity = m_granularity;
    runInBackground<std::shared_ptr<const plan::Planner>>(
        this, [project, model, granularity] { return loadPlanner(project, model, granularity); },
        [this, job, project](std::shared_ptr<const plan::Planner> planner) {
            if (job != m_plannerJob)
                return;
            const bool demo = planner && std::exchange(m_demoPlanPending, false);
            m_planView->setPlanner(planner);
            if (demo)
                selectDemoPlan(*planner);
            if (m_offloadView)
                m_offloadView->reload(project, m_model);
            // The cluster's plans rank beside the splits (Export Ranking) before its tab shows.
            clusterView()->reload(project, m_model);
            statusBar()->showMessage(tr("Planning with timings from %1").arg(project));
            Q_EMIT timingsOpened(project);
        },
        [this, job](const QString &reason) {
            if (job != m_plannerJob)
                return;
            // Not a failure: a new project has no timings until a benchmark writes them.
            m_planView->setPlanner(nullptr, reason);
            Q_EMIT timingsMissing(reason);
        });
}

void MainWindow::startBenchmark()
{
    if (m_bench->start(m_project, m_model, m_agents->jobAgents(), m_agents->localDeviceLimits()))
        statusBar()->showMessage(tr("Measuring %1...").arg(m_modelName));
}

// "Try it": the demo (core/demo.h, as `cleave-cli demo` runs it) in the window: the model
// measured on the local agents with the Transfer Layer and the codecs, the device emulated at a
// small CPU share where control groups allow, else planned as a what-if and said so.
void MainWindow::startDemo()
{
    // Whether the device can be emulated: a control group made and removed, off this thread.
    runInBackground<std::string>(
        this, [] { return remote::ControlGroup::whyNoCpuLimit(); },
        [this](const std::string &why) { startDemoBenchmark(why); },
        [this](const QString &reason) { showFailure(reason); });
}

void MainWindow::startDemoBenchmark(const std::string &why)
{
    const Demo demo;
    ResourceLimits device;
    if (why.empty()) {
        device.cpuCores = demo.deviceCpu;
    } else {
        m_messages->showMessage(tr("The device cannot be emulated here (%1): it runs unthrottled, "
                                   "and the plan is a what-if of a device %2 times slower, "
                                   "predicted only.")
                                    .arg(QString::fromStdString(why))
                                    .arg(plots::Numbers::significant(demo.whatIfSlowdown)),
                                MessageBar::Kind::Warning);
    }
    m_planView->setDeviceSlowdown(why.empty() ? 1 : demo.whatIfSlowdown);
    m_bench->warmupBox()->setValue(demo.warmup);
    m_bench->repsBox()->setValue(demo.reps);
    m_bench->tlEdit()->setText(QString::fromStdString(demo.tl));
    QStringList codecs;
    for (const auto &c : demo.codecs)
        codecs.push_back(QString::fromStdString(c));
    m_bench->codecEdit()->setText(codecs.join(QLatin1Char(',')));
    m_demoRunning = m_bench->start(m_project, m_model, {}, device);
    if (m_demoRunning)
        statusBar()->showMessage(tr("Measuring %1 as the demo...").arg(m_modelName));
}

// The demo's plan, selected: its link and privacy constraint, and the fastest of the papers'
// contenders (plan::headline), codec and split.
void MainWindow::selectDemoPlan(const plan::Planner &planner)
{
    const Demo demo;
    try {
        const auto h =
            plan::headline(planner, demo.request(planner, m_planView->deviceSlowdown() != 1));
        const auto *best = h.fastest();
        if (!best)
            return;
        m_planView->restoreSettings(
            {{QStringLiteral("preset"), QString::fromStdString(demo.link)},
             {QStringLiteral("mode"), 0}, // ScissionTL
             {QStringLiteral("minSplit"), demo.minSplit},
             {QStringLiteral("codec"), QString::fromStdString(best->codec)},
             {QStringLiteral("split"), best->config.s1},
             {QStringLiteral("tl"), QString::fromStdString(best->config.tl)},
             {QStringLiteral("deviceSlowdown"), m_planView->deviceSlowdown()}});
    } catch (const Error &e) {
        showFailure(ErrorText::of(e));
    }
}

// Writes go to the project one at a time, in the order asked: two saves of the agents list
// must not land the older one last.
void MainWindow::saveInBackground(std::function<void()> work)
{
    runInBackground<bool>(
        this,
        [work] {
            work();
            return true;
        },
        [](bool) {}, [this](const QString &reason) { showFailure(reason); }, m_saves);
}

void MainWindow::showFailure(const QString &reason)
{
    statusBar()->showMessage(reason);
    m_messages->showMessage(reason, MessageBar::Kind::Warning);
    Q_EMIT openFailed(reason);
}

void MainWindow::updateTitle()
{
    const auto project = m_untitled ? tr("untitled") : QFileInfo(m_project).completeBaseName();
    setWindowTitle(m_modelName.isEmpty()
                       ? tr("%1 \u2014 Cleave").arg(project)
                       : tr("%1 \u2014 %2 \u2014 Cleave").arg(m_modelName, project));
}

void MainWindow::setTheme(Theme theme)
{
    m_theme = theme;
    QSettings().setValue(QStringLiteral("view/theme"), themeName(theme));
    applyTheme(theme);
    restylePlots();
}

void MainWindow::restylePlots()
{
    for (auto *plot : findChildren<QCustomPlot *>()) {
        plots::applyPalette(plot, QApplication::palette());
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_defaultLayout)
        return;
    // First start: narrow docks, the plots get the room. Docks only take sizes once shown.
    m_defaultLayout = false;
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("ModelDock")),
                 findChild<QDockWidget *>(QStringLiteral("AgentsDock"))},
                {300, 300}, Qt::Horizontal);
}

void MainWindow::changeEvent(QEvent *event)
{
    // The desktop switched between light and dark (or the theme menu did).
    if (event->type() == QEvent::PaletteChange)
        restylePlots();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Running jobs stop here; what they committed stays in the project.
    m_bench->cancel();
    if (m_offloadView)
        m_offloadView->cancel();
    if (m_clusterView)
        m_clusterView->cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace cleave::gui
