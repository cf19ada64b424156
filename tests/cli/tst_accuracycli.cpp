// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli accuracy as scripts use it: a real process on real data (a Fashion-MNIST subset
// and image folders written here), the counts in a real store, and each bad input refused in
// one line.
#include "clirunner.h"
#include "testmain.h"

#include "core/store/store.h"
#include "core/tl/dataset.h"

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

/// InspectNet timed briefly on the local agents with maxpool2 into `db`, with `more` options.
testing::CliResult benchInspectNet(const QString &db, const QStringList &more = {})
{
    return cli(QStringList{QStringLiteral("bench"), QStringLiteral("zoo:inspectnet"),
                           QStringLiteral("--local"), QStringLiteral("--db"), db,
                           QStringLiteral("--warmup"), QStringLiteral("1"),
                           QStringLiteral("--reps"), QStringLiteral("3"), QStringLiteral("--tl"),
                           QStringLiteral("maxpool2")} +
               more);
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

    // plan reads what accuracy stored: every configuration it ranks under a limit was measured
    // and within it, exactly those of the full ranking; the front is fastest first, each more
    // accurate; unmeasured ones are counted and how to measure them is said.
    void planHonoursTheAccuracyLimit()
    {
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("plan.cleave"));
        auto r = benchInspectNet(db, {QStringLiteral("--codec"), QStringLiteral("fp32,int8")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({QStringLiteral("accuracy"), QStringLiteral("zoo:inspectnet"),
                 QStringLiteral("--data"), QStringLiteral("fashion-mnist"),
                 QStringLiteral("--limit"), QStringLiteral("40"), QStringLiteral("--splits"),
                 QStringLiteral("3,8,11"), QStringLiteral("--tl"), QStringLiteral("maxpool2"),
                 QStringLiteral("--codec"), QStringLiteral("int8"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList plan{
            QStringLiteral("plan"),    QStringLiteral("--db"),           db,
            QStringLiteral("--model"), QStringLiteral("zoo:inspectnet"), QStringLiteral("--codec"),
            QStringLiteral("int8"),    QStringLiteral("--top"),          QStringLiteral("0"),
            QStringLiteral("--json")};
        r = cli(plan);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto all = QJsonDocument::fromJson(r.out)[QStringLiteral("ranking")].toArray();
        QVERIFY(QJsonDocument::fromJson(r.out)[QStringLiteral("accuracy_dataset")]
                    .toString()
                    .startsWith(QStringLiteral("fashion-mnist/test@")));
        const double limit = 1.0;
        int within = 0, unmeasured = 0;
        for (const auto &c : all) {
            const auto a = c[QStringLiteral("accuracy")];
            if (a.isNull())
                ++unmeasured;
            else if (a[QStringLiteral("drop_pp")].toDouble() <= limit + 1e-9)
                ++within;
        }
        QVERIFY(within > 0 && unmeasured > 0);

        r = cli(plan + QStringList{QStringLiteral("--max-accuracy-drop"), QStringLiteral("1"),
                                   QStringLiteral("--pareto")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto limited = QJsonDocument::fromJson(r.out);
        QCOMPARE(limited[QStringLiteral("allowed")].toInt(), within);
        QCOMPARE(limited[QStringLiteral("unmeasured")].toInt(), unmeasured);
        for (const auto &c : limited[QStringLiteral("ranking")].toArray()) {
            const auto a = c[QStringLiteral("accuracy")];
            QCOMPARE(a[QStringLiteral("images")].toInt(), 40);
            QCOMPARE(a[QStringLiteral("fine_tuned")].toBool(), false);
            QVERIFY(a[QStringLiteral("drop_pp")].toDouble() <= limit + 1e-9);
            const double top1 = a[QStringLiteral("top1")].toDouble();
            QVERIFY(top1 >= 0 && top1 <= 1 && a[QStringLiteral("top5")].toDouble() >= top1);
        }
        const auto front = limited[QStringLiteral("pareto")].toArray();
        QVERIFY(!front.isEmpty());
        for (qsizetype i = 1; i < front.size(); ++i) {
            QVERIFY(front[i][QStringLiteral("total_s")].toDouble() >=
                    front[i - 1][QStringLiteral("total_s")].toDouble());
            QVERIFY(front[i][QStringLiteral("accuracy")][QStringLiteral("top1")].toDouble() >
                    front[i - 1][QStringLiteral("accuracy")][QStringLiteral("top1")].toDouble());
        }

        // The table says how many were left out and how to measure them.
        QStringList text = plan;
        text.removeLast();
        r = cli(text + QStringList{QStringLiteral("--max-accuracy-drop"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(QStringLiteral("note: %1 configurations that meet the other "
                                               "constraints have no accuracy measured")
                                    .arg(unmeasured)
                                    .toUtf8()),
                 r.out.constData());
        QVERIFY2(r.out.contains("note: measure them with: cleave-cli accuracy zoo:inspectnet "
                                "--codec int8 --tl maxpool2 --data DATA --db"),
                 r.out.constData());
        // Only unmeasured configurations meet the rest: a one-line refusal that says so.
        r = cli(text + QStringList{QStringLiteral("--max-accuracy-drop"), QStringLiteral("50"),
                                   QStringLiteral("--min-split"), QStringLiteral("12"),
                                   QStringLiteral("--require"), QStringLiteral("edge")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(oneLine(r).count(QLatin1Char('\n')), 0);
        QVERIFY2(oneLine(r).contains(QStringLiteral(
                     "no configuration meets --max-accuracy-drop 50: none of the")) &&
                     oneLine(r).contains(QStringLiteral("measure them with: cleave-cli accuracy "
                                                        "zoo:inspectnet --codec int8")),
                 r.err.constData());
        // A negative limit.
        r = cli(text + QStringList{QStringLiteral("--max-accuracy-drop"), QStringLiteral("-1")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(oneLine(r), QStringLiteral("error: --max-accuracy-drop -1: must be zero or more"));
    }

    // --fine-tune-top K fine-tunes the TL of the K fastest TL plans of the link and stores each
    // as its own configuration, once; a bundle exported with --train is measured as the
    // export's own evaluation of it found it (fp32 halves are the TL model).
    void fineTunesAndMeasuresBundles()
    {
        QTemporaryDir dir;
        const auto db = dir.filePath(QStringLiteral("tune.cleave"));
        auto r = benchInspectNet(db);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({QStringLiteral("plan"), QStringLiteral("--db"), db, QStringLiteral("--model"),
                 QStringLiteral("zoo:inspectnet"), QStringLiteral("--link"), QStringLiteral("4g"),
                 QStringLiteral("--top"), QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        int fastest = -1;
        for (const auto &c : QJsonDocument::fromJson(r.out)[QStringLiteral("ranking")].toArray())
            if (fastest < 0 && c[QStringLiteral("tl")].toString() == QStringLiteral("maxpool2"))
                fastest = c[QStringLiteral("splits")][0].toInt();
        QVERIFY(fastest >= 0);

        const QStringList tune{QStringLiteral("accuracy"),
                               QStringLiteral("zoo:inspectnet"),
                               QStringLiteral("--data"),
                               QStringLiteral("fashion-mnist"),
                               QStringLiteral("--limit"),
                               QStringLiteral("40"),
                               QStringLiteral("--splits"),
                               QStringLiteral("8"),
                               QStringLiteral("--tl"),
                               QStringLiteral("maxpool2"),
                               QStringLiteral("--fine-tune-top"),
                               QStringLiteral("1"),
                               QStringLiteral("--link"),
                               QStringLiteral("4g"),
                               QStringLiteral("--train-limit"),
                               QStringLiteral("128"),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--json")};
        r = cli(tune);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("fine-tuning maxpool2 at split"));
        const auto rowsOf = [](const QByteArray &out) {
            QList<QJsonObject> tuned;
            for (const auto &row :
                 QJsonDocument::fromJson(out)[QStringLiteral("configurations")].toArray())
                if (row[QStringLiteral("fine_tuned")].isString())
                    tuned.push_back(row.toObject());
            return tuned;
        };
        auto tuned = rowsOf(r.out);
        QCOMPARE(tuned.size(), 1);
        QCOMPARE(tuned[0][QStringLiteral("split")].toInt(), fastest);
        QCOMPARE(tuned[0][QStringLiteral("tl")].toString(), QStringLiteral("maxpool2"));
        QCOMPARE(tuned[0][QStringLiteral("fine_tuned")].toString(),
                 QStringLiteral("1 epoch, lr 0.001, 128 images"));
        QCOMPARE(tuned[0][QStringLiteral("images")].toInt(), 40);
        // Measured on all its images already: not trained again, the same figures.
        const auto again = cli(tune);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY(!again.err.contains("fine-tuning maxpool2"));
        QCOMPARE(rowsOf(again.out), tuned);
        // A privacy constraint: only TL plans at that split or later are fine-tuned.
        const int privacy = fastest + 1;
        r = cli(tune + QStringList{QStringLiteral("--min-split"), QString::number(privacy)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto privateRows = rowsOf(r.out);
        QCOMPARE(privateRows.size(), privacy <= 12 ? 1 : 0); // maxpool2 applies up to cut 12
        for (const auto &row : privateRows)
            QVERIFY(row[QStringLiteral("split")].toInt() >= privacy);

        const auto bundle = dir.filePath(QStringLiteral("bundle"));
        r = cli({QStringLiteral("export"), QStringLiteral("zoo:inspectnet"),
                 QStringLiteral("--split"), QStringLiteral("8"), QStringLiteral("--tl"),
                 QStringLiteral("maxpool2"), QStringLiteral("--train"),
                 QStringLiteral("fashion-mnist"), QStringLiteral("--train-limit"),
                 QStringLiteral("128"), QStringLiteral("--test-limit"), QStringLiteral("40"),
                 QStringLiteral("-o"), bundle});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile manifestFile(bundle + QStringLiteral("/manifest.json"));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const auto training = QJsonDocument::fromJson(manifestFile.readAll())
                                  .object()[QStringLiteral("training")]
                                  .toObject();
        const QStringList measure{QStringLiteral("accuracy"), QStringLiteral("zoo:inspectnet"),
                                  QStringLiteral("--data"),   QStringLiteral("fashion-mnist"),
                                  QStringLiteral("--limit"),  QStringLiteral("40"),
                                  QStringLiteral("--codec"),  QStringLiteral("fp32,int8"),
                                  QStringLiteral("--db"),     db,
                                  QStringLiteral("--json")};
        r = cli(measure + QStringList{QStringLiteral("--bundle"), bundle});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        tuned = rowsOf(r.out);
        QCOMPARE(tuned.size(), 2);
        for (const auto &row : tuned) {
            QCOMPARE(row[QStringLiteral("split")].toInt(), 8);
            // Named as accuracy --fine-tune-top names the same training.
            QCOMPARE(row[QStringLiteral("fine_tuned")].toString(),
                     QStringLiteral("1 epoch, lr 0.001, 128 images"));
            if (row[QStringLiteral("codec")].toString() == QStringLiteral("fp32"))
                QCOMPARE(row[QStringLiteral("top1")].toDouble(),
                         training[QStringLiteral("tl_top1_after")].toDouble());
        }

        // Bad input: a folder that is no bundle, a bundle of another model, no TL to fine-tune.
        r = cli(measure + QStringList{QStringLiteral("--bundle"), dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(oneLine(r).contains(QStringLiteral("manifest.json: missing (not a Cleave "
                                                    "bundle)")),
                 r.err.constData());
        const auto trained = dir.filePath(QStringLiteral("trained.pt"));
        r = cli(
            {QStringLiteral("train"), QStringLiteral("zoo:inspectnet"), QStringLiteral("--data"),
             QStringLiteral("fashion-mnist"), QStringLiteral("--train-limit"), QStringLiteral("64"),
             QStringLiteral("--test-limit"), QStringLiteral("16"), QStringLiteral("-o"), trained});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList other = measure;
        other[1] = trained;
        r = cli(other + QStringList{QStringLiteral("--bundle"), bundle});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(oneLine(r), QStringLiteral("error: %1: a bundle of zoo:inspectnet, not of %2")
                                 .arg(bundle, trained));
        r = cli(measure + QStringList{QStringLiteral("--fine-tune-top"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(oneLine(r).contains(QStringLiteral("--fine-tune-top 2: name the Transfer "
                                                    "Layers to consider with --tl")),
                 r.err.constData());
    }

    // The same images as PNGs in class folders, normalised as the IDX files are (--mean,
    // --std), count exactly as the IDX files do; the folder is named "DIR/test".
    void aFolderOfTheSameImagesCountsTheSame()
    {
        QTemporaryDir dir;
        const auto folder = dir.filePath(QStringLiteral("fm"));
        const auto idx = tl::openDataset("fashion-mnist", false, {}, 40);
        for (int64_t i = 0; i < idx.size(); ++i) {
            // Back to the bytes: (p / 255 - mean) / std, inverted and rounded.
            const auto pixels = ((idx.images[i][0] * 0.3530 + 0.2860) * 255.0)
                                    .round()
                                    .clamp(0, 255)
                                    .to(torch::kUInt8)
                                    .contiguous();
            QImage image(pixels.data_ptr<uint8_t>(), 28, 28, 28, QImage::Format_Grayscale8);
            const auto cls =
                QStringLiteral("%1/test/class%2").arg(folder).arg(idx.labels[i].item<int64_t>());
            QVERIFY(QDir().mkpath(cls));
            QVERIFY(
                image.save(QStringLiteral("%1/%2.png").arg(cls).arg(i, 3, 10, QLatin1Char('0'))));
        }
        const auto db = dir.filePath(QStringLiteral("same.cleave"));
        const auto run = [&](const QString &data, const QStringList &more) {
            const auto r = cli(
                QStringList{QStringLiteral("accuracy"), QStringLiteral("zoo:inspectnet"),
                            QStringLiteral("--data"), data, QStringLiteral("--limit"),
                            QStringLiteral("40"), QStringLiteral("--splits"), QStringLiteral("7"),
                            QStringLiteral("--codec"), QStringLiteral("int8"),
                            QStringLiteral("--db"), db, QStringLiteral("--json")} +
                more);
            return std::pair{r.exitCode, QJsonDocument::fromJson(r.out)};
        };
        const auto [idxCode, fromIdx] = run(QStringLiteral("fashion-mnist"), {});
        QCOMPARE(idxCode, 0);
        const auto [folderCode, fromFolder] =
            run(folder, {QStringLiteral("--mean"), QStringLiteral("0.2860"),
                         QStringLiteral("--std"), QStringLiteral("0.3530")});
        QCOMPARE(folderCode, 0);
        QCOMPARE(fromFolder[QStringLiteral("dataset")].toString().section(QLatin1Char('@'), 0, 0),
                 QStringLiteral("fm/test"));
        const auto rows = [](const QJsonDocument &doc) {
            QMap<QString, QJsonObject> byKey;
            for (const auto &row : doc[QStringLiteral("configurations")].toArray())
                byKey.insert(QStringLiteral("%1 %2")
                                 .arg(row[QStringLiteral("split")].toInt())
                                 .arg(row[QStringLiteral("codec")].toString()),
                             row.toObject());
            return byKey;
        };
        const auto a = rows(fromIdx), b = rows(fromFolder);
        QCOMPARE(a.keys(), b.keys());
        for (const auto &key : a.keys())
            for (const char *field : {"top1", "top5", "agreement", "images"})
                QCOMPARE(b[key][QLatin1String(field)].toDouble(),
                         a[key][QLatin1String(field)].toDouble());
        // A spread of zero is refused in one line.
        const auto bad = cli({QStringLiteral("accuracy"), QStringLiteral("zoo:inspectnet"),
                              QStringLiteral("--data"), folder, QStringLiteral("--std"),
                              QStringLiteral("0"), QStringLiteral("--db"), db});
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(oneLine(bad), QStringLiteral("error: --std 0.000: must be positive"));
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
        writeFolder(small, 10, 1, 20);
        r = run(small);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(oneLine(r).contains(QStringLiteral(".png")) &&
                     oneLine(r).contains(QStringLiteral("28x28")) &&
                     oneLine(r).contains(QStringLiteral("--resize")),
                 r.err.constData());
        r = run(small, {QStringLiteral("--resize"), QStringLiteral("--limit"), QStringLiteral("6"),
                        QStringLiteral("--splits"), QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Fewer classes than the model has outputs: its labels would not name its outputs.
        const auto few = dir.filePath(QStringLiteral("few"));
        writeFolder(few, 3, 2, 28);
        r = run(few);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            oneLine(r).contains(QStringLiteral("3 classes, but zoo:inspectnet has 10 outputs")),
            r.err.constData());
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
