// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli export and train as scripts use them: the bundle's files and manifest, the halves
// loading in C++ and in Python, fine-tuning on real Fashion-MNIST, and every bad input,
// a full disk included.
#include "clirunner.h"
#include "testmain.h"
#include "testmodels.h"

#include "core/graph/modelgraph.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

using cleave::testing::fixture;

namespace {

cleave::testing::CliResult cli(const QStringList &args)
{
    return cleave::testing::runCli(QStringLiteral(CLEAVE_CLI), args);
}

QJsonObject manifestOf(const QString &dir)
{
    QFile f(dir + QStringLiteral("/manifest.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QList<qint64> shapeOf(const QJsonValue &v)
{
    QList<qint64> shape;
    for (const auto &d : v.toArray())
        shape.push_back(d.toInteger());
    return shape;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = m_dir.filePath(QStringLiteral("demo.pt"));
        cleave::graph::saveModule(cleave::testing::demoModel(), m_model.toStdString(),
                                  cleave::testing::kDemoInputShape);
    }

    void writesABundleWithATl()
    {
        const auto out = m_dir.filePath(QStringLiteral("tl-bundle"));
        const auto r =
            cli({QStringLiteral("export"), m_model, QStringLiteral("--split"), QStringLiteral("7"),
                 QStringLiteral("--tl"), QStringLiteral("maxpool2"), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const auto *file : {"manifest.json", "README.md", "device/head.pt", "edge/tail.pt",
                                 "triton/demo_tail/config.pbtxt", "triton/demo_tail/1/model.pt"})
            QVERIFY2(QFile::exists(out + QLatin1Char('/') + QLatin1String(file)), file);
        const auto m = manifestOf(out);
        QCOMPARE(m[QStringLiteral("split")].toInt(), 7);
        QCOMPARE(m[QStringLiteral("tl")].toString(), QStringLiteral("maxpool2"));
        QCOMPARE(m[QStringLiteral("codec")].toString(), QStringLiteral("fp32"));
        QCOMPARE(m[QStringLiteral("model")].toObject()[QStringLiteral("sha256")].toString().size(),
                 64);
        const auto wire = m[QStringLiteral("wire")].toObject();
        QCOMPARE(shapeOf(wire[QStringLiteral("shape")]), (QList<qint64>{1, 32, 8, 8}));
        // A quarter of the 1x32x16x16 cut.
        QCOMPARE(wire[QStringLiteral("bytes")].toInteger(), 32 * 16 * 16 * 4 / 4);
        QCOMPARE(shapeOf(m[QStringLiteral("output")].toObject()[QStringLiteral("shape")]),
                 (QList<qint64>{1, 10}));
        QVERIFY(m[QStringLiteral("predicted_latency_s")].isNull());
        QFile config(out + QStringLiteral("/triton/demo_tail/config.pbtxt"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const auto text = config.readAll();
        QVERIFY(text.contains("platform: \"pytorch_libtorch\""));
        QVERIFY(text.contains("name: \"INPUT__0\""));
        QVERIFY(text.contains("dims: [ 1, 32, 8, 8 ]"));
        QVERIFY(text.contains("dims: [ 1, 10 ]"));
        // No temporary folder is left beside the bundle.
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.partial-*")}).size(), 0);
        // Not fine-tuned: the TL's change to the output, measured, and the way to train it.
        static const QRegularExpression untrained(QStringLiteral(
            "warning: the Transfer Layer maxpool2 is not trained: on the check input it changes "
            "the model's output by ([0-9.]+) % of its largest value; fine-tune it with --train "
            "DATASET\n"));
        const auto warned = untrained.match(QString::fromUtf8(r.err));
        QVERIFY2(warned.hasMatch(), r.err.constData());
        QVERIFY(warned.captured(1).toDouble() > 0);
        // The halves record their input shapes; the README's command gives the model's.
        QVERIFY(cli({QStringLiteral("inspect"), out + QStringLiteral("/edge/tail.pt")})
                    .out.contains("input       1x32x8x8"));
        QFile readme(out + QStringLiteral("/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        QVERIFY(readme.readAll().contains("--input 1x3x32x32 --split 7 --tl maxpool2"));

        // The halves load in C++ and chain: head's output is the wire tensor.
        auto head = torch::jit::load((out + QStringLiteral("/device/head.pt")).toStdString());
        auto tail = torch::jit::load((out + QStringLiteral("/edge/tail.pt")).toStdString());
        const auto wireTensor = head.forward({torch::randn({1, 3, 32, 32})}).toTensor();
        QCOMPARE(wireTensor.sizes().vec(), (std::vector<int64_t>{1, 32, 8, 8}));
        QCOMPARE(tail.forward({wireTensor}).toTensor().sizes().vec(),
                 (std::vector<int64_t>{1, 10}));
    }

    // Python's torch.jit.load reads both halves (python3-torch, installed by the Makefile).
    void halvesLoadInPython()
    {
        const auto python = QStringLiteral("/usr/bin/python3");
        const auto out = m_dir.filePath(QStringLiteral("py-bundle"));
        QVERIFY(
            cli({QStringLiteral("export"), m_model, QStringLiteral("--split"), QStringLiteral("4"),
                 QStringLiteral("--tl"), QStringLiteral("avgpool2"), QStringLiteral("-o"), out})
                .exitCode == 0);
        const auto script =
            QStringLiteral("import sys, torch\n"
                           "h = torch.jit.load(sys.argv[1] + '/device/head.pt')\n"
                           "t = torch.jit.load(sys.argv[1] + '/edge/tail.pt')\n"
                           "y = t(h(torch.randn(1, 3, 32, 32)))\n"
                           "print(list(h(torch.randn(1, 3, 32, 32)).shape), list(y.shape))\n");
        const auto r = cleave::testing::runCli(python, {QStringLiteral("-c"), script, out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(), QByteArray("[1, 16, 16, 16] [1, 10]"));
    }

    // A node cut of several tensors exports too: the head returns them as a tuple, the
    // tail and its Triton entry take one input each (INPUT__0, INPUT__1 with their dims), the
    // manifest lists them, and in Python tail(*head(x)) is the model. A Transfer Layer there is
    // refused: it needs a cut of one tensor.
    void exportsACutOfSeveralTensors()
    {
        const auto nodes = cleave::graph::ModelGraph::load(
            fixture("residual.pt").toStdString(), std::nullopt,
            cleave::graph::ModelGraph::Original::Keep, {cleave::graph::Granularity::Node});
        int split = 0;
        while (nodes.cuts()[size_t(split)].single())
            ++split;
        const auto &cut = nodes.cuts()[size_t(split)];
        const auto out = m_dir.filePath(QStringLiteral("several"));
        const auto r =
            cli({QStringLiteral("export"), fixture("residual.pt"), QStringLiteral("--granularity"),
                 QStringLiteral("node"), QStringLiteral("--split"), QString::number(split),
                 QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto m = manifestOf(out);
        const auto tensors = m[QStringLiteral("wire_tensors")].toArray();
        QCOMPARE(size_t(tensors.size()), cut.tensors.size());
        for (int i = 0; i < tensors.size(); ++i) {
            QCOMPARE(shapeOf(tensors[i][QStringLiteral("shape")]),
                     QList<qint64>(cut.tensors[size_t(i)].shape.begin(),
                                   cut.tensors[size_t(i)].shape.end()));
            QCOMPARE(tensors[i][QStringLiteral("bytes")].toInteger(), cut.tensors[size_t(i)].bytes);
        }
        QCOMPARE(m[QStringLiteral("wire")].toObject()[QStringLiteral("bytes")].toInteger(),
                 cut.bytes);
        QFile config(out + QStringLiteral("/triton/residual_tail/config.pbtxt"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const auto text = QString::fromUtf8(config.readAll());
        for (size_t i = 0; i < cut.tensors.size(); ++i)
            QVERIFY2(text.contains(QStringLiteral("name: \"INPUT__%1\"").arg(i)), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("INPUT__%1").arg(cut.tensors.size())));
        QCOMPARE(int(text.count(QStringLiteral("dims: [ 1, 8, 8, 8 ]"))),
                 int(std::count_if(cut.tensors.begin(), cut.tensors.end(), [](const auto &t) {
                     return t.shape == cleave::graph::Shape{1, 8, 8, 8};
                 })));

        // In C++: the head's tuple feeds the tail.
        c10::InferenceMode inference;
        const auto x = nodes.sampleInput(3);
        const auto middle = cleave::graph::runOnce(
            torch::jit::load((out + QStringLiteral("/device/head.pt")).toStdString()),
            cleave::graph::Tensors{x});
        QCOMPARE(middle.size(), cut.tensors.size());
        const auto y = cleave::graph::runOnce(
            torch::jit::load((out + QStringLiteral("/edge/tail.pt")).toStdString()), middle);
        QVERIFY(torch::allclose(y.front(), nodes.forward(x), 1e-5, 1e-6));

        // In Python.
        const auto script = QStringLiteral(
            "import sys, torch\n"
            "m = torch.jit.load(sys.argv[2])\n"
            "h = torch.jit.load(sys.argv[1] + '/device/head.pt')\n"
            "t = torch.jit.load(sys.argv[1] + '/edge/tail.pt')\n"
            "x = torch.randn(1, 3, 8, 8)\n"
            "sent = h(x)\n"
            "y = t(*sent)\n"
            "print(len(sent), bool(torch.allclose(y, m(x), rtol=1e-5, atol=1e-6)))\n");
        const auto py =
            cleave::testing::runCli(QStringLiteral("/usr/bin/python3"),
                                    {QStringLiteral("-c"), script, out, fixture("residual.pt")});
        QVERIFY2(py.exitCode == 0, py.err.constData());
        QCOMPARE(py.out.trimmed(), QStringLiteral("%1 True").arg(cut.tensors.size()).toUtf8());

        const auto withTl =
            cli({QStringLiteral("export"), fixture("residual.pt"), QStringLiteral("--granularity"),
                 QStringLiteral("node"), QStringLiteral("--split"), QString::number(split),
                 QStringLiteral("--tl"), QStringLiteral("maxpool2"), QStringLiteral("-o"),
                 m_dir.filePath(QStringLiteral("tl"))});
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(
                     withTl,
                     QStringLiteral("tensors cross cut %1; a Transfer Layer needs a cut of one "
                                    "tensor")
                         .arg(split),
                     &why),
                 qPrintable(why));
    }

    void writesABundleWithoutTl()
    {
        const auto out = m_dir.filePath(QStringLiteral("plain"));
        const auto r = cli({QStringLiteral("export"), m_model, QStringLiteral("--split"),
                            QStringLiteral("11"), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto m = manifestOf(out);
        QVERIFY(m[QStringLiteral("tl")].isNull());
        QCOMPARE(shapeOf(m[QStringLiteral("wire")].toObject()[QStringLiteral("shape")]),
                 (QList<qint64>{1, 64, 8, 8}));
        // The bundle folder has the mode of its subfolders (the umask's), not mkdtemp's 0700.
        QCOMPARE(QFileInfo(out).permissions(),
                 QFileInfo(out + QStringLiteral("/device")).permissions());
        // An existing, non-empty folder is refused, and replaced with --force.
        const auto again = cli({QStringLiteral("export"), m_model, QStringLiteral("--split"),
                                QStringLiteral("3"), QStringLiteral("-o"), out});
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(
                     again, out + QStringLiteral(": exists and is not empty (give --force"), &why),
                 qPrintable(why));
        QCOMPARE(manifestOf(out)[QStringLiteral("split")].toInt(), 11);
        QVERIFY(cli({QStringLiteral("export"), m_model, QStringLiteral("--split"),
                     QStringLiteral("3"), QStringLiteral("-o"), out, QStringLiteral("--force")})
                    .exitCode == 0);
        QCOMPARE(manifestOf(out)[QStringLiteral("split")].toInt(), 3);
    }

    // Fine-tuning on a small Fashion-MNIST subset: the accuracies land in the manifest.
    void fineTunesOnFashionMnist()
    {
        const auto out = m_dir.filePath(QStringLiteral("trained"));
        const auto r =
            cli({QStringLiteral("export"), QStringLiteral("zoo:inspectnet"),
                 QStringLiteral("--split"), QStringLiteral("7"), QStringLiteral("--tl"),
                 QStringLiteral("maxpool2"), QStringLiteral("--train"),
                 QStringLiteral("fashion-mnist"), QStringLiteral("--train-limit"),
                 QStringLiteral("1000"), QStringLiteral("--test-limit"), QStringLiteral("300"),
                 QStringLiteral("--lr"), QStringLiteral("0.01"), QStringLiteral("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("after fine-tuning: top-1"));
        QVERIFY(!r.err.contains("not trained"));
        const auto training = manifestOf(out)[QStringLiteral("training")].toObject();
        QCOMPARE(training[QStringLiteral("train_images")].toInt(), 1000);
        QCOMPARE(training[QStringLiteral("test_images")].toInt(), 300);
        // Random weights start near chance; one epoch on 1,000 images is well above it.
        QVERIFY(training[QStringLiteral("tl_top1_after")].toDouble() > 0.4);
        QVERIFY(training[QStringLiteral("images_per_second")].toDouble() > 0);
    }

    void badInputIsOneLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const auto out = m_dir.filePath(QStringLiteral("never"));
        const auto exportAt = [&](const QString &split, QStringList extra) {
            return QStringList{QStringLiteral("export"), m_model, QStringLiteral("--split"), split,
                               QStringLiteral("-o"),     out} +
                   extra;
        };
        QTest::newRow("split out of range")
            << exportAt(QStringLiteral("18"), {})
            << QStringLiteral("split 18: out of range 0..17 for ") + m_model;
        QTest::newRow("TL on a 2-D cut")
            << exportAt(QStringLiteral("16"), {QStringLiteral("--tl"), QStringLiteral("maxpool2")})
            << QStringLiteral("maxpool2 cannot apply at split 16, a 1x64 tensor");
        QTest::newRow("TL on 1x1 spatial")
            << exportAt(QStringLiteral("15"), {QStringLiteral("--tl"), QStringLiteral("maxpool2")})
            << QStringLiteral("maxpool2 cannot apply at split 15, a 1x64x1x1 tensor");
        QTest::newRow("unknown TL spec")
            << exportAt(QStringLiteral("5"), {QStringLiteral("--tl"), QStringLiteral("maxpool3")})
            << QStringLiteral("TL spec 'maxpool3'");
        // Data that cannot train the model is refused before any image is loaded.
        QTest::newRow("data set does not fit the model")
            << QStringList{QStringLiteral("export"),  QStringLiteral("zoo:resnet18"),
                           QStringLiteral("--split"), QStringLiteral("3"),
                           QStringLiteral("--tl"),    QStringLiteral("maxpool2"),
                           QStringLiteral("--train"), QStringLiteral("fashion-mnist"),
                           QStringLiteral("-o"),      out}
            << QStringLiteral("fashion-mnist: its images are 1x28x28 and the model takes "
                              "3x224x224");
        QTest::newRow("data set missing")
            << exportAt(QStringLiteral("5"),
                        {QStringLiteral("--tl"), QStringLiteral("maxpool2"),
                         QStringLiteral("--train"), QStringLiteral("/no/such/data")})
            << QStringLiteral("/no/such/data: no such folder");
        QTest::newRow("data set empty")
            << exportAt(QStringLiteral("5"),
                        {QStringLiteral("--tl"), QStringLiteral("maxpool2"),
                         QStringLiteral("--train"), m_dir.filePath(QStringLiteral("empty-data"))})
            << QStringLiteral("no PNG or JPEG images in class folders");
        QTest::newRow("train without TL")
            << exportAt(QStringLiteral("5"),
                        {QStringLiteral("--train"), QStringLiteral("fashion-mnist")})
            << QStringLiteral("--train fine-tunes a Transfer Layer: give --tl too");
    }

    void badInputIsOneLineAndExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QDir(m_dir.path()).mkpath(QStringLiteral("empty-data/class"));
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(cli(args), message, &why), qPrintable(why));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never"))));
    }

    // A full disk (a file size limit here): the command fails, and neither the bundle nor its
    // temporary folder is left behind.
    void fullDiskLeavesNothing()
    {
        const auto out = m_dir.filePath(QStringLiteral("full"));
        const auto r = cleave::testing::runCli(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("trap '' XFSZ; ulimit -f 20; exec \"$0\" export \"$1\" --split 7 -o "
                            "\"$2\""),
             QStringLiteral(CLEAVE_CLI), m_model, out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("error: "), r.err.constData());
        QVERIFY2(r.err.contains("cannot write"), r.err.constData());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("full.partial-*")}).size(), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_model;
};

CLEAVE_TEST_MAIN(TestExport)
#include "tst_export.moc"
