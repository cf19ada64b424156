// SPDX-License-Identifier: GPL-3.0-or-later
// The accuracy sweep on real data (a Fashion-MNIST subset) and InspectNet: every configuration's
// counts equal the split pipeline run image by image from the formula (head, DeviceTL, encode,
// decode, EdgeTL, tail), a sweep resumes to the same counts, and bad inputs are refused in one
// line.
#include "testmain.h"

#include "core/error.h"
#include "core/tl/accuracy.h"
#include "core/tl/dataset.h"
#include "core/tl/inserter.h"
#include "core/zoo/zoo.h"

#include <QtTest>

using namespace cleave;

namespace {

tl::SweepRequest everyKind(const graph::ModelGraph &model, int64_t limit)
{
    tl::SweepRequest request;
    for (int s = 0; s < model.blockCount(); ++s)
        request.splits.push_back(s);
    request.tls = {tl::TlSpec::parse("maxpool2"), tl::TlSpec::parse("avgpool4")};
    request.codecs = {codec::Codec::parse("fp32"), codec::Codec::parse("fp16+zstd"),
                      codec::Codec::parse("int8+zstd")};
    request.limit = limit;
    request.batch = 16;
    return request;
}

QString errorOf(const std::function<void()> &call)
{
    try {
        call();
    } catch (const Error &e) {
        return e.kind() == ErrorKind::InvalidInput ? QString::fromUtf8(e.what())
                                                   : QStringLiteral("wrong kind");
    }
    return {};
}

} // namespace

