// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/mainwindow.h"

#include "app/gui/modelview.h"
#include "app/gui/planview.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace cleave::gui {

namespace {

/// What a background job gives back: its result, or its error's one-line message.
template<typename Result>
struct Outcome
{
    std::optional<Result> value;
    QString error;
};

/// Runs `work` on the thread pool and hands its result (or its error's message) to the GUI
/// thread, unless `owner` is gone by then: the watcher is its child.
template<typename Result, typename Work, typename Done>
void runInBackground(QObject *owner, Work work, Done done,
                     std::function<void(const QString &)> failed)
{
    auto *watcher = new QFutureWatcher<Outcome<Result>>(owner);
    QObject::connect(watcher, &QFutureWatcher<Outcome<Result>>::finished, owner, [=] {
        watcher->deleteLater();
        auto outcome = watcher->result();
        if (outcome.value)
            done(std::move(*outcome.value));
        else
            failed(outcome.error);
    });
    watcher->setFuture(QtConcurrent::run([work]() -> Outcome<Result> {
        try {
            return {work(), {}};
        } catch (const std::exception &e) {
            return {std::nullopt, QString::fromUtf8(e.what())};
        }
    }));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Cleave"));
    setObjectName(QStringLiteral("MainWindow"));
    m_planView = new PlanView(this);
    setCentralWidget(m_planView);
    m_modelView = new ModelView(this);
    auto *dock = new QDockWidget(tr("Model"), this);
    dock->setObjectName(QStringLiteral("ModelDock"));
    dock->setWidget(m_modelView);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    createMenus();
    connect(m_modelView, &ModelView::splitSelected, m_planView, &PlanView::selectSplit);
    connect(m_planView, &PlanView::splitSelected, m_modelView, &ModelView::selectSplit);
    connect(m_planView, &PlanView::planFailed, this,
            [this](const QString &reason) { statusBar()->showMessage(reason); });
    statusBar()->showMessage(tr("Open a model to begin."));

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &Model..."), QKeySequence::Open, this, &MainWindow::chooseModelFile);
    file->addAction(tr("Open &Zoo Model..."), this, &MainWindow::chooseZooModel);
    file->addAction(tr("Open &Timings..."), this, &MainWindow::chooseTimings);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
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

void MainWindow::chooseTimings()
{
    const auto path =
        QFileDialog::getOpenFileName(this, tr("Open Timings"), {}, tr("Cleave stores (*.cleave)"));
    if (!path.isEmpty())
        openTimings(path);
}

void MainWindow::openModel(const QString &spec, const QString &store)
{
    const int job = ++m_modelJob;
    statusBar()->showMessage(tr("Opening %1...").arg(spec));
    runInBackground<LoadedModel>(
        this, [spec] { return loadModel(spec); },
        [this, job, store](const LoadedModel &model) {
            if (job != m_modelJob)
                return; // a newer request replaced this one
            m_model = model.spec;
            m_modelView->setModel(model);
            setWindowTitle(tr("%1 \u2014 Cleave").arg(model.name));
            statusBar()->showMessage(tr("%1: %2 blocks, %3 splits")
                                         .arg(model.name)
                                         .arg(model.blocks)
                                         .arg(model.blocks + 1));
            Q_EMIT modelOpened(model.spec);
            if (!store.isEmpty())
                openTimings(store);
            else if (!m_store.isEmpty())
                openTimings(m_store);
        },
        [this](const QString &reason) { showFailure(reason); });
}

void MainWindow::openTimings(const QString &store)
{
    if (m_model.isEmpty()) {
        m_store = store;
        showFailure(tr("%1: open a model first; its timings are then read from it").arg(store));
        return;
    }
    const int job = ++m_plannerJob;
    const QString model = m_model;
    statusBar()->showMessage(tr("Reading timings of %1 from %2...").arg(model, store));
    runInBackground<std::shared_ptr<const plan::Planner>>(
        this, [store, model] { return loadPlanner(store, model); },
        [this, job, store](std::shared_ptr<const plan::Planner> planner) {
            if (job != m_plannerJob)
                return;
            m_store = store;
            m_planView->setPlanner(std::move(planner));
            statusBar()->showMessage(tr("Planning with timings from %1").arg(store));
            Q_EMIT timingsOpened(store);
        },
        [this](const QString &reason) { showFailure(reason); });
}

void MainWindow::showFailure(const QString &reason)
{
    statusBar()->showMessage(reason);
    Q_EMIT openFailed(reason);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace cleave::gui
