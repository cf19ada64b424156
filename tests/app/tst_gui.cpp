// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench on the offscreen platform: its item models under QAbstractItemModelTester, the
// plan view re-ranking as the bandwidth slider moves, and the real window opening a model and
// a store that `cleave-cli bench --local` wrote, with the work on worker threads.
#include "accuracies.h"
#include "clirunner.h"
#include "testmain.h"
#include "throwawayca.h"
#include "tokenfile.h"

#include "app/gui/agentspanel.h"
#include "app/gui/benchmarkpanel.h"
#include "app/gui/clusterview.h"
#include "app/gui/cuttablemodel.h"
#include "app/gui/errortext.h"
#include "app/gui/exportwizard.h"
#include "app/gui/graphview.h"
#include "app/gui/language.h"
#include "app/gui/mainwindow.h"
#include "app/gui/messagebar.h"
#include "app/gui/modelview.h"
#include "app/gui/offloadview.h"
#include "app/gui/planview.h"
#include "app/gui/rankingmodel.h"
#include "app/gui/startpage.h"
#include "core/demo.h"
#include "core/graph/modelcheck.h"
#include "core/plan/headline.h"
#include "core/store/sqlite.h"
#include "core/store/store.h"
#include "plots/clusterplots.h"
#include "plots/latencystackplot.h"
#include "plots/numbers.h"
#include "plots/paretoplot.h"
#include "plots/predictionplot.h"
#include "plots/transfersizeplot.h"
#include "remote/client/localagents.h"
#include "remote/controlgroup.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <future>

#include <unistd.h>

using namespace cleave;

namespace {

// A slow device and a fast edge over four blocks: offloading pays only on a fast link.
std::shared_ptr<const plan::Planner> slowDeviceFastEdge()
{
    plan::ResourceCosts device, edge;
    device.name = "device";
    device.tier = plan::Tier::Device;
    edge.name = "edge";
    edge.tier = plan::Tier::Edge;
    device.block_s = {0.040, 0.040, 0.040, 0.040};
    edge.block_s = {0.004, 0.004, 0.004, 0.004};
    device.cutBytes = edge.cutBytes = {600000, 800000, 400000, 100000, 4000};
    return std::make_shared<const plan::Planner>("toy", std::vector{device, edge});
}

// The same, with a Transfer Layer measured at the middle cuts: ScissionTL ranks each of those
// splits twice, with and without it.
std::shared_ptr<const plan::Planner> withTransferLayer()
{
    auto resources = slowDeviceFastEdge()->resources();
    for (auto &r : resources) {
        auto &cuts = r.tls["maxpool2"];
        cuts.resize(r.cutBytes.size());
        for (size_t s = 1; s + 1 < cuts.size(); ++s)
            cuts[s] = plan::TlCost{0.001, 0.001, r.cutBytes[s] / 4};
    }
    return std::make_shared<const plan::Planner>("toy", resources);
}

// withTransferLayer() with accuracies: the unsplit model 90 %; no TL loses 0 to 2 points, the TL
// 2 to 10 (at split 2 also fine-tuned, 0.5); split 0 without a TL is not measured.
std::shared_ptr<const plan::Planner> withAccuracy()
{
    plan::Planner planner = *withTransferLayer();
    using Key = plan::AccuracyTable::Key;
    planner.setAccuracy(plan::AccuracyTable::of(
        "toy@0", testing::measuredTop1(0.9),
        {{Key{1, "", "fp32"}, testing::measuredTop1(0.88)},
         {Key{2, "", "fp32"}, testing::measuredTop1(0.9)},
         {Key{3, "", "fp32"}, testing::measuredTop1(0.89)},
         {Key{1, "maxpool2", "fp32"}, testing::measuredTop1(0.80)},
         {Key{2, "maxpool2", "fp32"}, testing::measuredTop1(0.85)},
         {Key{2, "maxpool2", "fp32"}, testing::measuredTop1(0.895, "1 epoch")},
         {Key{3, "maxpool2", "fp32"}, testing::measuredTop1(0.88)}}));
    return std::make_shared<const plan::Planner>(std::move(planner));
}

int bestSplit(const gui::PlanView &view)
{
    return view.rankingModel()->ranking().at(0).s1;
}

int cuts(gui::MainWindow &window)
{
    return window.modelView()->cutModel()->rowCount();
}

/// A window whose untitled project is ready.
std::unique_ptr<gui::MainWindow> readyWindow()
{
    auto window = std::make_unique<gui::MainWindow>();
    if (window->projectPath().isEmpty()) {
        QSignalSpy ready(window.get(), &gui::MainWindow::projectOpened);
        ready.wait(10000);
    }
    return window;
}

/// The texts of a plot that do not fit where they are drawn: titles wider than their element,
/// legend entries wider than their row, axis labels longer than their axis, and any of these
/// reaching outside the widget.
QStringList clippedTexts(QCustomPlot *plot)
{
    QStringList clipped;
    const QRect widget = plot->viewport();
    const auto check = [&](const QString &what, const QString &text, QSize need,
                           const QRect &room) {
        if (text.isEmpty())
            return;
        if (need.width() > room.width() || need.height() > room.height() || !widget.contains(room))
            clipped.push_back(QStringLiteral("%1 '%2' needs %3 px, has %4 px at %5,%6")
                                  .arg(what, text)
                                  .arg(need.width())
                                  .arg(room.width())
                                  .arg(room.x())
                                  .arg(room.y()));
    };
    for (auto *element : plot->plotLayout()->elements(true))
        if (auto *title = qobject_cast<QCPTextElement *>(element)) {
            // Titles may wrap between words, not inside one.
            const QRect room = title->rect();
            check(QStringLiteral("title"), title->text(),
                  QFontMetrics(title->font())
                      .boundingRect(room, Qt::AlignCenter | Qt::TextWordWrap, title->text())
                      .size(),
                  room);
        }
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i))) {
            const QString name = item->plottable()->name();
            const QFontMetrics metrics(item->font());
            const QSize need(metrics.horizontalAdvance(name) + plot->legend->iconSize().width() +
                                 plot->legend->iconTextPadding(),
                             metrics.height());
            check(QStringLiteral("legend entry"), name, need, item->rect());
        }
    for (auto *axis : plot->axisRect()->axes()) {
        const QFontMetrics metrics(axis->labelFont());
        const bool across = axis->orientation() == Qt::Horizontal;
        const QRect rect = plot->axisRect()->rect();
        const int room = across ? rect.width() : rect.height();
        if (metrics.horizontalAdvance(axis->label()) > room)
            clipped.push_back(QStringLiteral("axis label '%1' needs %2 px, has %3 px")
                                  .arg(axis->label())
                                  .arg(metrics.horizontalAdvance(axis->label()))
                                  .arg(room));
    }
    return clipped;
}

/// A path no one may write to: a folder without write permission, or (root writes anywhere)
/// a place in /proc.
QString unwritablePath(const QTemporaryDir &dir, const QString &name)
{
    if (geteuid() == 0)
        return QStringLiteral("/proc/cleave-no-such-dir/") + name;
    const auto folder = dir.filePath(QStringLiteral("read-only"));
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
    return folder + QLatin1Char('/') + name;
}

} // namespace

class TestGui : public QObject
{
    Q_OBJECT

    /// The chain fixture copied to `model` and benchmarked on the local agents into `db`, with
    /// `extra` bench options.
    static bool benchChain(const QString &model, const QString &db, const QStringList &extra = {})
    {
        if (!QFile::copy(testing::fixture("chain.pt"), model))
            return false;
        const auto bench = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            QStringList{QStringLiteral("bench"), model, QStringLiteral("--local"),
                        QStringLiteral("--db"), db, QStringLiteral("--warmup"), QStringLiteral("1"),
                        QStringLiteral("--reps"), QStringLiteral("3")} +
                extra);
        if (bench.exitCode != 0)
            qWarning("bench failed: %s", bench.err.constData());
        return bench.exitCode == 0;
    }

