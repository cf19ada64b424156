// SPDX-License-Identifier: GPL-3.0-or-later
// Width-wise splits: row maps from the formula of the cluster notes, row-local runs, and strip
// modules whose stitched outputs equal the whole segment's.
#include "testmain.h"
#include "testmodels.h"

#include "core/codec/codec.h"
#include "core/error.h"
#include "core/graph/modelgraph.h"
#include "core/graph/rows.h"
#include "core/tl/inserter.h"
#include "core/zoo/zoo.h"

#include <random>

using namespace cleave;
using cleave::graph::RowMap;
using cleave::graph::RowRange;
using cleave::testing::fixture;

namespace {

torch::Tensor run(const torch::jit::Module &m, const torch::Tensor &x)
{
    c10::InferenceMode guard;
    return graph::runOnce(m, x);
}

// Output rows [o0, o1) of one window need input rows [o0*s - p, (o1-1)*s - p + d*(k-1) + 1):
// written out row by row, as the union of every output row's window.
RowRange windowByRows(const RowMap &m, const RowRange &out)
{
    RowRange need;
    for (int64_t o = out.begin; o < out.end; ++o) {
        const int64_t first = o * m.stride - m.padding;
        need = need.unitedWith({first, first + m.dilation * (m.kernel - 1) + 1});
    }
    return need;
}

/// A module from TorchScript source with seeded constant weights.
torch::jit::Module scripted(const std::string &source,
                            const std::vector<std::pair<std::string, graph::Shape>> &weights)
{
    torch::jit::Module m("Scripted");
    m.register_attribute("training", c10::BoolType::get(), false);
    torch::manual_seed(7);
    for (const auto &[name, shape] : weights)
        m.register_parameter(name, torch::randn(shape) * 0.3, false);
    m.define(source);
    return m;
}

// Dilated and strided convolutions, max pooling in ceil mode with padding, average pooling with
// padding (over negative values, so that its padding must not be zeros), a concatenation of
// branches of different windows, and a residual add.
torch::jit::Module windows()
{
    return scripted(R"(
def forward(self, x):
    y = torch.conv2d(x, self.w1, None, [1, 1], [2, 1], [2, 1], 1)
    y = torch.max_pool2d(y, [3, 3], [2, 2], [1, 1], [1, 1], True)
    a = torch.conv2d(y, self.w2, None, [2, 1], [1, 1], [1, 1], 1)
    b = torch.avg_pool2d(y, [3, 3], [2, 1], [1, 1], False, True)
    c = torch.cat([a, b], 1)
    d = torch.conv2d(c, self.w3, None, [1, 1], [0, 0], [1, 1], 1)
    return torch.relu(d + c)
)",
                    {{"w1", {4, 3, 3, 3}}, {"w2", {4, 4, 3, 3}}, {"w3", {8, 8, 1, 1}}});
}

double maxDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>() / std::max(b.abs().max().item<double>(), 1e-12);
}

/// Random partitions of `rows` rows into 2..4 strips, plus the ones with single-row strips at
/// the top, the bottom and in the middle.
std::vector<std::vector<int64_t>> partitions(int64_t rows, std::mt19937 &random)
{
    std::vector<std::vector<int64_t>> result;
    if (rows >= 3)
        result.push_back({0, 1, rows - 1, rows});
    if (rows >= 4)
        result.push_back({0, rows / 2, rows / 2 + 1, rows});
    for (int i = 0; i < 3 && rows >= 2; ++i) {
        const int strips =
            std::uniform_int_distribution<int>(2, int(std::min<int64_t>(4, rows)))(random);
        std::set<int64_t> bounds{0, rows};
        while (int(bounds.size()) < strips + 1)
            bounds.insert(std::uniform_int_distribution<int64_t>(1, rows - 1)(random));
        result.emplace_back(bounds.begin(), bounds.end());
    }
    if (rows == 1)
        result.push_back({0, 1});
    return result;
}

