// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"

#include "core/error.h"
#include "core/tl/spec.h"

using namespace cleave;
using tl::TlSpec;

class TestTlSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSpecs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("pool");
        QTest::addColumn<int>("factor");
        QTest::addColumn<int>("divisor");
        QTest::newRow("maxpool2") << QStringLiteral("maxpool2") << int(TlSpec::Pool::Max) << 2 << 0;
        QTest::newRow("avgpool4") << QStringLiteral("avgpool4") << int(TlSpec::Pool::Avg) << 4 << 0;
        QTest::newRow("maxpool2+c4")
            << QStringLiteral("maxpool2+c4") << int(TlSpec::Pool::Max) << 2 << 4;
    }
    void parsesSpecs()
    {
        QFETCH(QString, text);
        QFETCH(int, pool);
        QFETCH(int, factor);
        QFETCH(int, divisor);
        const auto spec = TlSpec::parse(text.toStdString());
        QCOMPARE(int(spec.pool), pool);
        QCOMPARE(spec.factor, factor);
        QCOMPARE(spec.channelDivisor, divisor);
        QCOMPARE(QString::fromStdString(spec.name()), text);
    }

    void rejectsBadSpecs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown") << QStringLiteral("minpool2") << QStringLiteral("unknown pooling");
        QTest::newRow("factor 3") << QStringLiteral("maxpool3") << QStringLiteral("must be 2 or 4");
        QTest::newRow("no factor") << QStringLiteral("avgpool") << QStringLiteral("must be 2 or 4");
        QTest::newRow("bad suffix") << QStringLiteral("maxpool2+x4") << QStringLiteral("cN");
        QTest::newRow("divisor 1")
            << QStringLiteral("maxpool2+c1") << QStringLiteral("from 2 to 64");
        QTest::newRow("divisor text")
            << QStringLiteral("maxpool2+cfour") << QStringLiteral("from 2 to 64");
    }
    void rejectsBadSpecs()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        try {
            TlSpec::parse(text.toStdString());
            QFAIL("accepted");
        } catch (const Error &e) {
            const auto message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(QStringLiteral("TL spec '") + text + QStringLiteral("': ")),
                     qPrintable(message));
            QVERIFY2(message.contains(reason), qPrintable(message));
        }
    }

    void appliesOnlyToImageLikeTensors()
    {
        const auto spec = TlSpec::parse("maxpool2+c4");
        QVERIFY(spec.appliesTo({1, 64, 56, 56}));
        QVERIFY(!spec.appliesTo({1, 1000}));     // a vector
        QVERIFY(!spec.appliesTo({1, 64, 1, 1})); // nothing to pool
        QVERIFY(!spec.appliesTo({1, 6, 8, 8}));  // 6 channels do not divide by 4
        QCOMPARE(spec.reducedShape({1, 64, 7, 5}), (graph::Shape{1, 16, 4, 3}));
    }

    // DeviceTL then EdgeTL gives back the exact original size, odd sizes included; with max
    // pooling, a tensor constant on 2x2 tiles comes back unchanged.
    void restoresTheExactSize_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QList<qint64>>("shape");
        QTest::newRow("even") << QStringLiteral("maxpool2") << QList<qint64>{1, 8, 8, 8};
        QTest::newRow("odd") << QStringLiteral("avgpool4") << QList<qint64>{2, 3, 7, 5};
        QTest::newRow("channels") << QStringLiteral("maxpool2+c4") << QList<qint64>{1, 8, 9, 6};
    }
    void restoresTheExactSize()
    {
        QFETCH(QString, spec);
        QFETCH(QList<qint64>, shape);
        const graph::Shape cut(shape.begin(), shape.end());
        const auto s = TlSpec::parse(spec.toStdString());
        tl::TransferLayer layer(s, cut);
        const auto x = torch::randn(cut);
        const auto middle = layer.down(x);
        QCOMPARE(middle.sizes().vec(), s.reducedShape(cut));
        QCOMPARE(layer.up(middle).sizes().vec(), cut);
    }

    // DeviceTL's pairwise pooling equals LibTorch's pooling with ceil_mode (border windows of
    // odd sizes averaged over the elements they hold), and its gradient flows.
    void poolingEqualsLibTorchPooling_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QList<qint64>>("shape");
        for (const char *s : {"maxpool2", "avgpool2", "maxpool4", "avgpool4"}) {
            for (const auto &shape : QList<QList<qint64>>{
                     {1, 3, 8, 8}, {2, 3, 7, 9}, {1, 2, 2, 5}, {1, 1, 3, 3}, {1, 4, 13, 6}}) {
                QTest::addRow("%s %lldx%lld", s, shape[2], shape[3])
                    << QString::fromLatin1(s) << shape;
            }
        }
    }
    void poolingEqualsLibTorchPooling()
    {
        QFETCH(QString, spec);
        QFETCH(QList<qint64>, shape);
        const graph::Shape cut(shape.begin(), shape.end());
        const auto s = TlSpec::parse(spec.toStdString());
        const int64_t f = s.factor;
        const auto x = (torch::randn(cut) - 3.0).requires_grad_();
        const auto expected = s.pool == TlSpec::Pool::Max
                                  ? torch::max_pool2d(x, {f, f}, {f, f}, {0, 0}, {1, 1}, true)
                                  : torch::avg_pool2d(x, {f, f}, {f, f}, {0, 0}, true, false);
        const auto actual = tl::TransferLayer(s, cut).down(x);
        QCOMPARE(actual.sizes().vec(), expected.sizes().vec());
        QVERIFY2(torch::allclose(actual, expected, 1e-6, 1e-6),
                 qPrintable(QString::number((actual - expected).abs().max().item<double>())));
        actual.sum().backward();
        const auto grad = x.grad().clone();
        x.grad().zero_();
        expected.sum().backward();
        QVERIFY(torch::allclose(grad, x.grad()));
    }

    void maxPoolingRoundTripsTileConstantTensors()
    {
        const auto tiles = torch::randn({1, 4, 3, 3});
        const auto x = torch::upsample_nearest2d(tiles, {6, 6});
        tl::TransferLayer layer(TlSpec::parse("maxpool2"), {1, 4, 6, 6});
        QVERIFY(torch::equal(layer.up(layer.down(x)), x));
    }

    void refusesShapesItDoesNotApplyTo()
    {
        try {
            tl::TransferLayer layer(TlSpec::parse("maxpool2"), {1, 10});
            QFAIL("accepted");
        } catch (const Error &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     QStringLiteral("maxpool2 does not apply to a 1x10 tensor"));
        }
    }
};

CLEAVE_TEST_MAIN(TestTlSpec)
#include "tst_tlspec.moc"
