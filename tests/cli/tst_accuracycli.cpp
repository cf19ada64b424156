// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli accuracy as scripts use it: a real process on real data (a Fashion-MNIST subset
// and image folders written here), the counts in a real store, and each bad input refused in
// one line.
#include "clirunner.h"
#include "testmain.h"

#include "core/store/store.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace cleave;

namespace {

testing::CliResult cli(const QStringList &args)
{
    return testing::runCli(QStringLiteral(CLEAVE_CLI), args);
}

/// `classes` folders of `perClass` grey `side` x `side` PNGs.
void writeFolder(const QString &dir, int classes, int perClass, int side)
{
    for (int c = 0; c < classes; ++c) {
        const auto cls = QStringLiteral("%1/class%2").arg(dir).arg(c, 2, 10, QLatin1Char('0'));
        QVERIFY(QDir().mkpath(cls));
        for (int i = 0; i < perClass; ++i) {
            QImage image(side, side, QImage::Format_Grayscale8);
            image.fill(QColor::fromHsv(0, 0, (c * 20 + i * 7) % 255));
            QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(cls).arg(i)));
        }
    }
}

QString oneLine(const testing::CliResult &r)
{
    return QString::fromUtf8(r.err).trimmed();
}

} // namespace

class TestAccuracyCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The sweep prints every configuration and the unsplit model, stores their counts as it
    // goes, and run again on the same images gives the same figures from the store.
    void measuresStoresAndResumes()
    {
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("acc.cleave"));
        const QStringList args{QStringLiteral("accuracy"), QStringLiteral("zoo:inspectnet"),
                               QStringLiteral("--data"),   QStringLiteral("fashion-mnist"),
                               QStringLiteral("--limit"),  QStringLiteral("48"),
                               QStringLiteral("--splits"), QStringLiteral("2,7"),
                               QStringLiteral("--tl"),     QStringLiteral("maxpool2"),
                               QStringLiteral("--codec"),  QStringLiteral("fp32,int8"),
                               QStringLiteral("--db"),     db,
                               QStringLiteral("--json")};
        const auto first = cli(args);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const auto rows =
            QJsonDocument::fromJson(first.out)[QStringLiteral("configurations")].toArray();
        QCOMPARE(rows.size(), 2 * 2 * 2 + 1); // splits x (none, maxpool2) x codecs + unsplit
        for (const auto &row : rows) {
            QCOMPARE(row[QStringLiteral("images")].toInt(), 48);
            QVERIFY(row[QStringLiteral("top5")].toDouble() >=
                    row[QStringLiteral("top1")].toDouble());
        }
        {
            store::Store store(db.toStdString());
            const auto models = store.modelsNamed("zoo:inspectnet");
            QCOMPARE(models.size(), size_t(1));
            QCOMPARE(store.accuracies(models[0].id).size(), size_t(rows.size()));
        }
        const auto again = cli(args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(QJsonDocument::fromJson(again.out), QJsonDocument::fromJson(first.out));
    }

    void badInputsFailInOneLine()
    {
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("bad.cleave"));
        const auto run = [&](const QString &data, const QStringList &more = {}) {
            return cli(QStringList{QStringLiteral("accuracy"), QStringLiteral("zoo:inspectnet"),
                                   QStringLiteral("--data"), data, QStringLiteral("--db"), db} +
                       more);
        };
        // More images than the data set has.
        auto r = run(QStringLiteral("fashion-mnist"),
                     {QStringLiteral("--limit"), QStringLiteral("20000")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(oneLine(r).contains(QStringLiteral("20000 images asked for, but it has 10000")),
                 r.err.constData());
        QCOMPARE(oneLine(r).count(QLatin1Char('\n')), 0);
        // Images of another size: the file named, what was expected, and --resize converts.
        const auto small = dir.filePath(QStringLiteral("small"));
        writeFolder(small, 3, 2, 20);
        r = run(small);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(oneLine(r).contains(QStringLiteral(".png")) &&
                     oneLine(r).contains(QStringLiteral("28x28")) &&
                     oneLine(r).contains(QStringLiteral("--resize")),
                 r.err.constData());
        r = run(small, {QStringLiteral("--resize"), QStringLiteral("--limit"), QStringLiteral("6"),
                        QStringLiteral("--splits"), QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // More classes than the model has outputs.
        const auto many = dir.filePath(QStringLiteral("many"));
        writeFolder(many, 12, 1, 28);
        r = run(many);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(oneLine(r).contains(QStringLiteral("12")), r.err.constData());
        // A split that is not one.
        r = run(QStringLiteral("fashion-mnist"),
                {QStringLiteral("--splits"), QStringLiteral("2,x")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(oneLine(r).contains(QStringLiteral("--splits 2,x")), r.err.constData());
    }
};

CLEAVE_TEST_MAIN(TestAccuracyCli)
#include "tst_accuracycli.moc"