/// Stitches strips of segment [first, end) over `bounds` and returns the largest difference to
/// the whole segment's output, relative to its largest magnitude.
double stitchedDifference(const graph::ModelGraph &g, int first, int end,
                          const std::vector<int64_t> &bounds, const torch::Tensor &in,
                          const torch::Tensor &whole)
{
    std::vector<torch::Tensor> strips;
    for (size_t i = 0; i + 1 < bounds.size(); ++i) {
        const RowRange out{bounds[i], bounds[i + 1]};
        const RowRange rows = g.stripInput(first, end, out);
        const auto strip = run(g.strip(first, end, out), in.slice(2, rows.begin, rows.end));
        if (strip.size(2) != out.size() || strip.size(3) != whole.size(3)) {
            qWarning("strip [%lld, %lld) from rows [%lld, %lld) came out %s", (long long)out.begin,
                     (long long)out.end, (long long)rows.begin, (long long)rows.end,
                     graph::formatShape(strip.sizes().vec()).c_str());
            return std::numeric_limits<double>::infinity();
        }
        strips.push_back(strip);
    }
    return maxDifference(torch::cat(strips, 2), whole);
}

} // namespace

class TestStrips : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowMapFollowsTheFormula()
    {
        std::mt19937 random(11);
        std::uniform_int_distribution<int64_t> small(1, 5);
        for (int i = 0; i < 500; ++i) {
            const RowMap a{small(random), small(random), small(random) - 1, small(random)};
            const RowMap b{small(random), small(random), small(random) - 1, small(random)};
            const int64_t o0 = small(random) * 3 - 4;
            const RowRange out{o0, o0 + small(random)};
            QCOMPARE(a.needs(out), windowByRows(a, out));
            // b after a: what b's window needs, then what a's window needs of that.
            QCOMPARE(a.then(b).needs(out), windowByRows(a, windowByRows(b, out)));
            // Two branches over the same input: the union of both windows.
            const RowMap c{small(random), a.stride, small(random) - 1, small(random)};
            QCOMPARE(a.unitedWith(c)->needs(out), a.needs(out).unitedWith(c.needs(out)));
        }
        QVERIFY(!RowMap({3, 1, 1, 1}).unitedWith(RowMap{3, 2, 1, 1}));
    }

    // chain.pt: conv 3x3 pad 1, relu, conv 3x3 stride 2 pad 1, relu, flatten, linear.
    void runOfAChainEndsAtItsFlatten()
    {
        const auto g = graph::ModelGraph::load(fixture("chain.pt").toStdString());
        const auto run = g.rowLocalRun(0);
        QCOMPARE(run.end, 4);
        QCOMPARE(run.blocks.size(), size_t(4));
        QCOMPARE(run.blocks[0], (RowMap{3, 1, 1, 1}));
        QCOMPARE(run.blocks[1], RowMap{});
        QCOMPARE(run.blocks[2], (RowMap{3, 2, 1, 1}));
        QVERIFY(run.stop);
        QCOMPARE(run.stop->op, std::string("aten::flatten"));
        QCOMPARE(run.stop->block, 4);
        QCOMPARE(run.through(4), (RowMap{5, 2, 2, 1}));
        // Asking past the flatten names it.
        try {
            g.strip(1, 5, {0, 1});
            QFAIL("a segment through flatten was accepted");
        } catch (const Error &e) {
            QVERIFY(e.kind() == ErrorKind::InvalidInput);
            QVERIFY2(std::string(e.what()).find("aten::flatten") != std::string::npos, e.what());
        }
        // The tensor after the flatten has no rows.
        QVERIFY_THROWS_EXCEPTION(Error, g.rowLocalRun(5));
    }

    // Branches join in one block: twobranch.pt's 1x1 and 3x3 convolutions, and residual.pt's
    // two 3x3 convolutions beside the identity.
    void branchesUniteTheirWindows()
    {
        const auto two = graph::ModelGraph::load(fixture("twobranch.pt").toStdString());
        const auto twoRun = two.rowLocalRun(0);
        QCOMPARE(twoRun.end, two.blockCount());
        QVERIFY(!twoRun.stop);
        QCOMPARE(twoRun.through(twoRun.end).kernel, 5);
        QCOMPARE(twoRun.through(twoRun.end).padding, 2);

        const auto residual = graph::ModelGraph::load(fixture("residual.pt").toStdString());
        const auto run = residual.rowLocalRun(0);
        QVERIFY(run.stop);
        QCOMPARE(run.stop->op, std::string("aten::adaptive_avg_pool2d"));
        bool sawBlock = false;
        for (const auto &map : run.blocks)
            sawBlock = sawBlock || map == RowMap{5, 1, 2, 1};
        QVERIFY(sawBlock); // conv 3x3 then conv 3x3, united with the identity
    }

    void stripsEqualTheWholeSegment_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("input");
        QTest::newRow("windows") << QStringLiteral("windows") << QStringLiteral("1x3x31x20");
        QTest::newRow("windows even") << QStringLiteral("windows") << QStringLiteral("1x3x32x17");
        QTest::newRow("inception.pt") << QStringLiteral("inception.pt") << QString();
        QTest::newRow("residual.pt") << QStringLiteral("residual.pt") << QString();
        QTest::newRow("resnet50") << QStringLiteral("zoo:resnet50")
                                  << QStringLiteral("1x3x200x200");
        QTest::newRow("resnet18 odd")
            << QStringLiteral("zoo:resnet18") << QStringLiteral("1x3x97x64");
        QTest::newRow("vgg16") << QStringLiteral("zoo:vgg16") << QStringLiteral("1x3x96x64");
        QTest::newRow("densenet121")
            << QStringLiteral("zoo:densenet121") << QStringLiteral("1x3x67x64");
        QTest::newRow("mobilenet_v2")
            << QStringLiteral("zoo:mobilenet_v2") << QStringLiteral("1x3x101x64");
        QTest::newRow("inception_v3")
            << QStringLiteral("zoo:inception_v3") << QStringLiteral("1x3x151x96");
        QTest::newRow("inception_resnet_v2")
            << QStringLiteral("zoo:inception_resnet_v2") << QStringLiteral("1x3x99x80");
        QTest::newRow("inspectnet")
            << QStringLiteral("zoo:inspectnet") << QStringLiteral("1x1x28x28");
        // A Transfer Layer's DeviceTL at a cut inside the run: strided rows and bottom padding.
        QTest::newRow("resnet18 + maxpool2 at odd rows")
            << QStringLiteral("tl:resnet18:6:maxpool2") << QStringLiteral("1x3x97x64");
        QTest::newRow("vgg16 + maxpool4+c4")
            << QStringLiteral("tl:vgg16:5:maxpool4+c4") << QStringLiteral("1x3x96x64");
        QTest::newRow("mobilenet_v2 + avgpool2")
            << QStringLiteral("tl:mobilenet_v2:4:avgpool2") << QStringLiteral("1x3x96x64");
        QTest::newRow("resnet18 + avgpool4 at odd rows")
            << QStringLiteral("tl:resnet18:3:avgpool4") << QStringLiteral("1x3x97x64");
    }

    // For the whole row-local run from the input and random segments inside it, random
    // partitions of the output rows (single-row strips included) stitch back to the segment's
    // output; each strip returns exactly its rows. In float64, so that a wrong row shows and
    // rounding does not: float32 differs by up to 3e-5 between batch sizes of one model alone
    // (MobileNetV2), the strips by up to 1.2e-5 (ResNet-50 at 200x200).
    void stripsEqualTheWholeSegment()
    {
        QFETCH(QString, model);
        QFETCH(QString, input);
        const auto g = load(model, input);
        if (model.startsWith(QStringLiteral("tl:"))) {
            // The run goes through every operation of DeviceTL and stops at EdgeTL's.
            const auto run = g.rowLocalRun(0);
            QVERIFY(run.stop);
            QCOMPARE(run.stop->op, std::string("aten::upsample_nearest2d"));
        }
        std::mt19937 random(qHash(model) ^ qHash(input));
        const auto x = g.sampleInput(2);
        int checked = 0;
        for (const auto &[first, end] : segments(g, random)) {
            const auto in = run(g.slice(0, first), x);
            const auto whole = run(g.slice(first, end), in);
            for (const auto &bounds : partitions(whole.size(2), random)) {
                const double difference = stitchedDifference(g, first, end, bounds, in, whole);

                QVERIFY2(difference <= 1e-10,
                         qPrintable(QStringLiteral("[%1, %2) over %3 strips: %4")
                                        .arg(first)
                                        .arg(end)
                                        .arg(bounds.size() - 1)
                                        .arg(difference)));
                ++checked;
            }
        }
        QVERIFY(checked >= 5);
    }

    // The strips' outputs are the whole output's rows (above); each crossing its link with a
    // codec of its own, decoded and stitched, is what the codec gives the whole tensor: the
    // same values for the element-wise codecs (fp32, fp16, with or without zstd); for int8,
    // whose step is per tensor, no element further from the exact value than half the whole
    // tensor's step (a strip's range, and so its step, is at most the whole's).
    void codingEachStripIsCodingTheWhole()
    {
        const graph::Shape shape{1, 3, 97, 64};
        const auto g =
            graph::ModelGraph::fromModule(zoo::build("resnet18", 0, shape), "zoo:resnet18", shape,
                                          graph::ModelGraph::Original::Drop);
        const auto whole = run(g.slice(0, g.rowLocalRun(0).end), g.sampleInput(1));
        std::mt19937 random(21);
        c10::InferenceMode guard;
        for (const auto &bounds : partitions(whole.size(2), random)) {
            for (const auto &c : codec::allCodecs()) {
                const auto decoded = [&](const torch::Tensor &t) {
                    return codec::decode(codec::encode(t, c), c, t.sizes().vec());
                };
                std::vector<torch::Tensor> strips;
                for (size_t i = 0; i + 1 < bounds.size(); ++i)
                    strips.push_back(decoded(whole.slice(2, bounds[i], bounds[i + 1])));
                const auto stitched = torch::cat(strips, 2);
                if (c.precision != codec::Codec::Precision::Int8) {
                    QVERIFY2(torch::equal(stitched, decoded(whole)), c.name().c_str());
                    continue;
                }
                const double step =
                    (whole.max().item<double>() - whole.min().item<double>()) / 255.0;
                const double error = (stitched - whole).abs().max().item<double>();
                QVERIFY2(error <= step / 2 * (1 + 1e-5),
                         qPrintable(QStringLiteral("%1: %2 > %3")
                                        .arg(QString::fromStdString(c.name()))
                                        .arg(error)
                                        .arg(step / 2)));
            }
        }
    }

    // A strip saved to a file reloads with torch::jit::load and gives the same rows.
    void stripsReloadFromFiles()
    {
        const auto g = graph::ModelGraph::fromModule(windows(), "windows", {1, 3, 31, 20});
        const int end = g.rowLocalRun(0).end;
        const RowRange out{3, 5};
        const auto x = g.sampleInput(1);
        const auto rows = g.stripInput(0, end, out);
        const auto strip = g.strip(0, end, out);
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("strip.pt")).toStdString();
        strip.save(path);
        const auto in = x.slice(2, rows.begin, rows.end);
        QVERIFY(torch::equal(run(strip, in), run(torch::jit::load(path), in)));
    }

    void badRowsAreRefused_data()
    {
        QTest::addColumn<int64_t>("begin");
        QTest::addColumn<int64_t>("end");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << int64_t(2) << int64_t(2) << QStringLiteral("at least one row");
        QTest::newRow("reversed") << int64_t(3) << int64_t(2) << QStringLiteral("at least one row");
        QTest::newRow("above") << int64_t(-1) << int64_t(2) << QStringLiteral("outside the");
        QTest::newRow("below") << int64_t(0) << int64_t(99) << QStringLiteral("outside the");
    }

    void badRowsAreRefused()
    {
        QFETCH(int64_t, begin);
        QFETCH(int64_t, end);
        QFETCH(QString, says);
        const auto g = graph::ModelGraph::fromModule(windows(), "windows", {1, 3, 31, 20});
        try {
            g.strip(0, 3, {begin, end});
            QFAIL("bad rows were accepted");
        } catch (const Error &e) {
            QVERIFY(e.kind() == ErrorKind::InvalidInput);
            QVERIFY2(QString::fromStdString(e.what()).contains(says), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, g.strip(2, 2, {0, 1})); // a segment of no block
    }

    // Operations that are not row-local end the run, and the run says which and why.
    void runsStopAtWhatIsNotRowLocal_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("why");
        QTest::newRow("average without padding")
            << QStringLiteral("torch.avg_pool2d(torch.relu(x), [3, 3], [1, 1], [1, 1], False, "
                              "False)")
            << QStringLiteral("aten::avg_pool2d") << QStringLiteral("count_include_pad");
        QTest::newRow("average over the edge")
            << QStringLiteral("torch.avg_pool2d(torch.relu(x), [2, 2], [2, 2], [0, 0], True)")
            << QStringLiteral("aten::avg_pool2d") << QStringLiteral("ceil_mode");
        QTest::newRow("concatenated rows")
            << QStringLiteral("torch.cat([torch.relu(x), x], 2)") << QStringLiteral("aten::cat")
            << QStringLiteral("along the rows");
        QTest::newRow("global mean") << QStringLiteral("torch.relu(x).mean([2, 3])")
                                     << QStringLiteral("aten::mean") << QStringLiteral("every row");
        QTest::newRow("transposed")
            << QStringLiteral("torch.relu(x).transpose(2, 3)") << QStringLiteral("aten::transpose")
            << QStringLiteral("reshapes");
        QTest::newRow("cropped rows")
            << QStringLiteral("torch.constant_pad_nd(torch.relu(x), [0, 0, -1, 2])")
            << QStringLiteral("aten::constant_pad_nd") << QStringLiteral("crops");
        QTest::newRow("rows sliced away")
            << QStringLiteral("torch.relu(x)[:, :, 9:]") << QStringLiteral("aten::slice")
            << QStringLiteral("slices away every row");
    }

    void runsStopAtWhatIsNotRowLocal()
    {
        QFETCH(QString, source);
        QFETCH(QString, op);
        QFETCH(QString, why);
        const auto module =
            scripted("def forward(self, x):\n    return " + source.toStdString() + "\n", {});
        const auto g = graph::ModelGraph::fromModule(module, "model", {1, 3, 9, 9});
        const auto run = g.rowLocalRun(0);
        QVERIFY(run.stop);
        QCOMPARE(QString::fromStdString(run.stop->op), op);
        QVERIFY2(QString::fromStdString(run.stop->describe()).contains(why),
                 run.stop->describe().c_str());
        QCOMPARE(run.end, run.stop->block);
    }

    // A model whose input is not NxCxHxW has no rows to split.
    void inputWithoutRowsIsRefused()
    {
        const auto module = scripted("def forward(self, x):\n    return torch.relu(x)\n", {});
        const auto g = graph::ModelGraph::fromModule(module, "flat", {2, 8});
        try {
            g.rowLocalRun(0);
            QFAIL("a 2-D input was split into rows");
        } catch (const Error &e) {
            QVERIFY(e.kind() == ErrorKind::InvalidInput);
            QVERIFY2(std::string(e.what()).find("not NxCxHxW") != std::string::npos, e.what());
        }
    }

