// SPDX-License-Identifier: GPL-3.0-or-later
// The Inserter and the Splitter on real TorchScript models: the TL model trains (gradients reach
// both sides of the cut), saves and reloads, and its two halves reproduce it exactly.
#include "testmain.h"
#include "testmodels.h"

#include "core/error.h"
#include "core/tl/inserter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cleave;

namespace {

graph::ModelGraph demo(const graph::Shape &input = testing::kDemoInputShape)
{
    return graph::ModelGraph::fromModule(testing::demoModel(), "demo", input);
}

torch::Tensor run(torch::jit::Module m, const torch::Tensor &x)
{
    return m.forward({x}).toTensor();
}

} // namespace

class TestInserter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertsAtAMiddleCut()
    {
        const auto g = demo();
        const auto tl = tl::insertTransferLayer(g, 7, tl::TlSpec::parse("maxpool2"));
        QCOMPARE(tl.cutShape, (graph::Shape{1, 32, 16, 16}));
        QCOMPARE(tl.wireShape, (graph::Shape{1, 32, 8, 8}));
        const auto x = g.sampleInput(1);
        const auto y = run(tl.module, x);
        QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{1, 10}));
        // The TL loses detail: the output differs from the model's.
        QVERIFY(!torch::allclose(y, g.forward(x), 1e-4, 1e-4));
        // Every weight is trainable again, on both sides of the cut.
        int before = 0, after = 0;
        for (const auto &p : tl.module.named_parameters()) {
            (p.name.rfind("before_", 0) == 0 ? before : after) += 1;
        }
        QVERIFY(before > 0 && after > 0);
        QCOMPARE(tl::trainableParameters(tl, true).size(), size_t(after));
        QCOMPARE(tl::trainableParameters(tl, false).size(), size_t(before + after));
    }

    void gradientsFlowThroughTheTl()
    {
        const auto g = demo();
        auto tl = tl::insertTransferLayer(g, 5, tl::TlSpec::parse("avgpool2+c4"));
        tl.module.train();
        for (auto p : tl.module.parameters())
            p.set_requires_grad(true);
        const auto x = torch::randn({4, 3, 32, 32});
        const auto loss = at::nll_loss(at::log_softmax(run(tl.module, x), 1),
                                       torch::tensor({1, 2, 3, 4}, torch::kLong));
        loss.backward();
        int withGradient = 0;
        for (const auto &p : tl.module.named_parameters())
            if (p.value.grad().defined() && p.value.grad().abs().sum().item<double>() > 0)
                ++withGradient;
        // All weights get a gradient, the TL's 1x1 convolutions included.
        QCOMPARE(withGradient, int(tl.module.named_parameters().size()));
        QVERIFY(tl.module.hasattr("tl_reduce") && tl.module.hasattr("tl_restore"));
    }

    // head then tail equals the TL model, the wire carries exactly a quarter (maxpool2) or a
    // sixteenth (maxpool4) of the cut for even sizes, and every module saves and reloads.
    void splitsBetweenDeviceTlAndEdgeTl_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("cut");
        QTest::addColumn<int>("divisor");
        QTest::newRow("maxpool2 at 4") << QStringLiteral("maxpool2") << 4 << 4;
        QTest::newRow("maxpool4 at 2") << QStringLiteral("maxpool4") << 2 << 16;
        QTest::newRow("avgpool2 at input") << QStringLiteral("avgpool2") << 0 << 4;
        QTest::newRow("maxpool2+c4 at 8") << QStringLiteral("maxpool2+c4") << 8 << 16;
    }

    void splitsBetweenDeviceTlAndEdgeTl()
    {
        QFETCH(QString, spec);
        QFETCH(int, cut);
        QFETCH(int, divisor);
        const auto g = demo();
        const auto tl = tl::insertTransferLayer(g, cut, tl::TlSpec::parse(spec.toStdString()));
        const auto split = tl::splitAtTransferLayer(tl);
        const auto x = g.sampleInput(3);
        const auto wire = run(split.head, x);
        QCOMPARE(wire.sizes().vec(), tl.wireShape);
        QCOMPARE(wire.numel() * divisor, graph::elementCount(tl.cutShape));
        const auto whole = run(tl.module, x);
        const auto halves = run(split.tail, wire);
        QVERIFY((whole - halves).abs().max().item<double>() <= 1e-5);

        // The four pieces the Offloader runs: blocks, DeviceTL | EdgeTL, blocks.
        const auto &pieces = split.graph;
        QVERIFY(cut < split.wireCut && split.wireCut < split.restoredCut);
        QCOMPARE(pieces.cuts()[size_t(split.restoredCut)].shape(), tl.cutShape);
        auto cutTensor = cut > 0 ? run(pieces.slice(0, cut), x) : x;
        const auto sent = run(pieces.slice(cut, split.wireCut), cutTensor);
        QVERIFY(torch::equal(sent, wire));
        const auto restored = run(pieces.slice(split.wireCut, split.restoredCut), sent);
        QCOMPARE(restored.sizes().vec(), tl.cutShape);
        const auto fromPieces = run(pieces.slice(split.restoredCut, pieces.blockCount()), restored);
        QVERIFY((fromPieces - halves).abs().max().item<double>() <= 1e-6);

        QTemporaryDir dir;
        const auto head = dir.filePath(QStringLiteral("head.pt")).toStdString();
        const auto tail = dir.filePath(QStringLiteral("tail.pt")).toStdString();
        const auto model = dir.filePath(QStringLiteral("tl.pt")).toStdString();
        split.head.save(head);
        split.tail.save(tail);
        tl.module.save(model);
        const auto reloaded = run(torch::jit::load(tail), run(torch::jit::load(head), x));
        QVERIFY(torch::equal(reloaded, halves));
        auto again = torch::jit::load(model);
        QVERIFY(torch::equal(run(again, x), whole));
        QCOMPARE(again.named_parameters().size(), tl.module.named_parameters().size());
    }

    // EdgeTL restores the exact size: odd H and W survive the pooling's ceil mode.
    void oddSizesAreRestored()
    {
        const auto g = demo({1, 3, 33, 35});
        const auto tl = tl::insertTransferLayer(g, 3, tl::TlSpec::parse("maxpool4"));
        QCOMPARE(tl.cutShape, (graph::Shape{1, 16, 33, 35}));
        QCOMPARE(tl.wireShape, (graph::Shape{1, 16, 9, 9}));
        const auto split = tl::splitAtTransferLayer(tl);
        const auto x = g.sampleInput(0);
        QVERIFY(
            (run(split.tail, run(split.head, x)) - run(tl.module, x)).abs().max().item<double>() <=
            1e-5);
    }

    void refusesCutsItCannotUse_data()
    {
        QTest::addColumn<int>("cut");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("out of range") << 18 << QStringLiteral("maxpool2")
                                      << QStringLiteral("demo: split 18 is out of range 0..17");
        QTest::newRow("negative") << -1 << QStringLiteral("maxpool2")
                                  << QStringLiteral("demo: split -1 is out of range 0..17");
        QTest::newRow("not 4-D") << 16 << QStringLiteral("maxpool2")
                                 << QStringLiteral("demo: maxpool2 cannot apply at split 16, a "
                                                   "1x64 tensor (it needs N x C x H x W with H, "
                                                   "W > 1)");
        QTest::newRow("1x1 spatial") << 15 << QStringLiteral("avgpool4")
                                     << QStringLiteral("demo: avgpool4 cannot apply at split 15, "
                                                       "a 1x64x1x1 tensor");
        QTest::newRow("channels not divisible")
            << 0 << QStringLiteral("maxpool2+c4")
            << QStringLiteral("demo: maxpool2+c4 cannot apply at split 0, a 1x3x32x32 tensor (it "
                              "needs N x C x H x W with H, W > 1 and C divisible by 4)");
    }

    void refusesCutsItCannotUse()
    {
        QFETCH(int, cut);
        QFETCH(QString, spec);
        QFETCH(QString, message);
        const auto g = demo();
        QCOMPARE(testing::errorOf([&] {
                     tl::insertTransferLayer(g, cut, tl::TlSpec::parse(spec.toStdString()));
                 }).left(message.size()),
                 message);
    }
};

CLEAVE_TEST_MAIN(TestInserter)
#include "tst_inserter.moc"
