// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"
#include "testmodels.h"

#include "core/error.h"
#include "core/graph/modelgraph.h"

#include <QFile>

using namespace cleave;
using cleave::testing::fixture;

namespace {

QStringList labels(const graph::ModelGraph &g)
{
    QStringList out;
    for (const auto &cut : g.cuts())
        out << QString::fromStdString(cut.label);
    return out;
}

QStringList ops(const graph::ModelGraph &g)
{
    QStringList out;
    for (const auto &cut : g.cuts())
        out << QString::fromStdString(cut.op);
    return out;
}

QStringList shapes(const graph::ModelGraph &g)
{
    QStringList out;
    for (const auto &cut : g.cuts())
        out << QString::fromStdString(graph::formatShape(cut.shape()));
    return out;
}

QStringList split(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

ErrorKind loadError(const QString &path, QString *message, const char *input = nullptr)
{
    try {
        std::optional<graph::Shape> shape;
        if (input)
            shape = graph::parseShape(input);
        graph::ModelGraph::load(path.toStdString(), shape);
    } catch (const Error &e) {
        *message = QString::fromUtf8(e.what());
        return e.kind();
    }
    *message = QStringLiteral("loaded without error");
    return ErrorKind::Internal;
}

} // namespace

class TestModelGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Exact cut lists of the hand-built fixtures: chain (scripted), residual blocks (traced),
    // a two-branch concat (scripted), a four-branch inception module (traced) and a forward that
    // reads the input's size early and uses it after several cuts (scripted).
    void findsExactCuts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QStringList>("ops");
        QTest::addColumn<QStringList>("shapes");
        QTest::addColumn<qint64>("parameters");