private:
    static graph::ModelGraph load(const QString &model, const QString &input)
    {
        const auto shape = input.isEmpty() ? std::optional<graph::Shape>()
                                           : graph::parseShape(input.toStdString());
        if (model == QStringLiteral("windows")) {
            auto m = windows();
            m.to(torch::kDouble);
            return graph::ModelGraph::fromModule(m, "windows", *shape);
        }
        if (model.startsWith(QStringLiteral("tl:"))) {
            // tl:NAME:CUT:SPEC, the Transfer Layer of SPEC inserted at CUT of zoo model NAME.
            const auto parts = model.split(QLatin1Char(':'));
            const auto plain = load(QStringLiteral("zoo:") + parts[1], input);
            auto tl = tl::insertTransferLayer(plain, parts[2].toInt(),
                                              tl::TlSpec::parse(parts[3].toStdString()));
            tl.module.to(torch::kDouble);
            auto g = graph::ModelGraph::fromModule(tl.module, model.toStdString(), *shape,
                                                   graph::ModelGraph::Original::Drop);
            return g;
        }
        if (model.startsWith(QStringLiteral("zoo:"))) {
            const auto name = model.mid(4).toStdString();
            auto m = zoo::build(name, 0, shape);
            m.to(torch::kDouble);
            return graph::ModelGraph::fromModule(m, model.toStdString(), *shape,
                                                 graph::ModelGraph::Original::Drop);
        }
        const auto path = fixture(qPrintable(model)).toStdString();
        const auto shapeOf = graph::ModelGraph::load(path, shape).inputShape();
        auto m = torch::jit::load(path);
        m.to(torch::kDouble);
        return graph::ModelGraph::fromModule(m, path, shapeOf);
    }

    // The whole run from the input, and two random segments inside runs further on.
    static std::vector<std::pair<int, int>> segments(const graph::ModelGraph &g,
                                                     std::mt19937 &random)
    {
        std::vector<std::pair<int, int>> result{{0, g.rowLocalRun(0).end}};
        for (int i = 0; i < 2; ++i) {
            const int first =
                std::uniform_int_distribution<int>(1, std::max(1, result[0].second - 1))(random);
            const int last = g.rowLocalRun(first).end;
            if (last > first)
                result.emplace_back(first,
                                    std::uniform_int_distribution<int>(first + 1, last)(random));
        }
        return result;
    }
};

CLEAVE_TEST_MAIN(TestStrips)
#include "tst_strips.moc"
