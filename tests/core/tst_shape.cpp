// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmain.h"

#include "core/error.h"
#include "core/graph/shape.h"

using namespace cleave;

class TestShape : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDimensions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("dims");
        QTest::newRow("image") << QStringLiteral("1x3x224x224") << QList<qint64>{1, 3, 224, 224};
        QTest::newRow("upper-case X") << QStringLiteral("2X1X28X28") << QList<qint64>{2, 1, 28, 28};
        QTest::newRow("vector") << QStringLiteral("7") << QList<qint64>{7};
    }
    void parsesDimensions()
    {
        QFETCH(QString, text);
        QFETCH(QList<qint64>, dims);
        const auto shape = graph::parseShape(text.toStdString());
        QCOMPARE(QList<qint64>(shape.begin(), shape.end()), dims);
        QCOMPARE(QString::fromStdString(graph::formatShape(shape)), text.toLower());
    }

    void rejectsMalformedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("letters") << QStringLiteral("1x3xab")
                                 << QStringLiteral("'ab' is not a number");
        QTest::newRow("trailing x")
            << QStringLiteral("1x3x") << QStringLiteral("'' is not a number");
        QTest::newRow("zero") << QStringLiteral("1x0x4") << QStringLiteral("not positive");
        QTest::newRow("negative") << QStringLiteral("1x-3") << QStringLiteral("not positive");
        QTest::newRow("comma") << QStringLiteral("1,3,4") << QStringLiteral("not a number");
        QTest::newRow("overflow") << QStringLiteral("99999999999x99999999999")
                                  << QStringLiteral("too many elements");
    }
    void rejectsMalformedText()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        try {
            graph::parseShape(text.toStdString());
            QFAIL("parseShape accepted malformed text");
        } catch (const Error &e) {
            QCOMPARE(int(e.kind()), int(ErrorKind::InvalidInput));
            const auto message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(reason), qPrintable(message));
            QVERIFY2(message.startsWith(QLatin1Char('\'') + text + QLatin1Char('\'')),
                     qPrintable(message));
            QVERIFY(!message.contains(QLatin1Char('\n')));
        }
    }

    void reducesTorchMessagesToOneLine_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("line");
        QTest::newRow("TorchScript traceback")
            << QStringLiteral("The following operation failed in the TorchScript interpreter.\n"
                              "Traceback of TorchScript, serialized code (most recent call last):\n"
                              "  File \"code/__torch__.py\", line 9, in forward\n"
                              "    x = torch.conv2d(x, w)\n"
                              "RuntimeError: Given groups=1, expected 3 channels, got 1\n")
            << QStringLiteral("Given groups=1, expected 3 channels, got 1");
        QTest::newRow("C++ backtrace")
            << QStringLiteral("PytorchStreamReader failed reading zip archive\n"
                              "Exception raised from valid at ../caffe2/serialize.cc:183\n"
                              "frame #0: c10::Error::Error(...)\n")
            << QStringLiteral("PytorchStreamReader failed reading zip archive");
        QTest::newRow("plain") << QStringLiteral("  just this  ") << QStringLiteral("just this");
        QTest::newRow("empty") << QString() << QStringLiteral("unknown error");
    }
    void reducesTorchMessagesToOneLine()
    {
        QFETCH(QString, message);
        QFETCH(QString, line);
        QCOMPARE(QString::fromStdString(oneLineReason(message.toStdString())), line);
    }
};

CLEAVE_TEST_MAIN(TestShape)
#include "tst_shape.moc"