        QTest::newRow("chain")
            << fixture("chain.pt") << split("input conv1 relu conv2 relu flatten fc")
            << split("input aten::conv2d aten::relu aten::conv2d aten::relu aten::flatten "
                     "aten::linear")
            << split("1x3x8x8 1x4x8x8 1x4x8x8 1x4x4x4 1x4x4x4 1x64 1x5") << qint64(585);
        QTest::newRow("residual")
            << fixture("residual.pt")
            << split("input stem layer1.0 layer1.0.relu layer1.1 layer1.1.relu pool flatten fc")
            << split("input aten::_convolution aten::add aten::relu aten::add aten::relu "
                     "aten::adaptive_avg_pool2d aten::flatten aten::linear")
            << split("1x3x8x8 1x8x8x8 1x8x8x8 1x8x8x8 1x8x8x8 1x8x8x8 1x8x1x1 1x8 1x5")
            << qint64(2637);
        QTest::newRow("two-branch concat")
            << fixture("twobranch.pt") << split("input stem cat head")
            << split("input aten::conv2d aten::cat aten::conv2d")
            << split("1x3x8x8 1x4x8x8 1x8x8x8 1x2x8x8") << qint64(298);
        QTest::newRow("inception")
            << fixture("inception.pt") << split("input stem relu mixed pool flatten fc")
            << split("input aten::_convolution aten::relu aten::cat aten::adaptive_avg_pool2d "
                     "aten::flatten aten::linear")
            << split("1x3x8x8 1x8x8x8 1x8x8x8 1x16x8x8 1x16x1x1 1x16 1x5") << qint64(787);
        QTest::newRow("sizes read early")
            << fixture("sizes.pt") << split("input conv1 relu conv2 relu interpolate reshape")
            << split("input aten::conv2d aten::relu aten::conv2d aten::relu prim::If "
                     "aten::reshape")
            << split("1x3x9x7 1x4x5x4 1x4x5x4 1x4x5x4 1x4x5x4 1x4x9x7 1x252") << qint64(260);
    }
    void findsExactCuts()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, labels);
        QFETCH(QStringList, ops);
        QFETCH(QStringList, shapes);
        QFETCH(qint64, parameters);

        const auto g = graph::ModelGraph::load(file.toStdString());
        QCOMPARE(::labels(g), labels);
        QCOMPARE(::ops(g), ops);
        QCOMPARE(::shapes(g), shapes);
        QCOMPARE(g.parameterCount(), parameters);
        QCOMPARE(g.blockCount() + 1, int(g.cuts().size()));
        for (size_t s = 0; s < g.cuts().size(); ++s) {
            const auto &cut = g.cuts()[s];
            QCOMPARE(cut.index, int(s));
            QCOMPARE(cut.dtype(), std::string("float32"));
            QCOMPARE(cut.bytes, graph::elementCount(cut.shape()) * 4);
        }
        QCOMPARE(g.cuts().front().shape(), g.inputShape());
        QCOMPARE(g.cuts().back().shape(), g.outputShape());
    }

    // The two-branch fixture at node granularity, written from its forward: stem; left and
    // right convolutions of the stem; their concatenation; head. After left, the stem's output
    // still crosses (right reads it); after right, both branches cross; between the list the
    // concatenation takes and the concatenation, a list crosses: no cut.
    void findsExactNodeCuts()
    {
        const auto g =
            graph::ModelGraph::load(fixture("twobranch.pt").toStdString(), std::nullopt,
                                    graph::ModelGraph::Original::Keep, {graph::Granularity::Node});
        QCOMPARE(labels(g), split("input stem left right cat head"));
        QCOMPARE(ops(g), split("input aten::conv2d aten::conv2d aten::conv2d aten::cat "
                               "aten::conv2d"));
        QStringList tensors;
        for (const auto &cut : g.cuts()) {
            QStringList names;
            int64_t bytes = 0;
            for (const auto &t : cut.tensors) {
                names << QString::fromStdString(t.label + ":" + graph::formatShape(t.shape));
                QCOMPARE(t.dtype, std::string("float32"));
                QCOMPARE(t.bytes, graph::elementCount(t.shape) * 4);
                bytes += t.bytes;
            }
            QCOMPARE(cut.bytes, bytes);
            tensors << names.join(QLatin1Char('+'));
        }
        QCOMPARE(tensors, split("input:1x3x8x8 stem:1x4x8x8 stem:1x4x8x8+left:1x4x8x8 "
                                "left:1x4x8x8+right:1x4x8x8 cat:1x8x8x8 head:1x2x8x8"));
        QCOMPARE(g.refusedCuts().size(), size_t(1));
        const auto &refused = g.refusedCuts().front();
        QCOMPARE(refused.block, 3);
        QCOMPARE(QString::fromStdString(refused.after), QStringLiteral("prim::ListConstruct"));
        QCOMPARE(QString::fromStdString(refused.crossing),
                 QStringLiteral("List[Tensor] from prim::ListConstruct"));
        // At block granularity the same model has no refusals to report.
        QVERIFY(
            graph::ModelGraph::load(fixture("twobranch.pt").toStdString()).refusedCuts().empty());
    }

    // Values that are not tensors crossing a node boundary refuse that boundary only, and say
    // what crosses: a number read from the data, a list of tensors. (Tuples made inside the
    // graph do not survive freezing: their elements cross as tensors.)
    void refusesNodeBoundariesThatNonTensorsCross()
    {
        torch::jit::Module m("__torch__.NonTensors");
        m.register_attribute("training", c10::BoolType::get(), false);
        m.define(R"(
def pair(self, x):
    return (torch.relu(x), torch.sigmoid(x))

def forward(self, x):
    n = float(x.sum())
    a, b = self.pair(x)
    parts = [a * n, b]
    y = torch.tanh(x)
    return torch.cat(parts, 1) * torch.cat([y, y], 1)
)");
        const auto g = graph::ModelGraph::fromModule(m, "non-tensors", {1, 2, 3, 3},
                                                     graph::ModelGraph::Original::Keep,
                                                     {graph::Granularity::Node});
        QStringList crossing;
        for (const auto &r : g.refusedCuts())
            crossing << QString::fromStdString(r.crossing);
        QVERIFY2(crossing.join(QLatin1Char('|')).contains(QStringLiteral("float from ")),
                 qPrintable(crossing.join(QLatin1Char('|'))));
        QVERIFY2(crossing.join(QLatin1Char('|'))
                     .contains(QStringLiteral("List[Tensor] from prim::ListConstruct")),
                 qPrintable(crossing.join(QLatin1Char('|'))));
        // The rest are cuts, and each splits the model correctly.
        QVERIFY(g.blockCount() >= 2);
        const auto x = g.sampleInput(1);
        const auto expected = g.forward(x);
        for (int s = 0; s <= g.blockCount(); ++s) {
            const auto y = graph::runOnce(g.tail(s), graph::runOnce(g.head(s), graph::Tensors{x}));
            QVERIFY(torch::allclose(y.front(), expected));
        }
    }

    void parallelRegionsAreOneBlock()
    {
        const auto g = graph::ModelGraph::load(fixture("inception.pt").toStdString());
        // stem conv, relu, then the whole inception module: 4 branches + concat in one block.
        const auto &mixed = g.blocks().at(2);
        QCOMPARE(mixed.label, std::string("mixed"));
        QCOMPARE(std::count(mixed.ops.begin(), mixed.ops.end(), "aten::_convolution"), 6);
        QCOMPARE(std::count(mixed.ops.begin(), mixed.ops.end(), "aten::max_pool2d"), 1);
        QCOMPARE(mixed.ops.back(), std::string("aten::cat"));
        int nodes = 0;
        for (const auto &block : g.blocks())
            nodes += block.nodeCount;
        QCOMPARE(nodes, g.nodeCount());
    }

    void honoursTheInputShape()
    {
        const auto hinted = graph::ModelGraph::load(fixture("residual.pt").toStdString());
        QCOMPARE(hinted.inputShape(), (graph::Shape{1, 3, 8, 8}));
        const auto given = graph::ModelGraph::load(fixture("residual.pt").toStdString(),
                                                   graph::Shape{2, 3, 16, 12});
        QCOMPARE(given.cuts().at(1).shape(), (graph::Shape{2, 8, 16, 12}));
        QCOMPARE(given.outputShape(), (graph::Shape{2, 5}));
    }

    void analysesModulesBuiltInCpp()
    {
        // stem + 3 stages x 2 blocks; BatchNorm is folded into the convolutions by freezing.
        const auto g =
            graph::ModelGraph::fromModule(testing::demoModel(), "demo", testing::kDemoInputShape);
        QStringList blockLabels;
        for (const auto &block : g.blocks())
            blockLabels << QString::fromStdString(block.label);
        for (const char *block :
             {"layer1.0", "layer1.1", "layer2.0", "layer2.1", "layer3.0", "layer3.1"})
            QVERIFY2(blockLabels.contains(QLatin1String(block)),
                     qPrintable(blockLabels.join(u' ')));
        QCOMPARE(g.outputShape(), (graph::Shape{1, 10}));
        // Cut after each stage: channels double while H and W halve.
        QVERIFY(::shapes(g).contains(QStringLiteral("1x32x16x16")));
        QVERIFY(::shapes(g).contains(QStringLiteral("1x64x8x8")));

        int64_t expected = 0;
        for (const auto &p : testing::demoModel().parameters())
            expected += p.numel();
        int64_t buffers = 0;
        for (const auto &b : testing::demoModel().buffers())
            buffers += b.numel();
        QVERIFY(buffers > 0);
        QCOMPARE(g.parameterCount(), expected);
    }

    // An agent drops the unfrozen module and BatchNorm is folded into its convolutions in place;
    // analysis and the whole-model forward stay the same.
    void dropsTheOriginalOnRequest()
    {
        const auto module = testing::demoModel();
        const auto kept = graph::ModelGraph::fromModule(module, "demo", testing::kDemoInputShape);
        const auto dropped = graph::ModelGraph::fromModule(module, "demo", testing::kDemoInputShape,
                                                           graph::ModelGraph::Original::Drop);
        QCOMPARE(::shapes(dropped), ::shapes(kept));
        QCOMPARE(dropped.parameterCount(), kept.parameterCount());
        const auto x = kept.sampleInput(1);
        const auto a = kept.forward(x);
        const auto b = dropped.forward(x);
        QVERIFY((a - b).abs().max().item<double>() <= 1e-4 * a.abs().max().item<double>());
    }

    void rejectsBadModels_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/model.pt")
                                 << int(ErrorKind::NotFound) << QStringLiteral("no such file");
        QTest::newRow("not a zip") << fixture("make_fixtures.py") << int(ErrorKind::InvalidInput)
                                   << QStringLiteral("not a TorchScript archive");
        QTest::newRow("two inputs") << fixture("two_inputs.pt") << int(ErrorKind::InvalidInput)
                                    << QStringLiteral("forward takes 2 inputs");
        QTest::newRow("tuple output") << fixture("tuple_output.pt") << int(ErrorKind::InvalidInput)
                                      << QStringLiteral("forward returns Tuple[Tensor, Tensor]");
    }
    void rejectsBadModels()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(QString, reason);
        QString message;
        QCOMPARE(int(loadError(file, &message)), kind);
        QVERIFY2(message.startsWith(file + QStringLiteral(": ")), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }

    void rejectsTruncatedArchive()
    {
        QTemporaryDir dir;
        QFile whole(fixture("residual.pt"));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const auto bytes = whole.readAll();
        const QString path = dir.filePath(QStringLiteral("truncated.pt"));
        QFile truncated(path);
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        truncated.write(bytes.left(bytes.size() / 2));
        truncated.close();
        QString message;
        QCOMPARE(int(loadError(path, &message)), int(ErrorKind::InvalidInput));
        QVERIFY2(message.contains(QStringLiteral("truncated or damaged")), qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }

    void reportsTheModelsOwnErrorForAWrongShape()
    {
        QString message;
        QCOMPARE(int(loadError(fixture("chain.pt"), &message, "1x1x8x8")),
                 int(ErrorKind::InvalidInput));
        QVERIFY2(message.contains(QStringLiteral("input 1x1x8x8 rejected by the model")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("to have 3 channels, but got 1 channels")),
                 qPrintable(message));
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }
};

CLEAVE_TEST_MAIN(TestModelGraph)
#include "tst_modelgraph.moc"
