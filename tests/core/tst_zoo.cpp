// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"

#include "core/error.h"
#include "core/graph/verifier.h"
#include "core/zoo/zoo.h"

#include <QProcess>
#include <QSet>

#include <set>
#include <sstream>

using namespace cleave;
using cleave::testing::errorOf;

namespace {

int64_t parameterCount(const torch::jit::Module &m)
{
    int64_t n = 0;
    for (const auto &p : m.parameters())
        n += p.numel();
    return n;
}

std::string savedBytes(const torch::jit::Module &m)
{
    std::ostringstream out;
    m.save(out);
    return out.str();
}

} // namespace

class TestZoo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The reference implementations' counts (torchvision; Keras' trainable parameters for
    // Inception-ResNet-v2, whose BatchNorm has no scale).
    void parameterCountsMatchTheReferences_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("parameters");
        QTest::newRow("resnet18") << QStringLiteral("resnet18") << qint64(11689512);
        QTest::newRow("resnet50") << QStringLiteral("resnet50") << qint64(25557032);
        QTest::newRow("resnet101") << QStringLiteral("resnet101") << qint64(44549160);
        QTest::newRow("resnet152") << QStringLiteral("resnet152") << qint64(60192808);
        QTest::newRow("densenet121") << QStringLiteral("densenet121") << qint64(7978856);
        QTest::newRow("densenet169") << QStringLiteral("densenet169") << qint64(14149480);
        QTest::newRow("densenet201") << QStringLiteral("densenet201") << qint64(20013928);
        QTest::newRow("inception_v3") << QStringLiteral("inception_v3") << qint64(23834568);
        QTest::newRow("inception_resnet_v2")
            << QStringLiteral("inception_resnet_v2") << qint64(55813192);
        QTest::newRow("mobilenet_v2") << QStringLiteral("mobilenet_v2") << qint64(3504872);
        QTest::newRow("vgg16") << QStringLiteral("vgg16") << qint64(138357544);
        QTest::newRow("inspectnet (ours)") << QStringLiteral("inspectnet") << qint64(140458);
        // Counted from the architecture: double convolutions 3-32, 32-64, ..., 256-512
        // (4,714,208), transposed convolutions with their double convolutions 512-256, ...,
        // 64-32 (3,048,800) and the 1x1 output convolution (66).
        QTest::newRow("unet (ours)") << QStringLiteral("unet") << qint64(7763074);
    }
    void parameterCountsMatchTheReferences()
    {
        QFETCH(QString, name);
        QFETCH(qint64, parameters);
        const auto model = zoo::build(name.toStdString());
        QCOMPARE(parameterCount(model), parameters);
        // The figure an agent checks against its memory limit before building the model.
        QCOMPARE(zoo::find(name.toStdString()).parameters, int64_t(parameters));
        // BatchNorm statistics are buffers, not parameters.
        const bool hasBatchNorm = name != QStringLiteral("vgg16");
        QCOMPARE(model.buffers().size() > 0, hasBatchNorm);
        QVERIFY(!model.is_training());
    }

    void everyModelIsListed()
    {
        QSet<QString> names;
        for (const auto &m : zoo::models())
            names << QString::fromStdString(m.name);
        QCOMPARE(names.size(), 13);
        QVERIFY(names.contains(QStringLiteral("inspectnet")));
        QVERIFY(names.contains(QStringLiteral("unet")));
    }

    // Output shape and block count at the default input; the counts follow from the
    // architectures (e.g. ResNet-18: stem conv, ReLU, max-pool; 8 blocks ending in add and
    // ReLU; pool, flatten, fc = 22).
    void analysesAtTheDefaultInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("blocks");
        QTest::addColumn<qint64>("classes");
        QTest::newRow("resnet18") << QStringLiteral("resnet18") << 22 << qint64(1000);
        QTest::newRow("resnet50") << QStringLiteral("resnet50") << 38 << qint64(1000);
        QTest::newRow("resnet152") << QStringLiteral("resnet152") << 106 << qint64(1000);
        QTest::newRow("densenet121") << QStringLiteral("densenet121") << 78 << qint64(1000);
        QTest::newRow("inception_v3") << QStringLiteral("inception_v3") << 26 << qint64(1000);
        QTest::newRow("inception_resnet_v2")
            << QStringLiteral("inception_resnet_v2") << 99 << qint64(1000);
        QTest::newRow("mobilenet_v2") << QStringLiteral("mobilenet_v2") << 50 << qint64(1000);
        QTest::newRow("vgg16") << QStringLiteral("vgg16") << 38 << qint64(1000);
        QTest::newRow("inspectnet") << QStringLiteral("inspectnet") << 15 << qint64(10);
    }
    void analysesAtTheDefaultInput()
    {
        QFETCH(QString, name);
        QFETCH(int, blocks);
        QFETCH(qint64, classes);
        const auto g = zoo::openModel("zoo:" + name.toStdString());
        QCOMPARE(g.inputShape(), zoo::find(name.toStdString()).defaultInput);
        QCOMPARE(g.outputShape(), (graph::Shape{1, classes}));
        QCOMPARE(g.blockCount(), blocks);
    }

    // The U-Net maps each pixel to its classes. Its skip connections leave single-tensor cuts
    // only in the first double convolution and from the last concatenation on; at node
    // granularity it splits anywhere, and after the bottleneck the four skips cross with it.
    void unetCutsOnlyAtItsEndsUnlessAtNodes()
    {
        const auto g = zoo::openModel("zoo:unet");
        QCOMPARE(g.outputShape(), (graph::Shape{1, 2, 256, 256}));
        for (const auto &cut : g.cuts()) {
            const bool ends = cut.label == "input" || cut.label.rfind("inc", 0) == 0 ||
                              cut.label.rfind("up4", 0) == 0 || cut.label.rfind("outc", 0) == 0;
            QVERIFY2(ends, cut.label.c_str());
        }
        const auto nodes =
            zoo::openModel("zoo:unet", std::nullopt, 0, graph::ModelGraph::Original::Keep,
                           {graph::Granularity::Node});
        QVERIFY(nodes.blockCount() > 3 * g.blockCount());
        const auto bottleneck =
            std::find_if(nodes.cuts().begin(), nodes.cuts().end(), [](const graph::Cut &c) {
                return c.tensors.size() == 5 &&
                       c.tensors.back().shape == graph::Shape{1, 512, 16, 16};
            });
        QVERIFY(bottleneck != nodes.cuts().end());
        QCOMPARE(bottleneck->tensors.front().shape, (graph::Shape{1, 32, 256, 256}));
        QCOMPARE(bottleneck->bytes, int64_t(4) * (32 * 256 * 256 + 64 * 128 * 128 + 128 * 64 * 64 +
                                                  256 * 32 * 32 + 512 * 16 * 16));
    }

    void resnet101HasACutAfterEachBottleneck()
    {
        const auto g = zoo::openModel("zoo:resnet101");
        const std::map<char, graph::Shape> stageShape{{'1', {1, 256, 56, 56}},
                                                      {'2', {1, 512, 28, 28}},
                                                      {'3', {1, 1024, 14, 14}},
                                                      {'4', {1, 2048, 7, 7}}};
        QSet<QString> bottlenecks;
        for (const auto &cut : g.cuts()) {
            if (cut.label.rfind("layer", 0) != 0 || cut.op != "aten::relu")
                continue;
            bottlenecks << QString::fromStdString(cut.label);
            QCOMPARE(cut.shape(), stageShape.at(cut.label[5]));
        }
        QCOMPARE(bottlenecks.size(), 3 + 4 + 23 + 3);
        QVERIFY(bottlenecks.contains(QStringLiteral("layer3.22")));
    }

    void densenetTransitionsAreCuts()
    {
        const auto g = zoo::openModel("zoo:densenet121");
        std::vector<graph::Shape> transitions;
        int denseLayers = 0;
        for (const auto &cut : g.cuts()) {
            if (cut.op == "aten::avg_pool2d" && cut.label.find("transition") != std::string::npos)
                transitions.push_back(cut.shape());
            if (cut.label.find("denselayer") != std::string::npos)
                ++denseLayers;
        }
        QCOMPARE(transitions,
                 (std::vector<graph::Shape>{{1, 128, 28, 28}, {1, 256, 14, 14}, {1, 512, 7, 7}}));
        QCOMPARE(denseLayers, 6 + 12 + 24 + 16);
    }

    void sameSeedSameBytes()
    {
        const auto a = savedBytes(zoo::build("resnet18", 7));
        const auto b = savedBytes(zoo::build("resnet18", 7));
        const auto c = savedBytes(zoo::build("resnet18", 8));
        QVERIFY(a == b);
        QVERIFY(a != c);
        QCOMPARE(a.size(), c.size());
    }

    // Every zoo model splits correctly at every cut: tail(head(x)) reproduces the frozen model
    // that all slices come from. The smallest input each architecture takes keeps this fast
    // (the cut structure does not depend on the input size). Against the original module,
    // float32 rounding differs by BatchNorm folding, about 2e-4 of the output for a deep random
    // network at 32x32; `cleave-cli verify` does that comparison and passes every model at its
    // default size.
    // At node granularity too, where the tensors of a cut cross as a tuple (within 1e-5 of
    // the output's magnitude). There the deeper members of a family (ResNet-101 and -152,
    // DenseNet-169 and -201) repeat ResNet-50's and DenseNet-121's layers over a minute more;
    // `cleave-cli verify --granularity node` checks them.
    void everySplitOfEveryModelReproducesTheModel_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("granularity");
        const std::set<std::string> deeper{"resnet101", "resnet152", "densenet169", "densenet201"};
        for (const auto g : {graph::Granularity::Block, graph::Granularity::Node})
            for (const auto &m : zoo::models())
                if (g == graph::Granularity::Block || deeper.count(m.name) == 0)
                    QTest::addRow("%s at %s", m.name.c_str(), graph::granularityName(g).c_str())
                        << QString::fromStdString(m.name) << int(g);
    }
    void everySplitOfEveryModelReproducesTheModel()
    {
        QFETCH(QString, name);
        QFETCH(int, granularity);
        const auto &model = zoo::find(name.toStdString());
        auto shape = model.defaultInput;
        shape[2] = shape[3] = model.minSide;
        const auto g =
            zoo::openModel("zoo:" + model.name, shape, 0, graph::ModelGraph::Original::Keep,
                           {graph::Granularity(granularity)});
        c10::InferenceMode inference;
        const auto x = g.sampleInput();
        const auto whole = graph::runOnce(g.tail(0), x);
        QCOMPARE(whole.sizes().vec(), g.outputShape());
        const double scale = whole.abs().max().item<double>();
        const double tolerance = granularity == int(graph::Granularity::Block) ? 1e-6 : 1e-5;
        for (int s = 1; s <= g.blockCount(); ++s) {
            const auto middle = graph::runOnce(g.head(s), graph::Tensors{x});
            QCOMPARE(middle.size(), g.cuts()[size_t(s)].tensors.size());
            for (size_t i = 0; i < middle.size(); ++i)
                QCOMPARE(middle[i].sizes().vec(), g.cuts()[size_t(s)].tensors[i].shape);
            const auto y = graph::runOnce(g.tail(s), middle).front();
            QVERIFY2((y - whole).abs().max().item<double>() <= tolerance * scale,
                     qPrintable(QStringLiteral("split %1").arg(s)));
        }
    }

    // torchvision's own GoogLeNet and Inception v3, traced in Python (random weights), split at
    // every node cut: their concatenations of several branches become cuts that several
    // tensors cross. (DenseNet's concatenation of every earlier map is the zoo's own
    // DenseNet-121 at node granularity above, torchvision's layer for layer.)
    void tracedTorchvisionModelsSplitAtEveryNode_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("constructor");
        QTest::addColumn<QString>("input");
        QTest::newRow("googlenet")
            << QStringLiteral("googlenet")
            << QStringLiteral("googlenet(weights=None, aux_logits=False, init_weights=True)")
            << QStringLiteral("1x3x64x64");
        QTest::newRow("inception_v3")
            << QStringLiteral("inception_v3")
            << QStringLiteral("inception_v3(weights=None, aux_logits=False, init_weights=True)")
            << QStringLiteral("1x3x75x75");
    }
    void tracedTorchvisionModelsSplitAtEveryNode()
    {
        QFETCH(QString, name);
        QFETCH(QString, constructor);
        QFETCH(QString, input);
        const QString python = QStringLiteral("/usr/bin/python3");
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import torchvision")});
        if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
            QSKIP("Debian's python3-torchvision is not installed");
        QTemporaryDir dir;
        const auto path = dir.filePath(name + QStringLiteral(".pt"));
        QProcess trace;
        trace.start(python, {QStringLiteral("-c"),
                             QStringLiteral("import sys, torch, torchvision\n"
                                            "torch.manual_seed(0)\n"
                                            "m = torchvision.models.%1.eval()\n"
                                            "x = torch.randn(%2)\n"
                                            "torch.jit.save(torch.jit.trace(m, x), sys.argv[1])\n")
                                 .arg(constructor,
                                      input.split(QLatin1Char('x')).join(QStringLiteral(", "))),
                             path});
        QVERIFY(trace.waitForFinished(300000));
        QVERIFY2(trace.exitCode() == 0, trace.readAllStandardError().constData());

        const auto g =
            graph::ModelGraph::load(path.toStdString(), graph::parseShape(input.toStdString()),
                                    graph::ModelGraph::Original::Keep, {graph::Granularity::Node});
        const auto blocks =
            graph::ModelGraph::load(path.toStdString(), graph::parseShape(input.toStdString()));
        QVERIFY(g.blockCount() > 2 * blocks.blockCount());
        QVERIFY(std::any_of(g.cuts().begin(), g.cuts().end(),
                            [](const graph::Cut &c) { return c.tensors.size() >= 3; }));
        const auto report = graph::verifySplits(g, 1e-5);
        QCOMPARE(int(report.splits.size()), g.blockCount() + 1);
        for (const auto &check : report.splits)
            QVERIFY2(check.relativeDiff <= 1e-5,
                     qPrintable(
                         QStringLiteral("split %1: %2").arg(check.split).arg(check.relativeDiff)));
    }

    void rejectsBadRequests()
    {
        auto message = errorOf([] { zoo::build("resnet17"); });
        QVERIFY2(message.startsWith(QStringLiteral("zoo:resnet17: unknown zoo model (valid names: "
                                                   "resnet18, resnet50")),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("inspectnet, unet)")));

        message = errorOf([] { zoo::build("resnet50", 0, graph::Shape{1, 3, 16, 16}); });
        QCOMPARE(message, QStringLiteral("zoo:resnet50: input 1x3x16x16 is too small; the "
                                         "architecture needs at least 32x32"));
        message = errorOf([] { zoo::openModel("zoo:inception_v3", graph::Shape{1, 3, 64, 64}); });
        QVERIFY2(message.contains(QStringLiteral("at least 75x75")), qPrintable(message));
        message = errorOf([] { zoo::build("inspectnet", 0, graph::Shape{1, 3, 28, 28}); });
        QVERIFY2(message.contains(QStringLiteral("has 3 channels; the architecture takes 1")),
                 qPrintable(message));
        message = errorOf([] { zoo::build("vgg16", 0, graph::Shape{3, 224, 224}); });
        QVERIFY2(message.contains(QStringLiteral("is not NxCxHxW")), qPrintable(message));
    }

    // Exported files are ordinary TorchScript: Python's torch.jit.load runs them.
    void exportedFilesLoadInPython()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import torch")});
        if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
            QSKIP("Debian's python3-torch is not installed");
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("inspectnet.pt"));
        const auto shape = graph::Shape{2, 1, 64, 64};
        graph::saveModule(zoo::build("inspectnet", 3, shape), path.toStdString(), shape);
        QProcess run;
        run.start(python, {QStringLiteral("-c"),
                           QStringLiteral("import sys, torch\n"
                                          "m = torch.jit.load(sys.argv[1])\n"
                                          "print(tuple(m(torch.randn(2, 1, 64, 64)).shape))\n"),
                           path});
        QVERIFY(run.waitForFinished(120000));
        QCOMPARE(run.exitCode(), 0);
        QCOMPARE(run.readAllStandardOutput().trimmed(), QByteArray("(2, 10)"));
    }
};

CLEAVE_TEST_MAIN(TestZoo)
#include "tst_zoo.moc"
