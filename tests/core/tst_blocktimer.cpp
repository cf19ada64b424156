// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"
#include "testmodels.h"

#include "core/bench/blocktimer.h"
#include "core/error.h"

#include <map>

using namespace cleave;

class TestBlockTimer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summarisesSamples_data()
    {
        QTest::addColumn<QList<double>>("samples");
        QTest::addColumn<QList<double>>("expected"); // median, mean, p5, p95, stddev
        QTest::newRow("one to ten") << QList<double>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
                                    << QList<double>{5.5, 5.5, 1.45, 9.55, 3.0276503540974917};
        QTest::newRow("single") << QList<double>{0.25} << QList<double>{0.25, 0.25, 0.25, 0.25, 0};
        QTest::newRow("empty") << QList<double>{} << QList<double>{0, 0, 0, 0, 0};
    }
    void summarisesSamples()
    {
        QFETCH(QList<double>, samples);
        QFETCH(QList<double>, expected);
        const auto s = bench::summarise({samples.begin(), samples.end()});
        QCOMPARE(s.median_s, expected[0]);
        QCOMPARE(s.mean_s, expected[1]);
        QCOMPARE(s.p5_s, expected[2]);
        QCOMPARE(s.p95_s, expected[3]);
        QVERIFY(std::abs(s.stddev_s - expected[4]) < 1e-12);
    }

    void timesEveryBlockInOrder()
    {
        const auto g =
            graph::ModelGraph::fromModule(testing::demoModel(), "demo", testing::kDemoInputShape);
        bench::BlockTimer timer(g, {1, 3, 0});
        std::vector<bench::BlockResult> results;
        double lastFraction = -1;
        bool monotonic = true;
        timer.timeBlocks(
            0, [&](const bench::BlockResult &r) { results.push_back(r); },
            [&](double f, std::string_view) {
                monotonic = monotonic && f >= lastFraction;
                lastFraction = f;
                return true;
            });
        QVERIFY(monotonic);
        QCOMPARE(int(results.size()), g.blockCount());
        for (size_t b = 0; b < results.size(); ++b) {
            QCOMPARE(results[b].block, int(b));
            // Each block ran on the real output of the one before: its output is the cut's.
            QCOMPARE(results[b].outputBytes, g.cuts()[b + 1].bytes);
            const auto &t = results[b].time;
            QVERIFY(t.median_s > 0);
            QVERIFY(t.p5_s <= t.median_s && t.median_s <= t.p95_s);
            QVERIFY(results[b].peakBytes >= 0);
        }
        // Memory: the stem (a convolution) holds at least the output it makes; a block whose
        // output is a view of its input (a flatten) may make nothing new.
        QVERIFY2(results[0].peakBytes >= results[0].outputBytes,
                 qPrintable(QStringLiteral("peak %1, output %2")
                                .arg(results[0].peakBytes)
                                .arg(results[0].outputBytes)));
        // The blocks' weights are the model's parameters and buffers, split among them.
        int64_t weights = 0, parameters = 0;
        for (const auto &r : results)
            weights += r.weightBytes;
        const auto model = testing::demoModel();
        for (const auto &p : model.parameters())
            parameters += int64_t(p.nbytes());
        for (const auto &b : model.buffers())
            parameters += int64_t(b.nbytes());
        // Frozen, batch normalisation folds into the convolutions: a little less than the
        // parameters and buffers of the model as trained.
        QVERIFY2(weights <= parameters && weights >= parameters * 98 / 100,
                 qPrintable(QStringLiteral("blocks' weights %1, model's parameters and buffers %2")
                                .arg(weights)
                                .arg(parameters)));
        QVERIFY(timer.timeWholeModel().median_s > 0);
    }

    // At node granularity a cut carries several tensors: each block takes and returns them
    // all, a codec costs them all (its bytes are their encodings' sum), and a Transfer Layer
    // applies to each tensor it fits, the others crossing as they are.
    void timesCutsOfSeveralTensors()
    {
        const auto g = graph::ModelGraph::fromModule(
            testing::demoModel(), "demo", testing::kDemoInputShape,
            graph::ModelGraph::Original::Keep, {graph::Granularity::Node});
        bench::TimerSettings settings{0, 2, 0};
        settings.codecs = {codec::Codec::parse("fp32"), codec::Codec::parse("fp16+zstd")};
        settings.tlSpecs = {tl::TlSpec::parse("maxpool2")};
        bench::BlockTimer timer(g, settings);
        std::vector<bench::BlockResult> blocks;
        std::map<std::pair<int, std::string>, bench::CodecResult> codecs;
        std::map<int, bench::TlResult> tls;
        bench::CutCallbacks onCut;
        onCut.codec = [&](const bench::CodecResult &r) { codecs[{r.cut, r.codec}] = r; };
        onCut.tl = [&](const bench::TlResult &r) { tls[r.cut] = r; };
        timer.timeBlocks(
            0, [&](const bench::BlockResult &r) { blocks.push_back(r); }, {}, onCut);
        QCOMPARE(int(blocks.size()), g.blockCount());

        c10::InferenceMode inference;
        const auto x = g.sampleInput(0);
        int several = 0;
        for (int s = 0; s <= g.blockCount(); ++s) {
            const auto &cut = g.cuts()[size_t(s)];
            if (s > 0)
                QCOMPARE(blocks[size_t(s) - 1].outputBytes, cut.bytes);
            const auto tensors = graph::runOnce(g.head(s), graph::Tensors{x});
            several += tensors.size() > 1 ? 1 : 0;
            for (const auto &c : settings.codecs) {
                int64_t bytes = 0;
                for (const auto &t : tensors)
                    bytes += int64_t(codec::encode(t, c).size());
                QCOMPARE(codecs.at({s, c.name()}).encodedBytes, bytes);
            }
            const auto &spec = settings.tlSpecs.front();
            int fits = 0;
            int64_t tlBytes = 0;
            for (const auto &t : cut.tensors) {
                const bool applies = spec.appliesTo(t.shape);
                fits += applies ? 1 : 0;
                tlBytes += applies ? graph::elementCount(spec.reducedShape(t.shape)) * 4 : t.bytes;
            }
            if (s == g.blockCount() || fits == 0) {
                QVERIFY(tls.count(s) == 0);
                continue;
            }
            QCOMPARE(tls.at(s).tensors, fits);
            QCOMPARE(tls.at(s).outputBytes, tlBytes);
        }
        QVERIFY(several > 0);
    }

    void resumesFromABlock()
    {
        const auto g =
            graph::ModelGraph::fromModule(testing::demoModel(), "demo", testing::kDemoInputShape);
        bench::BlockTimer timer(g, {0, 1, 0});
        std::vector<int> blocks;
        timer.timeBlocks(4, [&](const bench::BlockResult &r) {
            blocks.push_back(r.block);
            QCOMPARE(r.outputBytes, g.cuts()[size_t(r.block) + 1].bytes);
        });
        QCOMPARE(blocks.front(), 4);
        QCOMPARE(int(blocks.size()), g.blockCount() - 4);
    }

    void cancels()
    {
        const auto g =
            graph::ModelGraph::fromModule(testing::demoModel(), "demo", testing::kDemoInputShape);
        bench::BlockTimer timer(g, {1, 2, 0});
        int blocks = 0;
        try {
            timer.timeBlocks(
                0, [&](const bench::BlockResult &) { ++blocks; },
                [&](double, std::string_view) { return blocks < 2; });
            QFAIL("not cancelled");
        } catch (const Error &e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::Cancelled));
        }
        QCOMPARE(blocks, 2);
    }

    void rejectsBadSettings()
    {
        const auto g =
            graph::ModelGraph::fromModule(testing::demoModel(), "demo", testing::kDemoInputShape);
        for (const auto &settings :
             {bench::TimerSettings{-1, 5, 0}, bench::TimerSettings{1, 0, 0}}) {
            try {
                bench::BlockTimer timer(g, settings);
                QFAIL("bad settings accepted");
            } catch (const Error &e) {
                QCOMPARE(int(e.kind()), int(ErrorKind::InvalidInput));
            }
        }
        bench::BlockTimer timer(g, {0, 1, 0});
        try {
            timer.timeBlocks(g.blockCount() + 1, [](const bench::BlockResult &) {});
            QFAIL("a first block outside the model was accepted");
        } catch (const Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("is outside 0..")),
                     e.what());
        }
    }
};

CLEAVE_TEST_MAIN(TestBlockTimer)
#include "tst_blocktimer.moc"
