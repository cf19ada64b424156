// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench on the offscreen platform: its item models under QAbstractItemModelTester, the
// plan view re-ranking as the bandwidth slider moves, and the real window opening a model and
// a store that `cleave-cli bench --local` wrote, with the work on worker threads.
#include "clirunner.h"
#include "testmain.h"

#include "app/gui/cuttablemodel.h"
#include "app/gui/mainwindow.h"
#include "app/gui/modelview.h"
#include "app/gui/planview.h"
#include "app/gui/rankingmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>

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

int bestSplit(const gui::PlanView &view)
{
    return view.rankingModel()->ranking().at(0).s1;
}

} // namespace

class TestGui : public QObject
{
    Q_OBJECT

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
        QCOMPARE(cuts.data(cuts.index(1, gui::CutTableModel::Megabytes)).toString(),
                 QStringLiteral("0.002"));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&cuts);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSortRole(Qt::UserRole);
        proxy.sort(gui::CutTableModel::Megabytes, Qt::DescendingOrder);
        QCOMPARE(proxy.data(proxy.index(0, gui::CutTableModel::Index)).toInt(), 1);

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
    }

    // The real window: a model benched by real agents, opened with its store; selecting a split
    // in the cut table selects it in the ranking; a broken file is reported, nothing blocks.
    void windowOpensAModelAndItsTimings()
    {
        QTemporaryDir dir;
        const auto model = dir.filePath(QStringLiteral("chain.pt"));
        QVERIFY(QFile::copy(testing::fixture("chain.pt"), model));
        const auto db = dir.filePath(QStringLiteral("chain.cleave"));
        const auto bench =
            testing::runCli(QStringLiteral(CLEAVE_CLI),
                            {QStringLiteral("bench"), model, QStringLiteral("--local"),
                             QStringLiteral("--db"), db, QStringLiteral("--warmup"),
                             QStringLiteral("1"), QStringLiteral("--reps"), QStringLiteral("3")});
        QVERIFY2(bench.exitCode == 0, bench.err.constData());

        gui::MainWindow window;
        QSignalSpy opened(&window, &gui::MainWindow::modelOpened);
        QSignalSpy timings(&window, &gui::MainWindow::timingsOpened);
        QSignalSpy failed(&window, &gui::MainWindow::openFailed);
        window.show();
        window.openModel(model, db);
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
        QVERIFY(!reason.contains(QLatin1Char('\n')));
        // The model that was open stays open.
        QCOMPARE(window.currentModel(), model);
    }
};

CLEAVE_TEST_MAIN(TestGui)
#include "tst_gui.moc"
