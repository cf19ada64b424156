// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"
#include "testmodels.h"

#include "core/error.h"
#include "core/graph/modelgraph.h"
#include "core/graph/verifier.h"

using namespace cleave;
using cleave::testing::fixture;

namespace {

torch::Tensor run(torch::jit::Module &m, const torch::Tensor &x)
{
    c10::InferenceMode guard;
    return m.forward({x}).toTensor();
}

double relativeDiff(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>() / std::max(b.abs().max().item<double>(), 1e-12);
}

graph::ModelGraph atNodes(const QString &file, int maxCuts = graph::CutOptions{}.maxCuts)
{
    return graph::ModelGraph::load(file.toStdString(), std::nullopt,
                                   graph::ModelGraph::Original::Keep,
                                   {graph::Granularity::Node, maxCuts});
}

// The inputs of a slice's forward, self aside.
size_t inputCount(const torch::jit::Module &m)
{
    return m.get_method("forward").function().getSchema().arguments().size() - 1;
}

} // namespace

class TestSlicer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *name :
             {"chain.pt", "residual.pt", "twobranch.pt", "inception.pt", "sizes.pt"})
            QTest::newRow(name) << fixture(name);
    }

    // head [0, s) and tail [s, K) saved to files and reloaded give exactly what the in-memory
    // slices give, and together what the whole model gives.
    void headAndTailRoundTripThroughFiles_data() { fixtures_data(); }
    void headAndTailRoundTripThroughFiles()
    {
        QFETCH(QString, file);
        const auto g = graph::ModelGraph::load(file.toStdString());
        const auto x = g.sampleInput(3);
        const auto expected = g.forward(x);
        QTemporaryDir dir;
        for (int s = 0; s <= g.blockCount(); ++s) {
            auto head = g.head(s);
            auto tail = g.tail(s);
            const auto headPath = dir.filePath(QStringLiteral("head%1.pt").arg(s)).toStdString();
            const auto tailPath = dir.filePath(QStringLiteral("tail%1.pt").arg(s)).toStdString();
            head.save(headPath);
            tail.save(tailPath);
            auto loadedHead = torch::jit::load(headPath);
            auto loadedTail = torch::jit::load(tailPath);

            const auto middle = run(head, x);
            QCOMPARE(middle.sizes().vec(), g.cuts()[size_t(s)].shape());
            const auto loadedMiddle = run(loadedHead, x);
            QVERIFY2(torch::equal(middle, loadedMiddle),
                     qPrintable(QStringLiteral("head %1").arg(s)));
            const auto output = run(tail, middle);
            QVERIFY2(torch::equal(output, run(loadedTail, loadedMiddle)),
                     qPrintable(QStringLiteral("tail %1").arg(s)));
            QVERIFY2(relativeDiff(output, expected) < 1e-5,
                     qPrintable(QStringLiteral("split %1").arg(s)));
        }
    }

    // Any range [a, b) is a standalone module: chaining [0, a), [a, b), [b, K) is the model.
    void middleRangesCompose_data() { fixtures_data(); }
    void middleRangesCompose()
    {
        QFETCH(QString, file);
        const auto g = graph::ModelGraph::load(file.toStdString());
        const auto x = g.sampleInput(5);
        const auto expected = g.forward(x);
        const int k = g.blockCount();
        for (int a = 0; a <= k; ++a) {
            for (int b = a; b <= k; ++b) {
                auto first = g.slice(0, a);
                auto middle = g.slice(a, b);
                auto last = g.slice(b, k);
                const auto y = run(last, run(middle, run(first, x)));
                QVERIFY2(relativeDiff(y, expected) < 1e-5,
                         qPrintable(QStringLiteral("[%1, %2)").arg(a).arg(b)));
            }
        }
    }

    // The tail of the sizes model gets only the cut tensor: the sizes it read from the input
    // are re-created inside it.
    void rematerialisesShapesReadBeforeTheCut()
    {
        const auto g = graph::ModelGraph::load(fixture("sizes.pt").toStdString());
        auto tail = g.tail(2);
        QCOMPARE(tail.get_method("forward").function().getSchema().arguments().size(), size_t(2));
        const auto middle = torch::zeros({1, 4, 5, 4});
        QCOMPARE(run(tail, middle).sizes().vec(), (std::vector<int64_t>{1, 252}));
    }

    void rejectsRangesOutsideTheModel()
    {
        const auto g = graph::ModelGraph::load(fixture("chain.pt").toStdString());
        for (const auto &[a, b] : {std::pair{-1, 2}, std::pair{0, 7}, std::pair{4, 3}}) {
            try {
                g.slice(a, b);
                QFAIL("slice accepted a range outside the model");
            } catch (const Error &e) {
                QCOMPARE(int(e.kind()), int(ErrorKind::InvalidInput));
                QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("outside 0..6")),
                         e.what());
            }
        }
    }

    void verifierPassesEveryFixtureSplit_data() { fixtures_data(); }
    void verifierPassesEveryFixtureSplit()
    {
        QFETCH(QString, file);
        const auto g = graph::ModelGraph::load(file.toStdString());
        const auto report = graph::verifySplits(g);
        QCOMPARE(int(report.splits.size()), g.blockCount() + 1);
        QVERIFY(report.outputMagnitude > 0);
        QVERIFY(report.passed());
    }

    void verifierReportsDifferencesAboveTolerance()
    {
        // Freezing folds BatchNorm into the convolutions, which changes the last bits: a
        // tolerance of zero must catch that.
        const auto g =
            graph::ModelGraph::fromModule(testing::demoModel(), "demo", testing::kDemoInputShape);
        const auto report = graph::verifySplits(g, 0.0);
        QVERIFY(!report.passed());
        QVERIFY(std::any_of(report.splits.begin(), report.splits.end(),
                            [](const graph::SplitCheck &c) { return c.maxAbsDiff > 0; }));
    }

    // At node granularity every node boundary whose crossing values are all tensors is a cut:
    // a residual or branching model gains cuts that several tensors cross. The head returns
    // them as a tuple in the cut's order, the tail takes them as separate inputs, and saved
    // and reloaded they give what the model gives.
    void nodeCutsCarryEveryCrossingTensor_data() { fixtures_data(); }
    void nodeCutsCarryEveryCrossingTensor()
    {
        QFETCH(QString, file);
        const auto blocks = graph::ModelGraph::load(file.toStdString());
        const auto g = atNodes(file);
        QCOMPARE(g.granularity(), graph::Granularity::Node);
        QVERIFY(g.blockCount() >= blocks.blockCount());
        const auto x = g.sampleInput(3);
        const auto expected = g.forward(x);
        QTemporaryDir dir;
        int several = 0;
        for (int s = 0; s <= g.blockCount(); ++s) {
            const auto &cut = g.cuts()[size_t(s)];
            several += cut.single() ? 0 : 1;
            int64_t bytes = 0;
            for (const auto &t : cut.tensors)
                bytes += t.bytes;
            QCOMPARE(cut.bytes, bytes);

            auto head = g.head(s);
            auto tail = g.tail(s);
            QCOMPARE(inputCount(tail), cut.tensors.size());
            const auto path = dir.filePath(QStringLiteral("head%1.pt").arg(s)).toStdString();
            head.save(path);
            const auto middle = graph::runOnce(head, graph::Tensors{x});
            const auto reloaded = graph::runOnce(torch::jit::load(path), graph::Tensors{x});
            QCOMPARE(middle.size(), cut.tensors.size());
            for (size_t i = 0; i < middle.size(); ++i) {
                QCOMPARE(middle[i].sizes().vec(), cut.tensors[i].shape);
                QVERIFY(torch::equal(middle[i], reloaded[i]));
            }
            const auto output = graph::runOnce(tail, middle);
            QCOMPARE(output.size(), size_t(1));
            QVERIFY2(relativeDiff(output.front(), expected) < 1e-5,
                     qPrintable(QStringLiteral("split %1").arg(s)));
        }
        const bool branches = !file.endsWith(QStringLiteral("chain.pt")) &&
                              !file.endsWith(QStringLiteral("sizes.pt"));
        QCOMPARE(several > 0, branches);
    }

    // Every tensor a node cut carries is needed after it: each input of the tail is read
    // inside it or passed on to the tail's output. And chaining any ranges gives the model.
    void nodeCutsCarryNothingUnneeded_data() { fixtures_data(); }
    void nodeCutsCarryNothingUnneeded()
    {
        QFETCH(QString, file);
        const auto g = atNodes(file);
        const auto x = g.sampleInput(5);
        const auto expected = g.forward(x);
        const int k = g.blockCount();
        for (int s = 1; s < k; ++s) {
            const auto graph = g.tail(s).get_method("forward").graph();
            for (size_t i = 1; i < graph->inputs().size(); ++i)
                QVERIFY2(graph->inputs()[i]->hasUses(),
                         qPrintable(QStringLiteral("cut %1, tensor %2").arg(s).arg(i - 1)));
        }
        for (int a = 0; a <= k; a += std::max(1, k / 6)) {
            for (int b = a; b <= k; b += std::max(1, k / 6)) {
                const auto y = graph::runOnce(
                    g.slice(b, k),
                    graph::runOnce(g.slice(a, b),
                                   graph::runOnce(g.slice(0, a), graph::Tensors{x})));
                QVERIFY2(relativeDiff(y.front(), expected) < 1e-5,
                         qPrintable(QStringLiteral("[%1, %2)").arg(a).arg(b)));
            }
        }
    }

    // The verifier splits at every node cut too.
    void verifierPassesEveryNodeCut_data() { fixtures_data(); }
    void verifierPassesEveryNodeCut()
    {
        QFETCH(QString, file);
        const auto g = atNodes(file);
        const auto report = graph::verifySplits(g, 1e-5);
        QCOMPARE(int(report.splits.size()), g.blockCount() + 1);
        QVERIFY(report.passed());
    }

    // A model with more node cuts than allowed is refused with both numbers.
    void refusesMoreNodeCutsThanAllowed()
    {
        const auto all = atNodes(fixture("residual.pt"));
        const int cuts = all.blockCount() + 1;
        try {
            atNodes(fixture("residual.pt"), cuts - 1);
            QFAIL("a model with too many cuts was analysed");
        } catch (const graph::TooManyCuts &e) {
            QCOMPARE(e.cuts(), cuts);
            QCOMPARE(e.limit(), cuts - 1);
            QCOMPARE(int(e.kind()), int(ErrorKind::InvalidInput));
            QVERIFY2(QString::fromUtf8(e.what()).contains(
                         QStringLiteral("node granularity yields %1 cuts, more than the limit "
                                        "of %2")
                             .arg(cuts)
                             .arg(cuts - 1)),
                     e.what());
        }
        QCOMPARE(atNodes(fixture("residual.pt"), cuts).blockCount() + 1, cuts);
    }

    void verifierCancels()
    {
        const auto g = graph::ModelGraph::load(fixture("chain.pt").toStdString());
        int calls = 0;
        try {
            graph::verifySplits(g, 1e-4, 0, [&](double, std::string_view) { return ++calls < 3; });
            QFAIL("verification was not cancelled");
        } catch (const Error &e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::Cancelled));
        }
        QCOMPARE(calls, 3);
    }
};

CLEAVE_TEST_MAIN(TestSlicer)
#include "tst_slicer.moc"