class TestAccuracy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each configuration's counts are what its pipeline gives image by image: the head and the
    // tail sliced at the split, the TL's pooling and upsampling, the codec's round trip of the
    // one image; the unsplit model's best class for agreement.
    void sweepEqualsThePipelineImageByImage()
    {
        const auto model = zoo::openModel("zoo:inspectnet");
        const auto data = tl::openDataset("fashion-mnist", false, {}, 40);
        const auto request = everyKind(model, 40);
        const auto sweep = tl::sweepAccuracy(model, data, request, {});
        const auto keys = tl::sweepConfigurations(model, request);
        QCOMPARE(sweep.size(), keys.size());
        int withTl = 0;
        c10::InferenceMode guard;
        const auto unsplit = tl::unsplitKey(model);
        QCOMPARE(keys.back(), unsplit);
        const auto best = model.forward(data.images).argmax(1);
        QCOMPARE(sweep.at(unsplit).top1, best.eq(data.labels).sum().item<int64_t>());
        QCOMPARE(sweep.at(unsplit).agree, int64_t(40));
        for (const auto &key : keys) {
            if (key == unsplit)
                continue;
            auto head = model.head(key.split), tail = model.tail(key.split);
            const auto codec = codec::Codec::parse(key.codec);
            std::optional<tl::TransferLayer> layer;
            if (!key.tl.empty())
                layer.emplace(tl::TlSpec::parse(key.tl), model.cuts()[size_t(key.split)].shape());
            withTl += layer.has_value();
            tl::AccuracyCounts expected;
            for (int64_t i = 0; i < 40; ++i) {
                const auto x = data.images.slice(0, i, i + 1);
                auto y = graph::runOnce(head, x);
                if (layer)
                    y = layer->down(y);
                y = codec::decode(codec::encode(y, codec), codec, y.sizes().vec());
                if (layer)
                    y = layer->up(y);
                const auto scores = graph::runOnce(tail, y);
                const auto best = scores.argmax(1).item<int64_t>();
                const auto label = data.labels[i].item<int64_t>();
                const auto top5 = std::get<1>(scores.topk(5, 1));
                ++expected.images;
                expected.top1 += best == label;
                expected.top5 += top5.eq(label).any().item<bool>();
                expected.agree += best == model.forward(x).argmax(1).item<int64_t>();
            }
            const auto &got = sweep.at(key);
            const auto name =
                QStringLiteral("split %1 %2 %3")
                    .arg(key.split)
                    .arg(QString::fromStdString(key.tl), QString::fromStdString(key.codec));
            QVERIFY2(got.images == expected.images && got.top1 == expected.top1 &&
                         got.top5 == expected.top5 && got.agree == expected.agree,
                     qPrintable(name + QStringLiteral(": %1/%2/%3 against %4/%5/%6")
                                           .arg(got.top1)
                                           .arg(got.top5)
                                           .arg(got.agree)
                                           .arg(expected.top1)
                                           .arg(expected.top5)
                                           .arg(expected.agree)));
            if (key.tl.empty() && key.codec == "fp32")
                QCOMPARE(got.agree, got.images); // the split alone changes nothing
        }
        QVERIFY(withTl > 0);
    }

    // Stopped after 24 images and resumed from its counts, a sweep ends where one run ends.
    void sweepResumes()
    {
        const auto model = zoo::openModel("zoo:inspectnet");
        const auto data = tl::openDataset("fashion-mnist", false, {}, 48);
        auto request = everyKind(model, 48);
        const auto whole = tl::sweepAccuracy(model, data, request, {});
        request.limit = 24;
        int batches = 0;
        const auto half = tl::sweepAccuracy(model, data, request, {},
                                            [&](const tl::AccuracySweep &) { ++batches; });
        QCOMPARE(batches, 2);
        for (const auto &[key, c] : half)
            QCOMPARE(c.images, int64_t(24));
        request.limit = 48;
        const auto resumed = tl::sweepAccuracy(model, data, request, half);
        for (const auto &[key, c] : whole) {
            const auto &r = resumed.at(key);
            QVERIFY(r.images == c.images && r.top1 == c.top1 && r.top5 == c.top5 &&
                    r.agree == c.agree);
        }
        // Cancelled after its first batch, it says so and has counted that batch.
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(
            Error, tl::sweepAccuracy(model, data, request, {}, {},
                                     [&](double, std::string_view) { return ++calls < 1; }));
    }

    // A split given as halves (a TL model's, as fine-tuning makes them) counts what the sweep
    // counts for the same split, TL and codec; resumed, it ends with the same counts.
    void halvesCountAsTheSweep()
    {
        const auto model = zoo::openModel("zoo:inspectnet");
        const auto data = tl::openDataset("fashion-mnist", false, {}, 40);
        const auto spec = tl::TlSpec::parse("maxpool2"); // no weights: the same TL either way
        const int split = 8;
        tl::SweepRequest request;
        request.splits = {split};
        request.tls = {spec};
        request.codecs = {codec::Codec::parse("fp32"), codec::Codec::parse("int8")};
        request.batch = 16;
        const auto swept = tl::sweepAccuracy(model, data, request, {});
        auto tlModel = tl::insertTransferLayer(model, split, spec);
        tlModel.module.eval();
        const auto halves = tl::splitAtTransferLayer(tlModel);
        const auto whole =
            tl::sweepHalves(halves.head, halves.tail, model, data, request.codecs, 40, 16);
        auto half = tl::sweepHalves(halves.head, halves.tail, model, data, request.codecs, 24, 16);
        const auto resumed =
            tl::sweepHalves(halves.head, halves.tail, model, data, request.codecs, 40, 16, half);
        for (const auto &c : request.codecs) {
            const auto &expected = swept.at({split, "maxpool2", c.name()});
            for (const auto *counts : {&whole.at(c.name()), &resumed.at(c.name())}) {
                QCOMPARE(counts->images, int64_t(40));
                QCOMPARE(counts->top1, expected.top1);
                QCOMPARE(counts->top5, expected.top5);
                QCOMPARE(counts->agree, expected.agree);
            }
        }
        QCOMPARE(half.at("fp32").images, int64_t(24));
    }

    void badInputsAreRefusedInOneLine()
    {
        const auto model = zoo::openModel("zoo:inspectnet");
        auto data = tl::openDataset("fashion-mnist", false, {}, 8);
        auto request = everyKind(model, 8);
        const auto refused = [&](const tl::Dataset &d, const tl::SweepRequest &r) {
            return errorOf([&] { tl::sweepAccuracy(model, d, r, {}); });
        };
        auto big = request;
        big.limit = 9;
        QVERIFY(refused(data, big).contains(QStringLiteral("9 images asked for, but it has 8")));
        auto wrongSize = data;
        wrongSize.images = torch::zeros({8, 1, 20, 20});
        QVERIFY2(refused(wrongSize, request).contains(QStringLiteral("1x20x20")) &&
                     refused(wrongSize, request).contains(QStringLiteral("1x28x28")),
                 qPrintable(refused(wrongSize, request)));
        auto manyClasses = data;
        manyClasses.classes = 12;
        QVERIFY(refused(manyClasses, request).contains(QStringLiteral("12 classes")));
        auto fewClasses = data;
        fewClasses.classes = 3;
        QVERIFY2(refused(fewClasses, request).contains(QStringLiteral("3 classes, but")) &&
                     refused(fewClasses, request).contains(QStringLiteral("10 outputs")),
                 qPrintable(refused(fewClasses, request)));
        auto outOfRange = request;
        outOfRange.splits = {model.blockCount()};
        QVERIFY(refused(data, outOfRange).contains(QStringLiteral("nothing crosses")));
        auto noCodec = request;
        noCodec.codecs.clear();
        QVERIFY(refused(data, noCodec).contains(QStringLiteral("no codec")));
        torch::jit::Module doubling("doubling");
        doubling.define("def forward(self, x):\n    return x * 2\n");
        const auto notClassifier =
            graph::ModelGraph::fromModule(doubling, "doubling", {1, 1, 28, 28});
        const auto reason = errorOf([&] { tl::sweepAccuracy(notClassifier, data, request, {}); });
        QVERIFY2(reason.contains(QStringLiteral("classifier")), qPrintable(reason));
    }
};

CLEAVE_TEST_MAIN(TestAccuracy)
#include "tst_accuracy.moc"
