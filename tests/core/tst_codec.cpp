// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"

#include "core/codec/codec.h"
#include "core/error.h"

#include <ATen/CPUGeneratorImpl.h>

using namespace cleave;
using cleave::testing::errorOf;
using codec::Codec;

namespace {

// A ReLU activation as a real cut carries: about half zeros.
torch::Tensor activation(const graph::Shape &shape)
{
    auto generator = at::detail::createCPUGenerator(11);
    return torch::relu(torch::randn(shape, generator) * 3.0);
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codecs_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto &c : codec::allCodecs())
            QTest::newRow(c.name().c_str()) << QString::fromStdString(c.name());
    }

    void roundTripsWithinItsErrorBound_data() { codecs_data(); }
    void roundTripsWithinItsErrorBound()
    {
        QFETCH(QString, name);
        const auto c = Codec::parse(name.toStdString());
        QCOMPARE(QString::fromStdString(c.name()), name);
        const graph::Shape shape{1, 16, 14, 14};
        const auto x = activation(shape);
        const auto payload = codec::encode(x, c);
        const auto y = codec::decode(payload, c, shape);
        QCOMPARE(y.sizes().vec(), shape);
        const double error = (y - x).abs().max().item<double>();
        const double magnitude = x.abs().max().item<double>();
        switch (c.precision) {
        case Codec::Precision::Fp32:
            QVERIFY(torch::equal(x, y));
            break;
        case Codec::Precision::Fp16:
            QVERIFY2(error <= magnitude * std::pow(2.0, -11), qPrintable(QString::number(error)));
            break;
        case Codec::Precision::Int8: {
            const double step = (x.max().item<double>() - x.min().item<double>()) / 255.0;
            QVERIFY2(error <= step / 2 * 1.0001, qPrintable(QString::number(error / step)));
            break;
        }
        }
        if (!c.zstd) {
            const int64_t bytes = c.precision == Codec::Precision::Fp32   ? x.numel() * 4
                                  : c.precision == Codec::Precision::Fp16 ? x.numel() * 2
                                                                          : x.numel() + 8;
            QCOMPARE(int64_t(payload.size()), bytes);
        }
    }

    // roundTrip is what the wire does to each image of a batch sent alone, bit for bit: rows of
    // very different ranges (int8 steps each on its own scale), a constant row, negatives.
    void roundTripEqualsEachImageEncodedAlone_data() { codecs_data(); }
    void roundTripEqualsEachImageEncodedAlone()
    {
        QFETCH(QString, name);
        const auto c = Codec::parse(name.toStdString());
        const graph::Shape one{1, 8, 6, 6};
        auto generator = at::detail::createCPUGenerator(5);
        auto batch = torch::cat({activation(one), torch::randn(one, generator) * 1000.0,
                                 torch::full(one, -2.5), torch::randn(one, generator) * 1e-4},
                                0);
        const auto crossed = codec::roundTrip(batch, c);
        QCOMPARE(crossed.sizes().vec(), batch.sizes().vec());
        for (int64_t r = 0; r < batch.size(0); ++r) {
            const auto row = batch.slice(0, r, r + 1).contiguous();
            const auto alone = codec::decode(codec::encode(row, c), c, one);
            QVERIFY2(torch::equal(crossed.slice(0, r, r + 1), alone),
                     qPrintable(QString::number(r)));
        }
        QVERIFY(!torch::equal(crossed, batch) || c.precision == Codec::Precision::Fp32);
    }

    // Half of a ReLU activation is zeros: zstd shrinks it markedly; random noise it cannot.
    void zstdShrinksReluSparseActivations()
    {
        const graph::Shape shape{1, 64, 28, 28};
        const auto sparse = activation(shape);
        const double zeros = (sparse == 0).sum().item<double>() / double(sparse.numel());
        QVERIFY(zeros > 0.4 && zeros < 0.6);
        for (const char *base : {"fp32", "fp16", "int8"}) {
            const auto plain = codec::encode(sparse, Codec::parse(base)).size();
            const auto packed =
                codec::encode(sparse, Codec::parse(std::string(base) + "+zstd")).size();
            QVERIFY2(double(packed) < 0.75 * double(plain),
                     qPrintable(QStringLiteral("%1: %2 of %3")
                                    .arg(QLatin1String(base))
                                    .arg(packed)
                                    .arg(plain)));
        }
    }

    void constantTensorsSurviveInt8()
    {
        const auto x = torch::full({2, 3}, 4.5f);
        const auto y =
            codec::decode(codec::encode(x, Codec::parse("int8")), Codec::parse("int8"), {2, 3});
        QVERIFY(torch::equal(x, y));
    }

    void refusesMalformedPayloads_data() { codecs_data(); }
    void refusesMalformedPayloads()
    {
        QFETCH(QString, name);
        const auto c = Codec::parse(name.toStdString());
        const graph::Shape shape{1, 8, 4, 4};
        const auto payload = codec::encode(activation(shape), c);
        // Truncated, and for the wrong shape.
        auto message = errorOf([&] {
            codec::decode(std::string_view(payload).substr(0, payload.size() / 2), c, shape);
        });
        QVERIFY2(message.startsWith(name + QStringLiteral(" payload: ")), qPrintable(message));
        message = errorOf([&] { codec::decode(payload, c, {1, 8, 4, 5}); });
        QVERIFY2(message.startsWith(name + QStringLiteral(" payload: ")), qPrintable(message));
        // Garbage of the right raw size must not be mistaken for a zstd frame.
        if (c.zstd) {
            const std::string garbage(size_t(4 * 128), 'x');
            message = errorOf([&] { codec::decode(garbage, c, shape); });
            QVERIFY2(message.contains(QStringLiteral("not a zstd frame")), qPrintable(message));
        }
    }

    void refusesUnknownNames()
    {
        const auto message = errorOf([] { Codec::parse("bf16"); });
        QCOMPARE(message, QStringLiteral("codec 'bf16': unknown (valid: fp32, fp16, int8, "
                                         "fp32+zstd, fp16+zstd, int8+zstd)"));
    }
};

CLEAVE_TEST_MAIN(TestCodec)
#include "tst_codec.moc"