private Q_SLOTS:
    void itemModelsPassTheTester()
    {
        gui::CutTableModel cuts;
        QAbstractItemModelTester cutTester(&cuts,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        cuts.setCuts(
            {{0, QStringLiteral("input"), QStringLiteral("input"), QStringLiteral("1x3x8x8"), 768},
             {1, QStringLiteral("conv"), QStringLiteral("aten::conv2d"), QStringLiteral("1x8x8x8"),
              2048}});
        QCOMPARE(cuts.rowCount(), 2);
        QCOMPARE(cuts.data(cuts.index(1, gui::CutTableModel::Size)).toString(),
                 QStringLiteral("2.05 KB"));
        // A cut that several tensors cross lists them as its children.
        gui::CutRow wide{2,
                         QStringLiteral("add"),
                         QStringLiteral("aten::add"),
                         QStringLiteral("1x8x8x8 + 1x3x8x8"),
                         2816,
                         {}};
        wide.tensors = {{QStringLiteral("add"), QStringLiteral("aten::add"),
                         QStringLiteral("1x8x8x8 float32"), 2048},
                        {QStringLiteral("input"), QStringLiteral("input"),
                         QStringLiteral("1x3x8x8 float32"), 768}};
        auto rows = cuts.cuts();
        rows.push_back(wide);
        cuts.setCuts(rows);
        QCOMPARE(cuts.rowCount(), 3);
        const auto parent = cuts.index(2, 0);
        QCOMPARE(cuts.rowCount(parent), 2);
        QCOMPARE(cuts.rowCount(cuts.index(1, 0)), 0);
        QCOMPARE(cuts.data(cuts.index(2, gui::CutTableModel::Tensors)).toInt(), 2);
        QCOMPARE(cuts.data(cuts.index(1, gui::CutTableModel::Tensors)).toInt(), 1);
        QCOMPARE(cuts.data(cuts.index(1, gui::CutTableModel::Shape, parent)).toString(),
                 QStringLiteral("1x3x8x8 float32"));
        QCOMPARE(cuts.splitAt(cuts.index(1, gui::CutTableModel::Size, parent)), 2);
        QCOMPARE(cuts.parent(cuts.index(0, 0, parent)), parent);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&cuts);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSortRole(Qt::UserRole);
        proxy.sort(gui::CutTableModel::Size, Qt::DescendingOrder);
        QCOMPARE(proxy.data(proxy.index(0, gui::CutTableModel::Index)).toInt(), 2);
        QCOMPARE(proxy.data(proxy.index(1, gui::CutTableModel::Index)).toInt(), 1);
        // A tensor's row matching the filter keeps its cut's row.
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterFixedString(QStringLiteral("1x3x8x8 float32"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.data(proxy.index(0, gui::CutTableModel::Index)).toInt(), 2);
        proxy.setFilterFixedString(QString());

        gui::RankingModel ranking;
        QAbstractItemModelTester rankingTester(
            &ranking, QAbstractItemModelTester::FailureReportingMode::QtTest);
        plan::Configuration a, b;
        a.s1 = 3;
        a.total_s = 0.050;
        b.s1 = 1;
        b.total_s = 0.070;
        b.tl = "maxpool2";
        ranking.setRanking({a, b});
        ranking.setRanking({b, a}); // same length: cells change in place
        QCOMPARE(ranking.data(ranking.index(0, gui::RankingModel::Split)).toInt(), 1);
        QCOMPARE(ranking.data(ranking.index(0, gui::RankingModel::Tl)).toString(),
                 QStringLiteral("maxpool2"));
        ranking.setRanking({a});
        QCOMPARE(ranking.rowCount(), 1);
    }

    // Maximum device memory keeps out every head that needs more than it (weights and the
    // largest activation, as bench measured them); the plot's tool-tip says what a split needs.
    void deviceMemoryLimitKeepsOutBigHeads()
    {
        auto resources = slowDeviceFastEdge()->resources();
        auto &device = resources[0].tier == plan::Tier::Device ? resources[0] : resources[1];
        device.blockWeightBytes = {1 << 20, 2 << 20, 4 << 20, 8 << 20};
        device.blockPeakBytes = {1 << 20, 1 << 20, 1 << 20, 1 << 20};
        gui::PlanView view;
        view.setPlanner(std::make_shared<const plan::Planner>("toy", resources));
        view.rowsBox()->setValue(10);
        QCOMPARE(view.rankingModel()->rowCount(), 5);
        // Split 2 needs 3 MiB of weights and 1 MiB + 800 kB held at once: under 5 MiB.
        view.maxMemoryBox()->setValue(5);
        const auto ranking = view.rankingModel()->ranking();
        QCOMPARE(int(ranking.size()), 3); // splits 0, 1, 2
        for (const auto &c : ranking)
            QVERIFY(c.deviceMemoryBytes <= int64_t(5) << 20);
        const auto text = view.stackPlot()->describe({2, plan::Mode::Scission});
        QVERIFY2(text.contains(QStringLiteral("Device memory: ")), qPrintable(text));
    }

    // Slow device, fast edge: on a thin link everything stays on the device; on a fat one the
    // input goes to the edge at once. The ranking is best first and its head is the series'
    // cheapest split, as the cost model says.
    void bandwidthSliderReranks()
    {
        gui::PlanView view;
        QString failure;
        connect(&view, &gui::PlanView::planFailed, this,
                [&](const QString &reason) { failure = reason; });
        view.setPlanner(slowDeviceFastEdge());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        view.presetBox()->setCurrentText(QStringLiteral("custom"));
        view.setBandwidthMbps(1);
        QCOMPARE(view.presetBox()->currentText(), QStringLiteral("custom"));
        QCOMPARE(bestSplit(view), 4);
        view.setBandwidthMbps(1000);
        QCOMPARE(bestSplit(view), 0);
        const auto &points = view.series().points;
        double cheapest = 1e9;
        for (const auto &p : points)
            cheapest = std::min(cheapest, plan::sum(p.scission));
        QCOMPARE(view.rankingModel()->ranking().at(0).total_s, cheapest);
        // A minimum split of 2 keeps the first two blocks on the device.
        view.minSplitBox()->setValue(2);
        QVERIFY(bestSplit(view) >= 2);
        qInfo("re-rank of a 4-block model: %.3f ms", view.lastUpdateMs());

        // Upload and device-time limits constrain the ranking as the cost model says.
        view.minSplitBox()->setValue(0);
        view.setBandwidthMbps(1);
        view.maxUploadBox()->setValue(0.5); // MB: splits 0 and 1 send more
        for (const auto &c : view.rankingModel()->ranking())
            QVERIFY(c.uploadBytes <= 500000);
        view.maxUploadBox()->setValue(0);
        view.maxDeviceBox()->setValue(100); // ms: at most two slow device blocks
        for (const auto &c : view.rankingModel()->ranking())
            QVERIFY(c.s1 <= 2);
        QVERIFY(!view.tiersBox()->isEnabled()); // no cloud timings
        // Constraints that exclude everything: the view says why, and nothing is ranked.
        view.minSplitBox()->setValue(4);
        QVERIFY2(!failure.isEmpty(), "conflicting constraints were not reported");
        QCOMPARE(view.rankingModel()->rowCount(), 0);
        // In the window's words: its controls by their labels, no command-line flags.
        QVERIFY2(failure.contains(QStringLiteral("Minimum split 4")) &&
                     failure.contains(QStringLiteral("Maximum device time 100 ms")) &&
                     !failure.contains(QStringLiteral("--")),
                 qPrintable(failure));
        QCOMPARE(view.messageText(), failure);
    }

    // Timings of a device, an edge and a cloud agent (real processes on loopback) plan over
    // three tiers: the edge-cloud link starts as wan, as on the command line, and has controls
    // of its own that re-rank.
    void plansThreeTiers()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        const auto db = dir.filePath(QStringLiteral("three.cleave"));
        QVERIFY(QFile::copy(testing::fixture("chain.pt"), model));
        {
            remote::AgentProcess device("device", "device", 1), edge("edge", "edge", 1),
                cloud("cloud", "cloud", 1);
            const auto s = [](const std::string &text) { return QString::fromStdString(text); };
            const auto bench = testing::runCli(
                QStringLiteral(CLEAVE_CLI),
                {QStringLiteral("bench"), model, QStringLiteral("--device"), s(device.address()),
                 QStringLiteral("--edge"), s(edge.address()), QStringLiteral("--cloud"),
                 s(cloud.address()), QStringLiteral("--db"), db, QStringLiteral("--warmup"),
                 QStringLiteral("1"), QStringLiteral("--reps"), QStringLiteral("3")});
            QVERIFY2(bench.exitCode == 0, bench.err.constData());
        }
        gui::MainWindow window;
        QSignalSpy timings(&window, &gui::MainWindow::timingsOpened);
        window.openProject(db, model);
        QTRY_COMPARE_WITH_TIMEOUT(timings.count(), 1, 60000);
        auto *view = window.planView();
        QVERIFY(view->tiersBox()->isEnabled());
        QVERIFY(!view->cloudPresetBox()->isEnabled()); // two tiers: no edge-cloud link
        view->tiersBox()->setCurrentIndex(1);
        QVERIFY(view->cloudPresetBox()->isEnabled());
        QCOMPARE(view->cloudPresetBox()->currentText(), QStringLiteral("wan"));
        QVERIFY2(view->rankingModel()->rowCount() > 0, qPrintable(view->messageText()));
        QCOMPARE(view->request().tiers.size(), size_t(3));
        QCOMPARE(view->request().cloudLink.name, std::string("wan"));
        QVERIFY(!view->series().points.empty());

        // A slow edge-cloud link makes every configuration that uses the cloud slower.
        const auto totalWithCloud = [&] {
            plan::PlanRequest r = view->request();
            r.top = 0;
            r.constraints.requiredTiers = {plan::Tier::Cloud};
            return view->planner()->plan(r).ranking.at(0).total_s;
        };
        const double fast = totalWithCloud();
        view->cloudBandwidthBox()->setValue(1);
        QCOMPARE(view->cloudPresetBox()->currentText(), QStringLiteral("custom"));
        QCOMPARE(view->request().cloudLink.uplink_bps, 1e6);
        QVERIFY(view->rankingModel()->rowCount() > 0);
        QVERIFY2(totalWithCloud() > fast, qPrintable(QString::number(fast)));
    }

    // The Model dock's transfer sizes follow the timings: with a Transfer Layer measured, its
    // series is drawn where it applies, as in the report.
    void modelDockDrawsTheTransferLayer()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        const auto db = dir.filePath(QStringLiteral("tl.cleave"));
        QVERIFY(benchChain(model, db, {QStringLiteral("--tl"), QStringLiteral("maxpool2")}));
        gui::MainWindow window;
        QSignalSpy timings(&window, &gui::MainWindow::timingsOpened);
        window.openProject(db, model);
        QTRY_COMPARE_WITH_TIMEOUT(timings.count(), 1, 60000);
        const auto *tl = window.modelView()->sizesPlot()->tlGraph();
        const auto &points = window.planView()->series().points;
        int drawn = 0;
        for (auto it = tl->data()->constBegin(); it != tl->data()->constEnd(); ++it) {
            if (std::isnan(it->value))
                continue;
            ++drawn;
            const auto &point = points.at(size_t(it->key));
            QVERIFY(!point.tl.empty());
            QCOMPARE(it->value, double(point.tlBytes));
        }
        QVERIFY2(drawn >= 3, qPrintable(QString::number(drawn))); // maxpool2 at 4x8x8, 4x4x4
        // Another model without timings: the raw sizes alone again.
        window.planView()->setPlanner(nullptr);
        QVERIFY(tl->data()->isEmpty() ||
                std::all_of(tl->data()->constBegin(), tl->data()->constEnd(),
                            [](const auto &d) { return std::isnan(d.value); }));
    }

    // A selection is a configuration: choosing a lower ranking row whose split also appears
    // higher up keeps that row; its split is outlined in the plot and its TL carried to the
    // Offload view and the export wizard; the ranking names the resources of each row.
    void selectionCarriesTheConfiguration()
    {
        auto window = readyWindow();
        window->show();
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(QStringLiteral("zoo:inspectnet")); // for the wizard; timings are toy's
        QVERIFY(opened.wait(60000));
        auto *view = window->planView();
        view->setPlanner(withTransferLayer());
        view->setBandwidthMbps(10);
        const auto &ranking = view->rankingModel()->ranking();
        int lower = -1;
        for (size_t j = 1; j < ranking.size() && lower < 0; ++j)
            for (size_t i = 0; i < j; ++i)
                if (ranking[i].s1 == ranking[j].s1 && ranking[i].tl != ranking[j].tl)
                    lower = int(j);
        QVERIFY2(lower > 0, "no split ranked twice");
        const auto chosen = ranking[size_t(lower)];
        auto *table = view->rankingTable();
        table->setFocus();
        table->setCurrentIndex(view->rankingModel()->index(lower, 0));
        QCOMPARE(table->currentIndex().row(), lower);
        QCOMPARE(window->selection().s1, chosen.s1);
        QCOMPARE(window->selection().tl, chosen.tl);
        QCOMPARE(view->stackPlot()->selectedSplit(), chosen.s1);
        QVERIFY(view->stackPlot()->selectionMarker());
        const auto tl =
            chosen.tl.empty() ? QStringLiteral("none") : QString::fromStdString(chosen.tl);
        QCOMPARE(window->offloadView()->tlBox()->currentText(), tl);
        auto *wizard = window->openExportWizard();
        QVERIFY(wizard);
        QCOMPARE(wizard->splitBox()->value(), chosen.s1);
        QCOMPARE(wizard->tlBox()->currentText(), tl);
        wizard->close();
        const auto resources =
            view->rankingModel()->index(lower, gui::RankingModel::Resources).data().toString();
        QVERIFY2(resources.contains(QStringLiteral("device")) &&
                     resources.contains(QStringLiteral("edge")),
                 qPrintable(resources));
        // A split clicked in the plot takes that split's best row and outlines it.
        const int other = chosen.s1 == 0 ? 1 : 0;
        Q_EMIT view->stackPlot()->splitClicked(other);
        QCOMPARE(view->stackPlot()->selectedSplit(), other);
        QCOMPARE(window->selection().s1, other);
        QCOMPARE(ranking[size_t(table->currentIndex().row())].s1, other);
    }

    // The project keeps the plan view's controls and selection: a window opening it again
    // shows the same link, limits, ranking and chosen row.
    void projectKeepsThePlanSettings()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        const auto db = dir.filePath(QStringLiteral("chain.cleave"));
        QVERIFY(benchChain(model, db));
        plan::Configuration chosen;
        {
            gui::MainWindow window;
            QSignalSpy timings(&window, &gui::MainWindow::timingsOpened);
            window.openProject(db, model);
            QTRY_COMPARE_WITH_TIMEOUT(timings.count(), 1, 60000);
            auto *view = window.planView();
            view->presetBox()->setCurrentText(QStringLiteral("4g"));
            view->showBox()->setCurrentIndex(2);
            view->rowsBox()->setValue(5);
            view->minSplitBox()->setValue(2);
            view->maxDeviceBox()->setValue(500);
            QVERIFY(view->rankingModel()->rowCount() > 1);
            view->rankingTable()->setCurrentIndex(view->rankingModel()->index(1, 0));
            chosen = view->rankingModel()->ranking().at(1);
            QTRY_VERIFY_WITH_TIMEOUT(
                gui::openProject(db, false).planSettings.contains(QStringLiteral("\"split\"")),
                10000);
        }
        gui::MainWindow window;
        QSignalSpy timings(&window, &gui::MainWindow::timingsOpened);
        window.openProject(db);
        QTRY_COMPARE_WITH_TIMEOUT(timings.count(), 1, 60000);
        auto *view = window.planView();
        QCOMPARE(view->presetBox()->currentText(), QStringLiteral("4g"));
        QCOMPARE(view->request().link.name, std::string("4g"));
        QCOMPARE(view->showBox()->currentIndex(), 2);
        QCOMPARE(view->rowsBox()->value(), 5);
        QCOMPARE(view->minSplitBox()->value(), 2);
        QCOMPARE(view->maxDeviceBox()->value(), 500.0);
        QCOMPARE(view->rankingModel()->rowCount(), 5);
        const auto row = view->rankingTable()->currentIndex().row();
        QVERIFY(row >= 0);
        QCOMPARE(view->rankingModel()->ranking().at(size_t(row)).s1, chosen.s1);
        QCOMPARE(window.selection().s1, chosen.s1);
    }

    // With nothing open the window offers ways in: the zoo with inputs and classes, the recent
    // projects, and a first benchmark to try; choosing a model shows the plan.
    void startPageOffersAWayIn()
    {
        auto window = readyWindow();
        window->show();
        auto *start = window->startPage();
        QVERIFY(start->isVisible());
        QVERIFY(!window->planView()->isVisible());
        auto *zoo = start->zooList();
        QCOMPARE(zoo->topLevelItemCount(), int(gui::zooNames().size()));
        const auto found = zoo->findItems(QStringLiteral("zoo:resnet18"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0]->text(2), QStringLiteral("1x3x224x224"));
        QCOMPARE(found[0]->text(3), QStringLiteral("1000"));
        QCOMPARE(start->recentList()->count(), window->recentProjects().size());

        // Try it: ResNet-18 opens and its benchmark starts on local agents.
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        start->tryButton()->click();
        QVERIFY(opened.wait(60000));
        QCOMPARE(window->currentModel(), QStringLiteral("zoo:resnet18"));
        QVERIFY(window->planView()->isVisible());
        QVERIFY(!start->isVisible());
        auto *bench = window->benchmarkPanel();
        QTRY_VERIFY_WITH_TIMEOUT(bench->isRunning(), 10000);
        // Measured as the demo: the Transfer Layer and the codecs, then planned as it plans.
        const cleave::Demo demo;
        QCOMPARE(bench->tlEdit()->text(), QString::fromStdString(demo.tl));
        QStringList codecs;
        for (const auto &c : demo.codecs)
            codecs.push_back(QString::fromStdString(c));
        QCOMPARE(bench->codecEdit()->text(), codecs.join(QLatin1Char(',')));
        QSignalSpy finished(bench, &gui::BenchmarkPanel::finished);
        QSignalSpy timings(window.get(), &gui::MainWindow::timingsOpened);
        QVERIFY(finished.wait(180000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!timings.isEmpty(), 30000);
        auto *plan = window->planView();
        QTRY_COMPARE(plan->minSplitBox()->value(), demo.minSplit);
        QCOMPARE(plan->presetBox()->currentText(), QString::fromStdString(demo.link));
        QCOMPARE(plan->codecBox()->count(), int(demo.codecs.size()));
        // Without control groups, the plan says it is a what-if.
        const bool whatIf = !cleave::remote::ControlGroup::whyNoCpuLimit().empty();
        QCOMPARE(plan->deviceSlowdown() != 1, whatIf);
        // The fastest of the papers' contenders is the row chosen, with its codec.
        const auto h =
            cleave::plan::headline(*plan->planner(), demo.request(*plan->planner(), whatIf));
        const auto chosen = plan->settings();
        QCOMPARE(chosen[QStringLiteral("split")].toInt(), h.fastest()->config.s1);
        QCOMPARE(chosen[QStringLiteral("tl")].toString(),
                 QString::fromStdString(h.fastest()->config.tl));
        QCOMPARE(plan->codecBox()->currentText(), QString::fromStdString(h.fastest()->codec));
    }

    // Adding an agent while the local pair is in use asks which to measure on.
    void addingAnAgentAsksAboutTheLocalOnes()
    {
        gui::AgentsPanel panel;
        panel.show();
        QVERIFY(panel.localBox()->isChecked()); // none configured
        const auto answer = [](const QString &button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                for (auto *b : box ? box->buttons() : QList<QAbstractButton *>{})
                    if (b->text() == button)
                        b->click();
            });
        };
        answer(QStringLiteral("Keep Local Agents"));
        panel.addressEdit()->setText(QStringLiteral("127.0.0.1:9"));
        panel.addFromFields();
        QCOMPARE(panel.model()->rowCount(), 1);
        QVERIFY(panel.localBox()->isChecked());
        answer(QStringLiteral("Use Added Agents"));
        panel.addressEdit()->setText(QStringLiteral("127.0.0.1:10"));
        panel.addFromFields();
        QCOMPARE(panel.model()->rowCount(), 2);
        QVERIFY(!panel.localBox()->isChecked());
    }

    // Copy takes what has the focus: the log's selected text, the ranking's selected rows as
    // tab-separated text with the header, a clicked plot as an image; Copy Plot the plots shown.
    void copyTakesWhatHasTheFocus()
    {
        auto window = readyWindow();
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->planView()->setPlanner(slowDeviceFastEdge());
        auto *clipboard = QApplication::clipboard();
        const auto copy = [&] { QTest::keySequence(window.get(), QKeySequence::Copy); };

        auto *log = window->benchmarkPanel()->logView();
        window->findChild<QDockWidget *>(QStringLiteral("BenchmarkDock"))->raise();
        log->setPlainText(QStringLiteral("first line\nsecond line"));
        log->selectAll();
        log->setFocus();
        QTRY_VERIFY(log->hasFocus());
        clipboard->clear();
        copy();
        QCOMPARE(clipboard->text(), QStringLiteral("first line\nsecond line"));

        auto *table = window->planView()->rankingTable();
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        table->selectRow(1);
        clipboard->clear();
        copy();
        const auto lines = clipboard->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // the header and the selected row
        auto *ranking = window->planView()->rankingModel();
        QCOMPARE(lines[0].split(QLatin1Char('\t')).size(), ranking->columnCount());
        QCOMPARE(lines[0].split(QLatin1Char('\t')).at(0),
                 ranking->headerData(0, Qt::Horizontal).toString());
        QCOMPARE(lines[1].split(QLatin1Char('\t')).at(0), ranking->index(1, 0).data().toString());
        QVERIFY(clipboard->image().isNull());

        auto *plot = window->planView()->stackPlot();
        QTest::mouseClick(plot, Qt::LeftButton, {}, QPoint(5, 5));
        QTRY_VERIFY(plot->hasFocus());
        clipboard->clear();
        copy();
        QCOMPARE(clipboard->image().size(), plot->size());

        // Copy Plot takes the plots whatever has the focus.
        log->setFocus();
        QTRY_VERIFY(log->hasFocus());
        clipboard->clear();
        QTest::keyClick(window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(clipboard->image().size(), plot->size());
    }

    // Hovering a bar tells its exact parts; clicking it selects its split.
    void stackPlotTellsAndSelects()
    {
        gui::PlanView view;
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setPlanner(slowDeviceFastEdge());
        auto *plot = view.stackPlot();
        plot->replot();
        const double x = plot->xAxis->coordToPixel(
            2 + plots::LatencyStackPlot::offset(plan::Mode::Scission, plot->show()));
        const double y = plot->yAxis->coordToPixel(1.0);
        const auto hit = plot->hitAt({x, y});
        QVERIFY(hit);
        QCOMPARE(hit->split, 2);
        QCOMPARE(hit->mode, plan::Mode::Scission);
        const auto text = plot->describe(*hit);
        QVERIFY2(text.startsWith(QStringLiteral("Split 2, Scission")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Device: 80.0 ms")), qPrintable(text));
        QVERIFY(!plot->hitAt({x + plot->xAxis->coordToPixel(0.7) - plot->xAxis->coordToPixel(0),
                              y})); // between bars
        QSignalSpy selected(&view, &gui::PlanView::splitSelected);
        QTest::mouseClick(plot, Qt::LeftButton, {}, QPointF(x, y).toPoint());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toInt(), 2);
        view.showBox()->setCurrentIndex(2); // ScissionTL only: the bars move to the split
        QCOMPARE(plot->show(), plots::LatencyStackPlot::Show::ScissionTl);
    }

    // Accuracies measured: the ranking shows each row's, the limit keeps those within it (as the
    // planner does), the Pareto plot draws every allowed configuration measured with the front
    // joined, names a point hovered, selects its row when clicked and rings the chosen one; a
    // limit nothing meets says the least drop on offer; the export wizard shows what it exports.
    void accuracyLimitsTheRankingAndDrawsTheFront()
    {
        gui::PlanView view;
        view.resize(1100, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setPlanner(withTransferLayer());
        QVERIFY(!view.maxAccuracyDropBox()->isEnabled()); // nothing measured
        QVERIFY(view.paretoPlot()->points().empty());
        const auto planner = withAccuracy();
        view.setPlanner(planner);
        QVERIFY(view.maxAccuracyDropBox()->isEnabled());
        view.rowsBox()->setValue(0);
        auto *model = view.rankingModel();
        const auto accuracyOf = [&](int row) {
            return model->index(row, gui::RankingModel::Accuracy).data().toString();
        };
        int tunedRows = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto &c = model->ranking()[size_t(row)];
            if (!c.accuracy) {
                QCOMPARE(accuracyOf(row), QStringLiteral("\u2014"));
                continue;
            }
            QCOMPARE(accuracyOf(row).startsWith(plots::Numbers::percent(c.accuracy->top1 * 100)),
                     true);
            if (!c.accuracy->fineTuned.empty()) {
                ++tunedRows;
                QVERIFY(accuracyOf(row).endsWith(QStringLiteral(" ft")));
                QVERIFY(model->index(row, gui::RankingModel::Accuracy)
                            .data(Qt::ToolTipRole)
                            .toString()
                            .contains(QStringLiteral("1 epoch")));
            }
        }
        QCOMPARE(tunedRows, 1);
        // Without a limit the plot leaves out what was never measured (split 0 without a TL).
        int measuredRows = 0;
        for (const auto &c : model->ranking())
            measuredRows += c.accuracy ? 1 : 0;
        QVERIFY(measuredRows < model->rowCount());
        QCOMPARE(int(view.paretoPlot()->points().size()), measuredRows);

        view.maxAccuracyDropBox()->setValue(1.0);
        auto request = view.request();
        QCOMPARE(request.constraints.maxAccuracyDrop_pp, std::optional<double>(1.0));
        const auto expected = planner->plan(request);
        QCOMPARE(model->rowCount(), int(expected.ranking.size()));
        for (const auto &c : model->ranking())
            QVERIFY(c.accuracy && c.accuracy->drop_pp <= 1.0 + 1e-9);
        QVERIFY2(view.messageText().contains(QStringLiteral("toy@0")),
                 qPrintable(view.messageText()));
        QCOMPARE(view.settings().value(QStringLiteral("maxAccuracyDropPp")).toDouble(), 1.0);
        // The project keeps the limit and the plot shown.
        view.plotTabs()->setCurrentWidget(view.paretoPlot());
        auto kept = view.settings();
        QCOMPARE(kept.value(QStringLiteral("plotTab")).toInt(), 1);
        gui::PlanView reopened;
        reopened.restoreSettings(kept);
        reopened.setPlanner(planner);
        QCOMPARE(reopened.plotTabs()->currentWidget(), reopened.paretoPlot());
        QCOMPARE(reopened.maxAccuracyDropBox()->value(), 1.0);

        // The Pareto plot: every allowed configuration measured, the front as planned.
        auto *pareto = view.paretoPlot();
        pareto->replot();
        QCOMPARE(pareto->points().size(), expected.ranking.size());
        QCOMPARE(pareto->frontGraph()->dataCount(), int(expected.pareto.size()));
        QVERIFY(!expected.pareto.empty());
        const auto &last = model->ranking().back();
        const QPointF at(pareto->xAxis->coordToPixel(last.total_s * 1e3),
                         pareto->yAxis->coordToPixel(last.accuracy->top1 * 100));
        const auto hit = pareto->pointAt(at);
        QVERIFY(hit);
        // The tool-tip over the point is its description.
        QHelpEvent help(QEvent::ToolTip, at.toPoint(), pareto->mapToGlobal(at.toPoint()));
        QCoreApplication::sendEvent(pareto, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), plots::ParetoPlot::describe(pareto->points()[*hit]));
        const auto text = plots::ParetoPlot::describe(pareto->points()[*hit]);
        QVERIFY2(text.startsWith(QStringLiteral("Split %1").arg(last.s1)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Top-1")), qPrintable(text));
        QTest::mouseClick(pareto, Qt::LeftButton, {}, at.toPoint());
        const auto &chosen = model->ranking()[size_t(view.rankingTable()->currentIndex().row())];
        QCOMPARE(chosen.total_s, last.total_s);
        QCOMPARE(chosen.accuracy->top1, last.accuracy->top1);
        QCOMPARE(pareto->selectedGraph()->dataCount(), 1);
        QCOMPARE(pareto->selectedGraph()->data()->at(0)->key, last.total_s * 1e3);
        QVERIFY2(clippedTexts(pareto).isEmpty(),
                 qPrintable(clippedTexts(pareto).join(QLatin1Char('\n'))));

        // Only split 0 and 1 fit the device time: 1 loses 2 points at best, 0 is not measured.
        view.maxDeviceBox()->setValue(50);
        QVERIFY2(view.messageText() ==
                     QStringLiteral("No split meets Maximum accuracy drop %1: the least drop "
                                    "measured on toy@0 is %2 (split 1).")
                         .arg(plots::Numbers::points(1.0), plots::Numbers::points(2.0)),
                 qPrintable(view.messageText()));
        QCOMPARE(view.rankingModel()->rowCount(), 0);
        view.maxDeviceBox()->setValue(0);
        view.maxAccuracyDropBox()->setValue(view.maxAccuracyDropBox()->minimum()); // no limit
        QVERIFY(!view.request().constraints.maxAccuracyDrop_pp);

        // The export wizard: what was measured of the split and TL chosen.
        gui::ExportWizard wizard(QStringLiteral("zoo:toy"), planner->blocks(), 2, QString());
        QVERIFY(wizard.accuracyText().contains(QStringLiteral("Not measured")));
        wizard.setAccuracy(planner->accuracy());
        wizard.tlBox()->setCurrentText(QStringLiteral("maxpool2"));
        QVERIFY2(wizard.accuracyText().contains(QStringLiteral("fine-tuned 1 epoch")) &&
                     wizard.accuracyText().contains(plots::Numbers::percent(85)),
                 qPrintable(wizard.accuracyText()));
        wizard.splitBox()->setValue(0);
        QVERIFY2(wizard.accuracyText().contains(QStringLiteral("not measured")),
                 qPrintable(wizard.accuracyText()));
        wizard.splitBox()->setValue(planner->blocks());
        QVERIFY2(wizard.accuracyText().contains(QStringLiteral("unsplit")),
                 qPrintable(wizard.accuracyText()));
    }

    // The real window: a model benched by real agents, opened with its store; selecting a split
    // in the cut table selects it in the ranking; a broken file is reported, nothing blocks.
    void windowOpensAModelAndItsTimings()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        const auto db = dir.filePath(QStringLiteral("chain.cleave"));
        QVERIFY(benchChain(model, db));

        gui::MainWindow window;
        QSignalSpy opened(&window, &gui::MainWindow::modelOpened);
        QSignalSpy timings(&window, &gui::MainWindow::timingsOpened);
        QSignalSpy failed(&window, &gui::MainWindow::openFailed);
        window.show();
        window.openProject(db, model);
        QTRY_COMPARE_WITH_TIMEOUT(timings.count(), 1, 60000);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(failed.count(), 0);
        auto *cuts = window.modelView()->cutModel();
        QVERIFY(cuts->rowCount() > 2);
        auto *plan = window.planView();
        QCOMPARE(plan->planner()->blocks() + 1, cuts->rowCount());
        QVERIFY(plan->rankingModel()->rowCount() > 0);
        // The filter narrows the table.
        window.modelView()->filterEdit()->setText(QStringLiteral("no-such-operator"));
        QCOMPARE(window.modelView()->proxy()->rowCount(), 0);
        window.modelView()->filterEdit()->clear();

        const auto broken = dir.filePath(QStringLiteral("broken.pt"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a model");
        f.close();
        window.openModel(broken);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        const auto reason = failed.at(0).at(0).toString();
        QVERIFY2(reason.startsWith(broken), qPrintable(reason));
        // Where the user looks, not only in the status bar.
        QVERIFY(window.messageBar()->isVisible());
        QCOMPARE(window.messageBar()->text(), reason);
        window.messageBar()->closeButton()->click();
        QVERIFY(!window.messageBar()->isVisible());
        QVERIFY(!reason.contains(QLatin1Char('\n')));
        // The model that was open stays open.
        QCOMPARE(window.currentModel(), model);

        // A crafted archive that crashes LibTorch's reader is read first in a child (the
        // workbench's own executable, as `cleave` does at start-up): a message, not a crash.
        graph::setModelChecker(CLEAVE_GUI);
        window.openModel(QStringLiteral(CLEAVE_FIXTURES_DIR "/fuzz/class-constant-crash.pt"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 60000);
        graph::setModelChecker({});
        const auto crash = failed.at(1).at(0).toString();
        // The file makes the reader crash, or fail, by chance: refused either way, never read
        // in the workbench's own process.
        QVERIFY2(crash.contains(QStringLiteral("crashes LibTorch's reader")) ||
                     crash.contains(QStringLiteral("truncated or damaged TorchScript archive")),
                 qPrintable(crash));
        QCOMPARE(window.currentModel(), model);
    }

    // How the desktop opens a project (the .desktop file's `cleave %f`): the file alone, with
    // the model it was planned with. A file that is no project is refused with its name, exit 1,
    // and is neither created nor touched.
    // Every node a cut: the model is analysed again where the box says, the table lists the
    // tensors of each cut that several cross under it, the plan uses the node timings, and the
    // project remembers the choice.
    void cutsAtEveryNodeWhenAsked()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("residual.pt"));
        const auto db = dir.filePath(QStringLiteral("nodes.cleave"));
        QVERIFY(QFile::copy(testing::fixture("residual.pt"), model));
        const auto bench = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            {QStringLiteral("bench"), model, QStringLiteral("--local"), QStringLiteral("--db"), db,
             QStringLiteral("--granularity"), QStringLiteral("node"), QStringLiteral("--warmup"),
             QStringLiteral("0"), QStringLiteral("--reps"), QStringLiteral("2")});
        QVERIFY2(bench.exitCode == 0, bench.err.constData());
        // The cuts as inspect lists them (this test keeps LibTorch's headers out).
        const auto inspect =
            testing::runCli(QStringLiteral(CLEAVE_CLI),
                            {QStringLiteral("inspect"), model, QStringLiteral("--granularity"),
                             QStringLiteral("node"), QStringLiteral("--json")});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        const auto nodes = QJsonDocument::fromJson(inspect.out).object();
        const int blocks = nodes[QStringLiteral("blocks")].toInt();
        QJsonArray crossing;
        int wide = -1;
        for (const auto &cut : nodes[QStringLiteral("cuts")].toArray())
            if (wide < 0 && cut[QStringLiteral("tensors")].toArray().size() > 1) {
                wide = cut[QStringLiteral("index")].toInt();
                crossing = cut[QStringLiteral("tensors")].toArray();
            }
        QVERIFY(wide > 0);

        {
            gui::MainWindow window;
            QSignalSpy opened(&window, &gui::MainWindow::modelOpened);
            QSignalSpy missing(&window, &gui::MainWindow::timingsMissing);
            QSignalSpy timings(&window, &gui::MainWindow::timingsOpened);
            window.show();
            window.openProject(db, model);
            // At blocks, as every model opens first: the project has no block timings.
            QTRY_COMPARE_WITH_TIMEOUT(missing.count(), 1, 60000);
            QCOMPARE(window.granularity(), cleave::graph::Granularity::Block);
            // It says where the timings are.
            QVERIFY2(missing.at(0).at(0).toString().contains(
                         QStringLiteral("the project has them cut at every node")),
                     qPrintable(missing.at(0).at(0).toString()));
            auto *box = window.modelView()->granularityBox();
            const int node = box->findData(int(cleave::graph::Granularity::Node));
            QVERIFY(node >= 0);
            box->setCurrentIndex(node);
            Q_EMIT box->activated(node);
            QTRY_COMPARE_WITH_TIMEOUT(timings.count(), 1, 60000);
            QCOMPARE(opened.count(), 2);
            QCOMPARE(window.granularity(), cleave::graph::Granularity::Node);
            auto *cuts = window.modelView()->cutModel();
            QCOMPARE(cuts->rowCount(), blocks + 1);
            QCOMPARE(window.planView()->planner()->blocks(), blocks);
            QTRY_VERIFY_WITH_TIMEOUT(window.planView()->rankingModel()->rowCount() > 0, 30000);
            const auto row = cuts->index(wide, 0);
            QCOMPARE(cuts->rowCount(row), int(crossing.size()));
            QCOMPARE(cuts->data(cuts->index(wide, gui::CutTableModel::Tensors)).toInt(),
                     int(crossing.size()));
            QStringList dims;
            for (const auto &d : crossing[1][QStringLiteral("shape")].toArray())
                dims.push_back(QString::number(d.toInt()));
            QCOMPARE(cuts->data(cuts->index(1, gui::CutTableModel::Shape, row)).toString(),
                     dims.join(QLatin1Char('x')) + QLatin1Char(' ') +
                         crossing[1][QStringLiteral("dtype")].toString());
            // A tensor's row chooses its cut's split everywhere.
            auto *view = window.modelView()->cutView();
            auto *proxy = window.modelView()->proxy();
            const auto child = proxy->mapFromSource(cuts->index(1, 0, row));
            view->setCurrentIndex(child);
            QCOMPARE(window.selectedSplit(), wide);
        }
        // Reopened, the project cuts the model where it was cut.
        gui::MainWindow again;
        QSignalSpy timings(&again, &gui::MainWindow::timingsOpened);
        again.openProject(db);
        QTRY_COMPARE_WITH_TIMEOUT(timings.count(), 1, 60000);
        QCOMPARE(again.granularity(), cleave::graph::Granularity::Node);
        QCOMPARE(again.modelView()->granularityBox()->currentData().toInt(),
                 int(cleave::graph::Granularity::Node));
        QCOMPARE(again.modelView()->cutModel()->rowCount(), blocks + 1);
    }

    // The graph tab lays the model out (Graphviz, on a worker) once shown: a box per node and
    // the input, the device's boxes in another colour than the edge's, the split's tensors
    // drawn bold with their bytes; clicking a box selects the split after it everywhere.
    void graphViewDrawsTheCutAndSelects()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("residual.pt"));
        QVERIFY(QFile::copy(testing::fixture("residual.pt"), model));
        auto window = readyWindow();
        window->resize(1280, 800);
        window->show();
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(model, cleave::graph::Granularity::Node);
        QVERIFY(opened.wait(30000));
        const int blocks = window->modelView()->cutModel()->rowCount() - 1;
        auto *graph = window->graphView();
        QVERIFY(!graph->isLaidOut()); // not shown yet: nothing laid out
        QSignalSpy laidOut(graph, &gui::GraphView::laidOut);
        window->showTab(3);
        QVERIFY(laidOut.count() > 0 || laidOut.wait(30000));
        QVERIFY(graph->boxItem(blocks) != nullptr);
        QVERIFY(graph->boxItem(blocks + 1) == nullptr);

        int wide = -1, crossing = 0;
        const auto &cuts = window->modelView()->cutModel()->cuts();
        for (const auto &cut : cuts)
            if (wide < 0 && cut.tensors.size() > 1) {
                wide = cut.index;
                crossing = int(cut.tensors.size());
            }
        QVERIFY(wide > 1);
        window->modelView()->selectSplit(wide);
        QCOMPARE(window->selectedSplit(), wide);
        QCOMPARE(graph->cutTensorCount(), crossing);
        QVERIFY2(graph->cutEdgeCount() >= crossing,
                 qPrintable(QString::number(graph->cutEdgeCount())));
        QVERIFY(graph->boxItem(1)->brush().color() != graph->boxItem(blocks)->brush().color());
        QCOMPARE(graph->boxItem(wide)->brush().color(), graph->boxItem(1)->brush().color());
        QCOMPARE(graph->boxItem(wide + 1)->brush().color(),
                 graph->boxItem(blocks)->brush().color());
        // Everything on the device: nothing crosses.
        window->modelView()->selectSplit(blocks);
        QCOMPARE(graph->cutEdgeCount(), 0);
        QCOMPARE(graph->cutTensorCount(), 0);

        auto *view = graph->view();
        auto *box = graph->boxItem(2);
        view->centerOn(box);
        const auto at = view->mapFromScene(box->sceneBoundingRect().center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(window->selectedSplit(), 2);
        QCOMPARE(window->modelView()->cutModel()->splitAt(window->modelView()->proxy()->mapToSource(
                     window->modelView()->cutView()->currentIndex())),
                 2);
        QVERIFY(graph->cutEdgeCount() > 0);
    }

    void executableOpensAProjectFileAlone()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        const auto db = dir.filePath(QStringLiteral("chain.cleave"));
        QVERIFY(benchChain(model, db));
        const auto run = [&dir](const QString &project) {
            QProcess cleave;
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
            cleave.setProcessEnvironment(env);
            cleave.start(QStringLiteral(CLEAVE_GUI), {project, QStringLiteral("--screenshot"),
                                                      dir.filePath(QStringLiteral("shot.png"))});
            return testing::finish(cleave, 120000);
        };
        // The project names no model (cleave-cli bench made it): the one model timed is planned.
        const auto opened = run(db);
        QVERIFY2(opened.exitCode == 0, opened.err.constData());
        QVERIFY2(opened.err.contains("planned with the timings of " + db.toUtf8()),
                 opened.err.constData());
        QVERIFY(!QImage(dir.filePath(QStringLiteral("shot.png"))).isNull());

        const auto missing = dir.filePath(QStringLiteral("missing.cleave"));
        const auto refused = run(missing);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(missing.toUtf8()), refused.err.constData());
        QVERIFY(!QFile::exists(missing));
        const auto foreign = dir.filePath(QStringLiteral("foreign.cleave"));
        {
            QFile file(foreign);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a database at all");
        }
        const auto notProject = run(foreign);
        QCOMPARE(notProject.exitCode, 1);
        QVERIFY2(notProject.err.contains(foreign.toUtf8()), notProject.err.constData());
        QFile file(foreign);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not a database at all"));
    }

    // A project is one file: agents edited in the panel are saved to it, Save As continues in
    // the copy, both become recent projects, and a new window reopens what was saved. Corrupt
    // and foreign files are refused with a reason naming them; the open project stays.
    void projectsAreSavedAndReopened()
    {
        QTemporaryDir dir;
        const auto first = dir.filePath(QStringLiteral("first.cleave"));
        const auto second = dir.filePath(QStringLiteral("second.cleave"));
        {
            auto window = readyWindow();
            QVERIFY(window->isUntitled());
            QVERIFY(!window->projectPath().isEmpty());
            QSignalSpy opened(window.get(), &gui::MainWindow::projectOpened);
            window->newProject(first);
            QVERIFY(opened.wait(10000));
            QCOMPARE(window->projectPath(), first);
            QVERIFY(window->agentsPanel()->localBox()->isChecked()); // none configured
            QVERIFY(window->agentsPanel()->addAgent(QStringLiteral("127.0.0.1:1"),
                                                    QStringLiteral("device")));
            QVERIFY(window->agentsPanel()->addAgent(QStringLiteral("[::1]:2"),
                                                    QStringLiteral("edge"),
                                                    QStringLiteral("/run/edge.token")));
            QVERIFY(!window->agentsPanel()->localBox()->isChecked());
            QTRY_COMPARE_WITH_TIMEOUT(gui::openProject(first, false).agents.size(), 2, 10000);
            window->saveProjectAs(dir.filePath(QStringLiteral("second"))); // .cleave is added
            QVERIFY(opened.wait(10000));
            QCOMPARE(window->projectPath(), second);
            QVERIFY(!window->isUntitled());
            const auto recent = window->recentProjects();
            QCOMPARE(recent.value(0), QFileInfo(second).absoluteFilePath());
            QCOMPARE(recent.value(1), QFileInfo(first).absoluteFilePath());
        }
        auto window = readyWindow();
        QSignalSpy opened(window.get(), &gui::MainWindow::projectOpened);
        QSignalSpy failed(window.get(), &gui::MainWindow::openFailed);
        window->openProject(second);
        QVERIFY(opened.wait(10000));
        const auto agents = window->agentsPanel()->agents();
        QCOMPARE(agents.size(), 2);
        QCOMPARE(agents[1].address, QStringLiteral("[::1]:2"));
        QCOMPARE(agents[1].tokenFile, QStringLiteral("/run/edge.token"));
        QVERIFY(!window->agentsPanel()->useLocalAgents());

        const auto corrupt = dir.filePath(QStringLiteral("corrupt.cleave"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const auto foreign = dir.filePath(QStringLiteral("foreign.cleave"));
        {
            store::Database other(foreign.toStdString(), store::Database::Mode::ReadWriteCreate);
            other.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)");
        }
        const auto missing = dir.filePath(QStringLiteral("missing.cleave"));
        int expected = 0;
        for (const auto &bad : {corrupt, foreign, missing}) {
            window->openProject(bad);
            ++expected;
            QTRY_COMPARE_WITH_TIMEOUT(failed.count(), expected, 10000);
            const auto reason = failed.last().at(0).toString();
            QVERIFY2(reason.startsWith(bad), qPrintable(reason));
            QVERIFY(!reason.contains(QLatin1Char('\n')));
            QCOMPARE(window->projectPath(), second);
        }
        QVERIFY(!QFile::exists(missing));          // refused, not created
        QCOMPARE(QFileInfo(corrupt).size(), 4096); // refused untouched
    }

    // Addresses are checked before anything is sent; an agent that does not answer is marked
    // unreachable with the reason, without blocking the window; a real agent tells who it is.
    void agentsPanelChecksAndAsks()
    {
        gui::AgentsPanel panel;
        QVERIFY(!panel.addAgent(QStringLiteral("no-port"), QStringLiteral("device")));
        QVERIFY2(panel.messageLabel()->text().contains(QStringLiteral("not HOST:PORT")),
                 qPrintable(panel.messageLabel()->text()));
        QVERIFY(!panel.addAgent(QStringLiteral("host:70000"), QStringLiteral("edge")));
        QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("outside 1-65535")));
        QVERIFY(!panel.addAgent(QStringLiteral("host:1"), QStringLiteral("phone")));
        QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("phone")));
        QCOMPARE(panel.model()->rowCount(), 0);

        remote::AgentProcess agent("gui-test", "edge", 1);
        const auto address = QString::fromStdString(agent.address());
        QSignalSpy answered(&panel, &gui::AgentsPanel::agentAnswered);
        QVERIFY(panel.addAgent(QStringLiteral("127.0.0.1:9"), QStringLiteral("device")));
        // Added at once; the answer comes later, from a worker.
        QCOMPARE(panel.model()->reach(0), gui::AgentTableModel::Reach::Asking);
        QVERIFY(panel.addAgent(address, QStringLiteral("edge")));
        QVERIFY(!panel.addAgent(address, QStringLiteral("edge"))); // already there
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 15000);
        QCOMPARE(panel.model()->reach(0), gui::AgentTableModel::Reach::Unreachable);
        QVERIFY(!panel.model()
                     ->data(panel.model()->index(0, gui::AgentTableModel::Machine))
                     .toString()
                     .isEmpty());
        QCOMPARE(panel.model()->reach(1), gui::AgentTableModel::Reach::Online);
        const auto machine =
            panel.model()->data(panel.model()->index(1, gui::AgentTableModel::Machine)).toString();
        QVERIFY2(machine.startsWith(QStringLiteral("gui-test@")), qPrintable(machine));
        QCOMPARE(panel.summary(), QStringLiteral("agents: 1 of 2 answer"));
        QVERIFY(!panel.model()->roleDiffers(1));

        // A secured agent answers with the token from its file, and says why without it.
        QTemporaryDir dir;
        const auto tokenPath =
            testing::writeTokenFile(dir, QStringLiteral("edge.token"), "gui-t0ken");
        QVERIFY(!tokenPath.isEmpty());
        remote::AgentProcess secured("secured", "edge", 1,
                                     {"--token-file", tokenPath.toStdString()});
        const auto securedAddress = QString::fromStdString(secured.address());
        QVERIFY(panel.addAgent(securedAddress, QStringLiteral("edge"), tokenPath));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 3, 15000);
        QCOMPARE(panel.model()->reach(2), gui::AgentTableModel::Reach::Online);
        panel.model()->remove(2);
        QVERIFY(panel.addAgent(securedAddress, QStringLiteral("edge")));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 4, 15000);
        QCOMPARE(panel.model()->reach(2), gui::AgentTableModel::Reach::Unreachable);
        const auto why =
            panel.model()->data(panel.model()->index(2, gui::AgentTableModel::Machine)).toString();
        QVERIFY2(why.contains(QStringLiteral("requires a token")), qPrintable(why));

        // A TLS agent answers once the CA that signed its certificate is given.
        const testing::ThrowawayCa ca("GUI test CA");
        const auto pair = ca.issue("tls-edge");
        const auto caPath = dir.filePath(QStringLiteral("ca.pem"));
        const auto certPath = dir.filePath(QStringLiteral("edge.pem")).toStdString();
        const auto keyPath = dir.filePath(QStringLiteral("edge.key")).toStdString();
        QVERIFY(testing::writeTextFile(caPath.toStdString(), ca.certPem()) &&
                testing::writeTextFile(certPath, pair.cert) &&
                testing::writeTextFile(keyPath, pair.key));
        remote::AgentProcess tls("tls-edge", "edge", 1,
                                 {"--tls-cert", certPath, "--tls-key", keyPath});
        QVERIFY(panel.addAgent(QString::fromStdString(tls.address()), QStringLiteral("edge"), {},
                               caPath));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 5, 15000);
        QCOMPARE(panel.model()->reach(3), gui::AgentTableModel::Reach::Online);

        // An agent that requires client certificates (--tls-ca) answers the one that gives a
        // certificate its CA signed, not the one without. Certificate and key go together.
        const auto me = ca.issue("workbench");
        const auto myCert = dir.filePath(QStringLiteral("me.pem"));
        const auto myKey = dir.filePath(QStringLiteral("me.key"));
        QVERIFY(testing::writeTextFile(myCert.toStdString(), me.cert) &&
                testing::writeTextFile(myKey.toStdString(), me.key));
        remote::AgentProcess mutual(
            "mutual-edge", "edge", 1,
            {"--tls-cert", certPath, "--tls-key", keyPath, "--tls-ca", caPath.toStdString()});
        const auto mutualAddress = QString::fromStdString(mutual.address());
        QVERIFY(!panel.addAgent(mutualAddress, QStringLiteral("edge"), {}, caPath, myCert));
        QVERIFY2(panel.messageLabel()->text().contains(QStringLiteral("together")),
                 qPrintable(panel.messageLabel()->text()));
        QVERIFY(panel.addAgent(mutualAddress, QStringLiteral("edge"), {}, caPath, myCert, myKey));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 6, 15000);
        QCOMPARE(panel.model()->reach(4), gui::AgentTableModel::Reach::Online);
        QCOMPARE(panel.agents().at(4).tlsKey, myKey);
        const auto withoutCert =
            QStringLiteral("https://localhost:") + mutualAddress.section(QLatin1Char(':'), -1);
        QVERIFY(panel.addAgent(withoutCert, QStringLiteral("edge"), {}, caPath));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 7, 15000);
        QCOMPARE(panel.model()->reach(5), gui::AgentTableModel::Reach::Unreachable);
        // It reached the agent, which closed the connection: no certificate, no service.
        const auto refusal =
            panel.model()->data(panel.model()->index(5, gui::AgentTableModel::Machine)).toString();
        QVERIFY2(refusal.contains(QStringLiteral("127.0.0.1")) &&
                     !refusal.contains(QStringLiteral("Connection refused")),
                 qPrintable(refusal));

        // Without a keychain (no session bus), the panel says so and points to a token file;
        // tst_keychain covers the keychain itself.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
        QSignalSpy stored(&panel, &gui::AgentsPanel::tokenStored);
        panel.storeTokenInKeychain(QStringLiteral("127.0.0.1:9"), QStringLiteral("t0ken"));
        QVERIFY(stored.wait(35000));
        QVERIFY(!stored.at(0).at(1).toString().isEmpty());
        QVERIFY2(panel.messageLabel()->text().contains(QStringLiteral("chmod 600")),
                 qPrintable(panel.messageLabel()->text()));
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Listed under another role than it was started with: the panel says so.
        QSignalSpy again(&panel, &gui::AgentsPanel::agentAnswered);
        panel.model()->remove(panel.model()->rowOf(address));
        QVERIFY(panel.addAgent(address, QStringLiteral("device")));
        QTRY_COMPARE_WITH_TIMEOUT(again.count(), 1, 15000);
        const int listed = panel.model()->rowOf(address);
        QVERIFY(panel.model()->roleDiffers(listed));
        QCOMPARE(panel.model()
                     ->data(panel.model()->index(listed, gui::AgentTableModel::State))
                     .toString(),
                 QStringLiteral("online, but started as edge"));
    }

    // "Emulated device" limits the local device agent (kernel control groups): its timings are
    // a resource of their own, named with the limits, and the status bar says it is emulated.
    void benchmarksAnEmulatedDevice()
    {
        if (geteuid() != 0)
            QSKIP("control groups here are writable by root only");
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        QVERIFY(QFile::copy(testing::fixture("chain.pt"), model));
        auto window = readyWindow();
        auto *agents = window->agentsPanel();
        const auto restore = qScopeGuard([agents] {
            agents->deviceCpuBox()->setValue(0);
            agents->deviceMemoryBox()->setValue(0);
        });
        agents->deviceCpuBox()->setValue(0.5);
        agents->deviceMemoryBox()->setValue(1024);
        QCOMPARE(agents->summary(),
                 QStringLiteral("agents: local, the device emulated (0.5 core, 1024 MiB)"));
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(model);
        QVERIFY(opened.wait(30000));
        auto *bench = window->benchmarkPanel();
        bench->warmupBox()->setValue(1);
        bench->repsBox()->setValue(3);
        QSignalSpy finished(bench, &gui::BenchmarkPanel::finished);
        bench->startButton()->click();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        store::Store db(window->projectPath().toStdString());
        const auto resources = db.resources();
        const auto device = std::find_if(resources.begin(), resources.end(),
                                         [](const auto &r) { return r.role == "device"; });
        QVERIFY(device != resources.end());
        QCOMPARE(device->limits.cpuCores.value_or(0), 0.5);
        QCOMPARE(device->limits.memoryBytes.value_or(0), int64_t(1024) << 20);
        QVERIFY2(QString::fromStdString(device->name).contains(QStringLiteral("(emulated: ")),
                 device->name.c_str());
    }

    // The benchmark panel measures the open model on the local agents into the project; the
    // plan appears when both runs are committed.
    void benchmarksOnLocalAgents()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        QVERIFY(QFile::copy(testing::fixture("chain.pt"), model));
        auto window = readyWindow();
        window->show();
        auto *bench = window->benchmarkPanel();
        QVERIFY(!bench->startButton()->isEnabled()); // no model yet
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(model);
        QVERIFY(opened.wait(30000));
        QVERIFY(bench->startButton()->isEnabled());
        QCOMPARE(bench->statusText(), QStringLiteral("Ready to measure chain.pt"));
        QCOMPARE(window->planView()->rankingModel()->rowCount(), 0); // nothing measured yet
        // Where to measure it, in the window's terms (the project is new, so no timings).
        QTRY_VERIFY_WITH_TIMEOUT(window->planView()->messageText().contains(
                                     QStringLiteral("measure it in the Benchmark panel")),
                                 10000);
        QVERIFY2(!window->planView()->messageText().contains(QStringLiteral("cleave-cli")),
                 qPrintable(window->planView()->messageText()));
        bench->warmupBox()->setValue(1);
        bench->repsBox()->setValue(3);
        // A refused TL spec stops the run before any agent starts: the bars say so.
        bench->tlEdit()->setText(QStringLiteral("zip9"));
        QSignalSpy refused(bench, &gui::BenchmarkPanel::finished);
        bench->startButton()->click();
        QVERIFY(refused.wait(60000));
        QCOMPARE(refused.at(0).at(0).toBool(), false);
        for (const auto *role : {"device", "edge"})
            QCOMPARE(bench->progressBar(QString::fromLatin1(role))->format(),
                     QString::fromLatin1(role) + QStringLiteral(": not started"));
        QCOMPARE(bench->statusText(), QStringLiteral("Stopped measuring chain.pt"));
        bench->tlEdit()->clear();
        QSignalSpy finished(bench, &gui::BenchmarkPanel::finished);
        QSignalSpy timings(window.get(), &gui::MainWindow::timingsOpened);
        // No timings: the plan view offers to measure, with the panel's settings.
        auto *now = window->planView()->benchmarkNowButton();
        QVERIFY(now->isVisible());
        now->click();
        QCOMPARE(bench->statusText(), QStringLiteral("Measuring chain.pt"));
        QVERIFY(bench->isRunning());
        QVERIFY(!bench->startButton()->isEnabled());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(timings.count() > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window->planView()->rankingModel()->rowCount() > 0, 30000);
        QVERIFY(!now->isVisible()); // timings now
        for (const auto *role : {"device", "edge"}) {
            auto *bar = bench->progressBar(QString::fromLatin1(role));
            QVERIFY(bar);
            QCOMPARE(bar->value(), bar->maximum());
        }
        QVERIFY2(bench->log().contains(QStringLiteral("complete")), qPrintable(bench->log()));
        QCOMPARE(bench->statusText(), QStringLiteral("Measured chain.pt"));
        QVERIFY(bench->startButton()->isEnabled());
        store::Store db(window->projectPath().toStdString());
        QCOMPARE(db.modelNames(), std::vector<std::string>{model.toStdString()});

        // Offload every split through the emulated 5G link: measured over predicted, and the
        // scatter of one point per split.
        auto *offload = window->offloadView();
        window->showTab(1);
        offload->runsBox()->setValue(2);
        offload->warmupBox()->setValue(0);
        offload->scopeBox()->setCurrentIndex(1);
        QSignalSpy offloaded(offload, &gui::OffloadView::finished);
        QSignalSpy reloaded(offload, &gui::OffloadView::reloaded);
        // Each split is drawn as it arrives, not all at the end.
        QList<int> drawnWhileRunning;
        connect(offload, &gui::OffloadView::reloaded, this, [&] {
            if (offload->isRunning())
                drawnWhileRunning.push_back(
                    offload->predictionPlot()->pointsGraph(false)->dataCount());
        });
        offload->runButton()->click();
        QVERIFY(offload->isRunning());
        QVERIFY(offloaded.wait(180000));
        QVERIFY2(offloaded.at(0).at(0).toBool(), qPrintable(offloaded.at(0).at(1).toString()));
        QVERIFY2(offloaded.at(0).at(1).toString().contains(QStringLiteral("prediction error")),
                 qPrintable(offloaded.at(0).at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(reloaded.count() > 0 &&
                                     offload->predictionPlot()->pointsGraph(false)->dataCount() ==
                                         cuts(*window),
                                 30000);
        QCOMPARE(offload->stackPlot()->measuredGraph(plan::Mode::Scission)->dataCount(),
                 cuts(*window));
        QVERIFY2(!drawnWhileRunning.isEmpty() && drawnWhileRunning.front() < cuts(*window),
                 qPrintable(QString::number(drawnWhileRunning.size())));
        // Export takes the plots shown: the stacks above the scatter.
        QTemporaryDir out;
        const auto png = out.filePath(QStringLiteral("offload.png"));
        QCOMPARE(window->exportPlot(png, {500, 300}), QString());
        QCOMPARE(QImage(png).size(), QSize(500, 600));

        // A sweep cancelled after its first split keeps what was measured.
        offload->runsBox()->setValue(200);
        const auto logBefore = offload->log().size();
        offload->runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(offload->log().mid(logBefore).contains(QStringLiteral("split 0")),
                                 120000);
        offload->cancelButton()->click();
        QVERIFY(offloaded.wait(60000));
        QCOMPARE(offloaded.at(1).at(0).toBool(), false);
        QVERIFY2(offloaded.at(1).at(1).toString().contains(QStringLiteral("kept")),
                 qPrintable(offloaded.at(1).at(1).toString()));
        const auto modelId = db.modelsNamed(model.toStdString()).at(0).id;
        const auto runs = db.offloads(modelId);
        QVERIFY(runs.size() > size_t(cuts(*window)));
        QVERIFY(!db.offloadInferences(runs.back().id).empty());
    }

    // Cancelling halfway: the device's complete run stays, the edge's run stays as far as it
    // came and is labelled partial; the window reports what was kept.
    void cancelsABenchmarkHalfway()
    {
        auto window = readyWindow();
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(QStringLiteral("zoo:resnet18"));
        QVERIFY(opened.wait(60000));
        auto *bench = window->benchmarkPanel();
        bench->warmupBox()->setValue(0);
        bench->repsBox()->setValue(40);
        bench->tlEdit()->clear();
        QSignalSpy committed(bench, &gui::BenchmarkPanel::runCommitted);
        QSignalSpy finished(bench, &gui::BenchmarkPanel::finished);
        bench->startButton()->click();
        QVERIFY(committed.wait(180000));
        QCOMPARE(committed.at(0).at(0).toString(), QStringLiteral("device"));
        QTRY_VERIFY_WITH_TIMEOUT(bench->progressBar(QStringLiteral("edge"))->value() > 0, 60000);
        bench->cancelButton()->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const auto reason = finished.at(0).at(1).toString();
        QVERIFY2(reason.contains(QStringLiteral("edge agent")) &&
                     reason.contains(QStringLiteral("cancelled")) &&
                     reason.contains(QStringLiteral(" keeps ")),
                 qPrintable(reason));
        QVERIFY(bench->progressBar(QStringLiteral("edge"))
                    ->format()
                    .contains(QStringLiteral("(partial)")));
        QVERIFY(!bench->progressBar(QStringLiteral("device"))
                     ->format()
                     .contains(QStringLiteral("(partial)")));
        store::Store db(window->projectPath().toStdString());
        const auto models = db.modelsNamed("zoo:resnet18");
        QCOMPARE(models.size(), size_t(1));
        int complete = 0, incomplete = 0;
        for (const auto &r : db.resources()) {
            const auto id = db.addResource(r);
            complete += bool(db.latestTimings(models[0].id, id));
            incomplete += bool(db.incompleteRun(models[0].id, id));
        }
        QCOMPARE(complete, 1);
        QCOMPARE(incomplete, 1);
    }

    // The Cluster tab runs the open model over two local device agents: the plan is drawn
    // before the first inference and every inference after it; the time line has a lane per
    // device and one for the aggregator, each lane's spans in order; the rows drawn are the
    // stored ones; the plots export; cancelling keeps what was stored.
    void clusterRunsOnLocalAgents()
    {
        if (geteuid() != 0)
            QSKIP("the device agents' control groups are writable by root only");
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        QVERIFY(QFile::copy(testing::fixture("chain.pt"), model));
        auto window = readyWindow();
        window->show();
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(model);
        QVERIFY(opened.wait(30000));
        window->showTab(2);
        auto *view = window->clusterView();
        view->setShares({0.5, 0.5});
        QCOMPARE(view->shares(), (std::vector<double>{0.5, 0.5}));
        view->runsBox()->setValue(3);
        view->planBox()->setCurrentIndex(1); // one segment: fewer strips to time
        QSignalSpy finished(view, &gui::ClusterView::finished);
        view->runButton()->click();
        QVERIFY(view->isRunning() && !view->runButton()->isEnabled());
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(view->log()));
        QCOMPARE(view->framesDrawn(), 4); // the plan, then three inferences

        const auto *timeline = view->timelinePlot();
        QCOMPARE(timeline->laneCount(), 3);
        std::map<int, double> laneEnd;
        for (const auto &d : timeline->drawn()) {
            if (d.planned)
                continue;
            QVERIFY(d.span.begin_s >= laneEnd[d.span.lane] - 1e-9); // in order, no overlap
            laneEnd[d.span.lane] = d.span.end_s;
        }
        QVERIFY(laneEnd.count(0) && laneEnd.count(2)); // a device computed, the aggregator ran on

        store::Store db(window->projectPath().toStdString());
        const auto models = db.modelsNamed(model.toStdString());
        QCOMPARE(models.size(), size_t(1));
        auto runs = db.clusters(models[0].id);
        QCOMPARE(runs.size(), size_t(1));
        const auto inferences = db.clusterInferences(runs[0].id);
        QCOMPARE(inferences.size(), size_t(3));
        for (size_t d = 0; d < runs[0].devices.size(); ++d) {
            const auto *bars = view->shareBar()->bars(int(d));
            QVERIFY(bars);
            QCOMPARE(bars->data()->size(), 3);
            for (int k = 0; k < 3; ++k) {
                int64_t rows = 0;
                for (const auto &share : inferences[size_t(k)].shares)
                    if (share.device == runs[0].devices[d])
                        rows += share.rowsEnd - share.rowsBegin;
                QCOMPARE(bars->data()->at(k)->value, double(rows));
            }
        }
        // The time line drawn is the last stored inference's: each device's compute span from
        // its rows' arrival for as long as it computed, its send until they reached the
        // aggregator.
        for (const auto &share : inferences.back().shares) {
            const int lane =
                int(std::find(runs[0].devices.begin(), runs[0].devices.end(), share.device) -
                    runs[0].devices.begin());
            int matched = 0;
            for (const auto &d : timeline->drawn()) {
                if (d.planned || d.span.lane != lane)
                    continue;
                if (d.span.kind == plan::TimelineSpan::Kind::Compute)
                    matched += std::abs(d.span.begin_s - share.received_s) < 1e-9 &&
                               std::abs(d.span.end_s - share.received_s - share.compute_s) < 1e-9;
                if (d.span.kind == plan::TimelineSpan::Kind::Send)
                    matched += std::abs(d.span.end_s - share.finish_s) < 1e-9;
            }
            QCOMPARE(matched, 2);
        }
        QCOMPARE(db.clusterBaselines(runs[0].id).size(), size_t(3)); // the fastest alone
        QCOMPARE(view->speedupPlot()->plannedGraph()->data()->size(), 2);
        const auto png = dir.filePath(QStringLiteral("cluster.png"));
        QCOMPARE(window->exportPlot(png, QSize(600, 300)), QString());
        QCOMPARE(QImage(png).height(), 900); // the three plots, one under the other

        // Before the next run the plan shows on the timings just stored: leaving the second
        // device out plans it on the first alone.
        QTRY_COMPARE_WITH_TIMEOUT(view->planningTable()->rowCount(), 2, 60000);
        // The run just drawn stays until the plan is asked for.
        QVERIFY(!timeline->drawn().empty() && !timeline->drawn().back().planned);
        const auto lanesPlanned = [&] {
            std::set<int> lanes;
            for (const auto &d : timeline->drawn())
                if (d.span.kind == plan::TimelineSpan::Kind::Compute)
                    lanes.insert(d.span.lane);
            return lanes;
        };
        QVERIFY(!(view->planningTable()->item(0, 1)->flags() & Qt::ItemIsEnabled)); // the source
        // The first device made a thousand times slower (a what-if; the model computes in a
        // tenth of a millisecond, far less than a strip's trip over the link): the second takes
        // rows.
        view->planningTable()->item(0, 2)->setData(Qt::EditRole, 1000.0);
        QCOMPARE(lanesPlanned().count(1), size_t(1));
        QCOMPARE(view->speedupPlot()->plannedGraph()->data()->size(), 2);
        view->planningTable()->item(1, 1)->setCheckState(Qt::Unchecked);
        QCOMPARE(lanesPlanned(), (std::set<int>{0}));
        QCOMPARE(view->speedupPlot()->plannedGraph()->data()->size(), 1);

        // Cancelled after its first inference, the run stops and keeps what it stored.
        view->runsBox()->setValue(500);
        view->warmupBox()->setValue(0);
        finished.clear();
        view->runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(view->framesDrawn() >= 2, 120000);
        view->cancelButton()->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("cancelled")),
                 qPrintable(finished.at(0).at(1).toString()));
        runs = db.clusters(models[0].id);
        QCOMPARE(runs.size(), size_t(2));
        const auto stored = db.clusterInferences(runs[1].id);
        QVERIFY2(stored.size() >= 1 && stored.size() < 500,
                 qPrintable(QString::number(stored.size())));
        // The inference the cancel cut short is not a failed attempt, nor its devices lost.
        for (const auto &i : stored)
            QVERIFY(i.completed);
        for (const auto &e : db.clusterEvents(runs[1].id))
            QVERIFY2(e.kind != "lost", e.detail.c_str());
        QVERIFY(view->runButton()->isEnabled());
    }

    // The Cluster tab runs on the project's agents: the device agents are listed with what
    // they answered (one offline shows so, and asking it blocks nothing), the edge agent is
    // offered as the aggregator, the cut picked in the cut table ends the segment. A run with
    // the offline device fails naming it; without it the run stores its devices, the edge as
    // aggregator and the picked segment.
    void clusterRunsOnTheProjectsAgents()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        QVERIFY(QFile::copy(testing::fixture("chain.pt"), model));
        remote::AgentProcess first("gui-device-1", "device", 1),
            second("gui-device-2", "device", 1), edge("gui-edge", "edge", 1);
        auto window = readyWindow();
        window->show();
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(model);
        QVERIFY(opened.wait(30000));
        window->showTab(2);
        auto *view = window->clusterView();
        auto *panel = window->agentsPanel();
        const auto offline = QStringLiteral("127.0.0.1:1"); // nothing listens there
        for (const auto *device : {&first, &second})
            QVERIFY(panel->addAgent(QString::fromStdString(device->address()),
                                    QStringLiteral("device")));
        QVERIFY(panel->addAgent(offline, QStringLiteral("device")));
        QVERIFY(panel->addAgent(QString::fromStdString(edge.address()), QStringLiteral("edge")));
        view->setSource(gui::ClusterView::Source::Project);
        QCOMPARE(view->agentList()->count(), 3);
        QVERIFY(view->isEnabled()); // while the agents are asked
        QTRY_VERIFY_WITH_TIMEOUT(view->agentList()->item(2)->text().contains(
                                     QStringLiteral("unreachable"), Qt::CaseInsensitive),
                                 30000);
        QCOMPARE(view->aggregatorBox()->count(), 2);
        view->aggregatorBox()->setCurrentIndex(1);
        QVERIFY(
            view->aggregatorBox()->currentText().contains(QString::fromStdString(edge.address())));
        QVERIFY(!view->planBox()->model()->index(2, 0).flags().testFlag(Qt::ItemIsEnabled));
        window->modelView()->selectSplit(2);
        QVERIFY(view->planBox()->model()->index(2, 0).flags().testFlag(Qt::ItemIsEnabled));
        view->planBox()->setCurrentIndex(2);
        view->runsBox()->setValue(2);
        view->warmupBox()->setValue(0);

        QSignalSpy finished(view, &gui::ClusterView::finished);
        view->runButton()->click();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(finished.at(0).at(1).toString().contains(offline),
                 qPrintable(finished.at(0).at(1).toString()));

        view->agentList()->item(2)->setCheckState(Qt::Unchecked);
        view->agentList()->item(1)->setCheckState(Qt::Unchecked);
        finished.clear();
        view->runButton()->click(); // one device is refused before anything starts
        QVERIFY(!view->isRunning());
        QVERIFY(view->log().contains(QStringLiteral("two device agents or more")));
        view->agentList()->item(1)->setCheckState(Qt::Checked);
        view->runButton()->click();
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(view->log()));

        store::Store db(window->projectPath().toStdString());
        const auto models = db.modelsNamed(model.toStdString());
        QCOMPARE(models.size(), size_t(1));
        const auto runs = db.clusters(models[0].id);
        QCOMPARE(runs.size(), size_t(1)); // the failed start stored no run
        const auto named = [](const std::string &resource, const char *agent) {
            return resource.rfind(std::string(agent) + "@", 0) == 0; // NAME@HOST
        };
        QCOMPARE(runs[0].devices.size(), size_t(2));
        QVERIFY(named(runs[0].devices[0], "gui-device-1"));
        QVERIFY(named(runs[0].devices[1], "gui-device-2"));
        QVERIFY(named(runs[0].aggregator, "gui-edge"));
        QCOMPARE(runs[0].segmentEnd, 2);
        QCOMPARE(db.clusterInferences(runs[0].id).size(), size_t(2));
        QCOMPARE(view->timelinePlot()->laneCount(), 3);

        // Export Ranking: the cluster's plans on the devices just timed, beside the splits.
        QTRY_VERIFY2_WITH_TIMEOUT(view->planning(), qPrintable(view->log()), 60000);
        // The plan before the next run is what Run would do: one segment up to the cut picked.
        view->replan();
        QCOMPARE(view->plannedChain().rounds.size(), size_t(1));
        QCOMPARE(view->plannedChain().rounds.back().end, 2);
        QTRY_VERIFY_WITH_TIMEOUT(!window->planView()->currentPlan().ranking.empty(), 60000);
        const auto json = dir.filePath(QStringLiteral("ranking.json"));
        QCOMPARE(window->exportRanking(json), QString());
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const auto doc = QJsonDocument::fromJson(jsonFile.readAll());
        const auto ways = doc[QStringLiteral("cluster")][QStringLiteral("ranking")].toArray();
        QJsonObject cluster;
        for (const auto &way : ways)
            if (way[QStringLiteral("kind")].toString() == QLatin1String("cluster"))
                cluster = way.toObject();
        QVERIFY2(!cluster.isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(doc).toJson())));
        const auto rows = cluster[QStringLiteral("rounds")][0][QStringLiteral("rows")].toObject();
        int64_t covered = 0;
        for (const auto &device : rows.keys()) {
            QVERIFY(named(device.toStdString(), "gui-device-1") ||
                    named(device.toStdString(), "gui-device-2"));
            covered += rows[device][1].toInteger() - rows[device][0].toInteger();
        }
        QCOMPARE(covered, int64_t(8)); // every row of the 8x8 input
        const auto csv = dir.filePath(QStringLiteral("ranking.csv"));
        QCOMPARE(window->exportRanking(csv), QString());
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const auto lines =
            QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const auto header = lines[0].split(QLatin1Char(','));
        const auto &ranking = window->planView()->currentPlan().ranking;
        QCOMPARE(header.indexOf(QStringLiteral("way")), header.indexOf(QStringLiteral("rows")) - 1);
        QCOMPARE(header.last(), QStringLiteral("fine_tuned")); // the accuracy columns last
        QStringList clusterRow;
        QString clusterRows;
        for (const auto &line : lines) {
            if (!line.contains(QStringLiteral(",cluster,")))
                continue;
            // Its last field quoted: "[0,2) 5/3"
            clusterRows = line.mid(line.indexOf(QLatin1Char('"')));
            clusterRow = line.left(line.indexOf(QLatin1Char('"'))).split(QLatin1Char(','));
        }
        QCOMPARE(clusterRow.size(), header.indexOf(QStringLiteral("rows")) + 1);
        QVERIFY2(clusterRows.startsWith(QStringLiteral("\"[0,2) ")), qPrintable(clusterRows));
        QVERIFY2(clusterRows.endsWith(QStringLiteral("\",,,,,")), qPrintable(clusterRows));
        const double total = clusterRow[header.indexOf(QStringLiteral("total_ms"))].toDouble();
        QVERIFY(std::abs(total / (cluster[QStringLiteral("total_s")].toDouble() * 1e3) - 1) <
                1e-8); // nine digits
        const auto faster = std::count_if(ranking.begin(), ranking.end(),
                                          [&](const auto &c) { return c.total_s * 1e3 < total; });
        QCOMPARE(clusterRow[0].toInt(), int(faster) + 1);

        // The project opened again shows its last run: the last inference measured over its
        // plan, the rows of both.
        gui::MainWindow again;
        QSignalSpy timings(&again, &gui::MainWindow::timingsOpened);
        again.openProject(window->projectPath(), model);
        QVERIFY(timings.wait(60000));
        auto *shown = again.clusterView();
        QTRY_VERIFY_WITH_TIMEOUT(shown->planning(), 60000);
        const auto drawn = shown->timelinePlot()->drawn();
        QVERIFY(std::any_of(drawn.begin(), drawn.end(), [](const auto &d) { return !d.planned; }));
        QVERIFY(std::any_of(drawn.begin(), drawn.end(), [](const auto &d) { return d.planned; }));
        QCOMPARE(shown->shareBar()->bars(0)->data()->size(), 2);
    }

    // Cancelled while the devices time their strips, the run ends with the calls in progress
    // (nothing of the interrupted timing is stored) and says it was cancelled.
    void clusterCancelsWhileTiming()
    {
        QTemporaryDir dir;
        remote::AgentProcess first("gui-timing-1", "device", 1),
            second("gui-timing-2", "device", 1);
        gui::ClusterJob job;
        job.project = dir.filePath(QStringLiteral("p.cleave"));
        job.model = QStringLiteral("zoo:resnet18");
        for (const auto *agent : {&first, &second})
            job.agents.push_back(
                {QString::fromStdString(agent->address()), QStringLiteral("device")});
        job.rounds = false;
        job.runs = 1;
        job.warmup = 0;
        gui::ClusterRunner runner(job);
        std::atomic<bool> timing{false};
        auto outcome = std::async(std::launch::async, [&] {
            try {
                runner.run({}, [&](const QString &line) {
                    if (line.contains(QStringLiteral("timing strips")))
                        timing = true;
                });
                return QStringLiteral("finished");
            } catch (const Error &e) {
                return QString::fromUtf8(e.what()) + (e.kind() == ErrorKind::Cancelled
                                                          ? QStringLiteral(" [cancelled]")
                                                          : QString());
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(timing, 120000);
        runner.cancel();
        const auto said = outcome.get();
        QVERIFY2(said.endsWith(QStringLiteral("[cancelled]")), qPrintable(said));
        store::Store db(job.project.toStdString());
        const auto models = db.modelsNamed("zoo:resnet18");
        QCOMPARE(models.size(), size_t(1));
        size_t stored = 0;
        for (const auto &r : db.resources())
            stored += db.stripTimings(models[0].id, db.addResource(r)).size();
        QCOMPARE(stored, size_t(0));
    }

    // A cluster of fewer than two devices, or a share out of range, is refused before any
    // agent starts, in one line; the view offers two devices at least.
    void clusterRefusesBadDevices()
    {
        QTemporaryDir dir;
        gui::ClusterJob job;
        job.project = dir.filePath(QStringLiteral("p.cleave"));
        job.model = QStringLiteral("zoo:resnet18");
        const auto refusal = [&](std::vector<double> shares) {
            job.shares = std::move(shares);
            try {
                gui::ClusterRunner(job).run({}, {});
            } catch (const Error &e) {
                return e.kind() == ErrorKind::InvalidInput ? QString::fromUtf8(e.what())
                                                           : QString();
            }
            return QString();
        };
        QVERIFY(refusal({0.5}).contains(QStringLiteral("two devices or more")));
        QVERIFY(refusal({0.5, 0.01}).contains(QStringLiteral("out of range")));
        QVERIFY(refusal({0.5, 1e6}).contains(QStringLiteral("out of range")));
        QVERIFY(!QFile::exists(job.project)); // refused before the project was touched
        gui::ClusterView view;
        QCOMPARE(view.devicesBox()->minimum(), 2);
    }

    // Closing the window while a benchmark runs cancels it and returns promptly.
    void closingCancelsARunningBenchmark()
    {
        auto window = readyWindow();
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(QStringLiteral("zoo:resnet18"));
        QVERIFY(opened.wait(60000));
        window->benchmarkPanel()->repsBox()->setValue(500);
        window->benchmarkPanel()->startButton()->click();
        QVERIFY(window->benchmarkPanel()->isRunning());
        QTest::qWait(1500); // agents started, measuring
        QElapsedTimer timer;
        timer.start();
        window->close();
        window.reset(); // waits for the cancelled job
        qInfo("closed a window with a running benchmark in %lld ms", timer.elapsed());
    }

    // The dark theme darkens the window and its plots (axes and text turn light); the light
    // theme turns them back; the choice is kept for the next window.
    void themesRecolourThePlots()
    {
        auto window = readyWindow();
        window->show();
        auto *plot = window->planView()->stackPlot();
        window->setTheme(gui::Theme::Dark);
        QTRY_VERIFY(gui::isDark(window->palette()));
        QVERIFY(plot->xAxis->labelColor().lightness() > 128);
        // The raw tensor's dashed line stays visible on the dark background.
        auto *raw = window->modelView()->sizesPlot()->rawGraph();
        QTRY_VERIFY(raw->pen().color().lightness() > 128);
        const QImage dark = plot->toPixmap(300, 200).toImage();
        QVERIFY(QColor(dark.pixel(2, 2)).lightness() < 80);
        window->setTheme(gui::Theme::Light);
        QTRY_VERIFY(!gui::isDark(window->palette()));
        QVERIFY(plot->xAxis->labelColor().lightness() < 128);
        QTRY_VERIFY(raw->pen().color().lightness() < 128);
        QVERIFY(QColor(plot->toPixmap(300, 200).toImage().pixel(2, 2)).lightness() > 200);
        // Following the system again: the platform's palette (light on the offscreen platform).
        window->setTheme(gui::Theme::System);
        QTRY_VERIFY(!gui::isDark(window->palette()));
        window->setTheme(gui::Theme::Dark);
        window.reset();
        QCOMPARE(readyWindow()->theme(), gui::Theme::Dark);
        QApplication::setPalette(gui::themePalette(gui::Theme::Light)); // for the tests after
    }

    // The export wizard writes a bundle with a fine-tuned TL on a Fashion-MNIST subset; an
    // occupied folder is refused on its page, an unwritable one when writing; cancelling
    // fine-tuning halfway writes nothing.
    // Fine-tuning ResNet-18 (3x224x224) on Fashion-MNIST (1x28x28) is refused on the data page,
    // naming both shapes, before anything runs; a model that takes Fashion-MNIST passes.
    void exportWizardChecksTheDataFirst()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/share/datasets/fashion-mnist")))
            QSKIP("needs the dataset-fashion-mnist package (make test installs it)");
        auto window = readyWindow();
        window->show();
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        const auto pass = [&](const QString &model) -> QString {
            window->openModel(model);
            if (!opened.wait(60000))
                return QStringLiteral("not opened");
            auto *wizard = window->openExportWizard();
            wizard->splitBox()->setValue(3);
            wizard->tlBox()->setCurrentText(QStringLiteral("maxpool2"));
            wizard->next();
            wizard->trainBox()->setChecked(true);
            wizard->dataEdit()->setText(QStringLiteral("fashion-mnist"));
            wizard->next();
            const auto why = wizard->currentId() == gui::ExportWizard::TrainingPage
                                 ? wizard->page(gui::ExportWizard::TrainingPage)->subTitle()
                                 : QString();
            wizard->close();
            return why;
        };
        const auto refused = pass(QStringLiteral("zoo:resnet18"));
        QVERIFY2(refused.contains(QStringLiteral("1x28x28")) &&
                     refused.contains(QStringLiteral("3x224x224")),
                 qPrintable(refused));
        QCOMPARE(pass(QStringLiteral("zoo:inspectnet")), QString());
    }

    void exportWizardWritesBundles()
    {
        QTemporaryDir dir;
        auto window = readyWindow();
        window->show();
        QVERIFY(!window->openExportWizard()); // no model yet
        QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
        window->openModel(QStringLiteral("zoo:inspectnet"));
        QVERIFY(opened.wait(60000));

        const auto run = [&](const std::function<void(gui::ExportWizard &)> &fill,
                             bool cancelHalfway) -> std::pair<bool, QString> {
            auto *wizard = window->openExportWizard();
            if (!wizard)
                return {false, QStringLiteral("no wizard")};
            QSignalSpy finished(wizard, &gui::ExportWizard::exportFinished);
            wizard->splitBox()->setValue(7);
            wizard->tlBox()->setCurrentText(QStringLiteral("maxpool2"));
            fill(*wizard);
            wizard->next();
            wizard->next();
            wizard->next();
            if (wizard->currentId() != gui::ExportWizard::RunPage) {
                const QString stuck = QStringLiteral("stayed on page %1").arg(wizard->currentId());
                wizard->close();
                return {false, stuck};
            }
            if (cancelHalfway) {
                // Fine-tuning has begun once the accuracy before it is known.
                for (int i = 0; i < 600 && !wizard->log().contains(QStringLiteral("top-1")); ++i)
                    QTest::qWait(100);
                wizard->button(QWizard::CancelButton)->click(); // cancels the running export
                if (!wizard->isVisible())
                    return {false, QStringLiteral("closed while the export ran")};
            }
            if (!finished.wait(300000))
                return {false, QStringLiteral("no end")};
            const auto result =
                std::pair{finished.at(0).at(0).toBool(), finished.at(0).at(1).toString()};
            wizard->close();
            return result;
        };

        const auto bundle = dir.filePath(QStringLiteral("bundle"));
        const auto [ok, message] = run(
            [&](gui::ExportWizard &w) {
                w.trainBox()->setChecked(true);
                w.trainLimitBox()->setValue(256);
                w.testLimitBox()->setValue(128);
                w.outputEdit()->setText(bundle);
            },
            false);
        QVERIFY2(ok, qPrintable(message));
        for (const auto *file : {"manifest.json", "device/head.pt", "edge/tail.pt"})
            QVERIFY2(QFile::exists(bundle + QLatin1Char('/') + QLatin1String(file)), file);
        QFile manifest(bundle + QStringLiteral("/manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const auto m = QJsonDocument::fromJson(manifest.readAll());
        QCOMPARE(m[QStringLiteral("split")].toInt(), 7);
        QCOMPARE(m[QStringLiteral("tl")].toString(), QStringLiteral("maxpool2"));
        QCOMPARE(m[QStringLiteral("training")][QStringLiteral("train_images")].toInt(), 256);

        // The next wizard starts from the last TL and proposes a new folder beside the last.
        {
            auto *next = window->openExportWizard();
            QCOMPARE(next->tlBox()->currentText(), QStringLiteral("maxpool2"));
            next->splitBox()->setValue(5);
            next->next();
            next->next();
            QCOMPARE(next->currentId(), int(gui::ExportWizard::OutputPage));
            QCOMPARE(next->outputEdit()->text(),
                     dir.filePath(QStringLiteral("inspectnet-split5-maxpool2")));
            next->close();
        }

        // The same folder again: refused on the output page, nothing runs.
        const auto [again, why] =
            run([&](gui::ExportWizard &w) { w.outputEdit()->setText(bundle); }, false);
        QVERIFY(!again);
        QCOMPARE(why, QStringLiteral("stayed on page %1").arg(gui::ExportWizard::OutputPage));

        const auto blocked = unwritablePath(dir, QStringLiteral("bundle"));
        const auto [written, reason] =
            run([&](gui::ExportWizard &w) { w.outputEdit()->setText(blocked); }, false);
        QVERIFY(!written);
        QVERIFY2(reason.contains(blocked) || reason.contains(QStringLiteral("/proc")),
                 qPrintable(reason));

        const auto cancelled = dir.filePath(QStringLiteral("cancelled"));
        const auto [finishedOk, cancelReason] = run(
            [&](gui::ExportWizard &w) {
                w.trainBox()->setChecked(true);
                w.trainLimitBox()->setValue(20000);
                w.testLimitBox()->setValue(128);
                w.outputEdit()->setText(cancelled);
            },
            true);
        QVERIFY(!finishedOk);
        QVERIFY2(cancelReason.contains(QStringLiteral("cancelled")), qPrintable(cancelReason));
        QVERIFY(!QFileInfo::exists(cancelled));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.partial-*")}).size(), 0);
    }

    // Every text has a German and a Korean translation, compiled into the library; with one
    // installed, the real window speaks it; the system language falls back to English.
    void translationsAreCompleteAndUsed()
    {
        for (const auto *language : {"en", "de", "ko"}) {
            QFile ts(QStringLiteral(CLEAVE_SOURCE_DIR "/translations/cleave_%1.ts")
                         .arg(QLatin1String(language)));
            QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
            QXmlStreamReader xml(&ts);
            int messages = 0, unfinished = 0, empty = 0;
            while (!xml.atEnd()) {
                if (xml.readNext() != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == QLatin1String("message"))
                    ++messages;
                if (xml.name() == QLatin1String("translation")) {
                    unfinished += xml.attributes().value(QLatin1String("type")) ==
                                  QLatin1String("unfinished");
                    // Plurals hold their forms in <numerusform> children.
                    empty += xml.readElementText(QXmlStreamReader::IncludeChildElements)
                                 .trimmed()
                                 .isEmpty();
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QVERIFY2(messages > 200, language);
            QCOMPARE(unfinished, 0);
            QCOMPARE(empty, 0);
            QVERIFY(
                QFile::exists(QStringLiteral(":/i18n/cleave_%1.qm").arg(QLatin1String(language))));
        }
        const auto fileMenu = [] {
            gui::MainWindow window;
            return window.menuBar()->actions().value(0)->text();
        };
        QCOMPARE(gui::installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(fileMenu(), QStringLiteral("&Datei"));
        // The planner's problems too, with the controls as the German window labels them.
        plan::PlanProblem conflict;
        conflict.kind = plan::PlanProblem::Kind::Conflict;
        conflict.demands = {plan::Demand::ofNumber(plan::Demand::Kind::MinSplit, 2),
                            plan::Demand::ofSeconds(plan::Demand::Kind::MaxDeviceTime, 0.1)};
        QCOMPARE(gui::ErrorText::problem(conflict),
                 QStringLiteral("Kleinster Schnitt 2 und Längste Gerätezeit 100 ms schließen "
                                "einander aus: kein Schnitt erfüllt beide."));
        // Numbers in the German way, plurals as German has them.
        QCOMPARE(plots::Numbers::milliseconds(0.0123), QStringLiteral("12,3 ms"));
        QCOMPARE(plots::Numbers::splits(1), QStringLiteral("1 Schnitt"));
        QCOMPARE(plots::Numbers::splits(2), QStringLiteral("2 Schnitte"));
        QCOMPARE(gui::installTranslations(QStringLiteral("ko")), QStringLiteral("ko"));
        QCOMPARE(fileMenu(), QStringLiteral("파일(&F)"));
        QCOMPARE(plots::Numbers::blocks(3), QStringLiteral("블록 3개"));
        QCOMPARE(gui::installTranslations(QStringLiteral("fr")), QStringLiteral("en"));
        QCOMPARE(fileMenu(), QStringLiteral("&File"));
        QCOMPARE(gui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(plots::Numbers::splits(1), QStringLiteral("1 split"));
        QCOMPARE(plots::Numbers::runs(10), QStringLiteral("10 runs"));
        QCOMPARE(plots::Numbers::significant(1234.5), QStringLiteral("1,235"));
    }

    // Plots export as PNG (at a DPI), PDF and SVG; the ranking as CSV and JSON, matching the
    // ranking shown; bad formats and unwritable folders give a reason naming the file.
    // 1280x800 holds the window in every language and on every tab: it never grows itself.
    void fitsTheSmallScreenInEveryLanguage()
    {
        // English again afterwards, whatever happens here.
        const auto english = qScopeGuard([] { gui::installTranslations(QStringLiteral("en")); });
        for (const auto *language : {"en", "de", "ko"}) {
            gui::installTranslations(QString::fromLatin1(language));
            auto window = readyWindow();
            // A model open, so the Model dock draws its sizes; the plan from toy timings.
            QSignalSpy opened(window.get(), &gui::MainWindow::modelOpened);
            window->openModel(QStringLiteral("zoo:inspectnet"));
            QVERIFY(opened.wait(30000));
            window->planView()->setPlanner(slowDeviceFastEdge());
            // Bars drawn, so the legend names their parts.
            QTRY_VERIFY(window->planView()->stackPlot()->legend->itemCount() > 3);
            window->resize(1280, 800);
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            for (int tab = 0; tab < 4; ++tab) {
                window->showTab(tab);
                QTest::qWait(50);
                if (tab == 3) // the graph, with its legend, once laid out
                    QTRY_VERIFY_WITH_TIMEOUT(window->graphView()->isLaidOut(), 30000);
                const auto hint = window->minimumSizeHint();
                qInfo("%s, tab %d: minimum %dx%d, size %dx%d", language, tab, hint.width(),
                      hint.height(), window->width(), window->height());
                QVERIFY2(window->size() == QSize(1280, 800),
                         qPrintable(QStringLiteral("%1 tab %2: %3x%4")
                                        .arg(QLatin1String(language))
                                        .arg(tab)
                                        .arg(window->width())
                                        .arg(window->height())));
                for (auto *plot : window->findChildren<QCustomPlot *>()) {
                    if (!plot->isVisible())
                        continue;
                    plot->replot(QCustomPlot::rpImmediateRefresh);
                    const auto clipped = clippedTexts(plot);
                    QVERIFY2(clipped.isEmpty(),
                             qPrintable(QStringLiteral("%1 tab %2: %3")
                                            .arg(QLatin1String(language))
                                            .arg(tab)
                                            .arg(clipped.join(QStringLiteral("; ")))));
                }
            }
        }
    }

    void exportsPlotsAndRankings()
    {
        QTemporaryDir dir;
        auto window = readyWindow();
        window->show();
        QVERIFY(window->exportRanking(dir.filePath(QStringLiteral("none.csv")))
                    .contains(QStringLiteral("no ranking")));
        window->planView()->setPlanner(slowDeviceFastEdge());
        const auto png = dir.filePath(QStringLiteral("stacks.png"));
        QCOMPARE(window->exportPlot(png, {400, 300}, 192), QString());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 600));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 192);
        // A 192-DPI PNG is the 96-DPI one with twice the pixels: scaled back down, the two differ
        // by anti-aliasing and hinting only (about 3.6 of 255 here; text drawn 4x too big, with
        // clipped titles, differs by 12).
        const auto low = dir.filePath(QStringLiteral("low.png"));
        QCOMPARE(window->exportPlot(low, {400, 300}, 96), QString());
        const QImage small = QImage(low).convertToFormat(QImage::Format_Grayscale8);
        const QImage shrunk =
            image.scaled(small.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                .convertToFormat(QImage::Format_Grayscale8);
        double difference = 0;
        for (int y = 0; y < small.height(); ++y)
            for (int x = 0; x < small.width(); ++x)
                difference += std::abs(int(small.pixelColor(x, y).value()) -
                                       int(shrunk.pixelColor(x, y).value()));
        difference /= double(small.width() * small.height());
        qInfo("mean difference of the 192-DPI PNG scaled down from the 96-DPI one: %.2f of 255",
              difference);
        QVERIFY2(difference < 6, qPrintable(QString::number(difference)));
        for (const auto &[name, magic] :
             {std::pair{"stacks.pdf", "%PDF"}, {"stacks.svg", "<?xml"}}) {
            const auto path = dir.filePath(QString::fromLatin1(name));
            QCOMPARE(window->exportPlot(path, {640, 360}), QString());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.read(5).startsWith(magic));
        }
        QVERIFY(window->exportPlot(dir.filePath(QStringLiteral("x.bmp")), {400, 300})
                    .contains(QStringLiteral("unknown image format")));
        const auto blocked = unwritablePath(dir, QStringLiteral("stacks.png"));
        const auto reason = window->exportPlot(blocked, {400, 300});
        QVERIFY2(reason.startsWith(blocked), qPrintable(reason));

        // The ranking lists as many rows as asked, and Export Ranking writes those.
        window->planView()->rowsBox()->setValue(3);
        QCOMPARE(window->planView()->rankingModel()->rowCount(), 3);
        const auto csv = dir.filePath(QStringLiteral("ranking.csv"));
        QCOMPARE(window->exportRanking(csv), QString());
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const auto lines =
            QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const auto &ranking = window->planView()->rankingModel()->ranking();
        QCOMPARE(lines.size(), 3 + 1);
        QCOMPARE(lines.size(), int(ranking.size()) + 1);
        QVERIFY(lines[0].startsWith(QStringLiteral("rank,split,")));
        QCOMPARE(lines[1].section(QLatin1Char(','), 1, 1).toInt(), ranking[0].s1);
        const auto json = dir.filePath(QStringLiteral("ranking.json"));
        QCOMPARE(window->exportRanking(json), QString());
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const auto doc = QJsonDocument::fromJson(jsonFile.readAll());
        const auto first = doc[QStringLiteral("ranking")][0];
        QCOMPARE(first[QStringLiteral("splits")][0].toInt(), ranking[0].s1);
        QCOMPARE(first[QStringLiteral("total_s")].toDouble(), ranking[0].total_s);
        QVERIFY(window->exportRanking(dir.filePath(QStringLiteral("r.xls")))
                    .contains(QStringLiteral("unknown format")));
        const auto blockedCsv = unwritablePath(dir, QStringLiteral("ranking.csv"));
        QVERIFY(window->exportRanking(blockedCsv).startsWith(blockedCsv));
    }
};

CLEAVE_TEST_MAIN(TestGui)
#include "tst_gui.moc"
