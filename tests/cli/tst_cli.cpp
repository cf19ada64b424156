// SPDX-License-Identifier: GPL-3.0-or-later
// cleave-cli as scripts use it: real processes, exit codes, stdout/stderr and JSON.
#include "clirunner.h"
#include "testmain.h"
#include "testmodels.h"

#include "core/graph/modelgraph.h"
#include "core/zoo/zoo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

using cleave::testing::fixture;

namespace {

cleave::testing::CliResult cli(const QStringList &args)
{
    return cleave::testing::runCli(QStringLiteral(CLEAVE_CLI), args);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile whole(fixture("chain.pt"));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QFile truncated(m_dir.filePath(QStringLiteral("truncated.pt")));
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        truncated.write(whole.readAll().chopped(200));
        cleave::graph::saveModule(cleave::testing::demoModel(),
                                  m_dir.filePath(QStringLiteral("demo.pt")).toStdString(),
                                  cleave::testing::kDemoInputShape);
    }

    void inspectPrintsOneJsonDocument()
    {
        const auto r =
            cli({QStringLiteral("inspect"), fixture("residual.pt"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const auto root = doc.object();
        QCOMPARE(root[QStringLiteral("model")].toString(), fixture("residual.pt"));
        QCOMPARE(root[QStringLiteral("input_shape")].toArray(), (QJsonArray{1, 3, 8, 8}));
        QCOMPARE(root[QStringLiteral("parameters")].toInteger(), 2637);
        QCOMPARE(root[QStringLiteral("nodes")].toInt(), 14);
        QCOMPARE(root[QStringLiteral("blocks")].toInt(), 8);
        const auto cuts = root[QStringLiteral("cuts")].toArray();
        QCOMPARE(cuts.size(), 9);
        const auto second = cuts[2].toObject();
        QCOMPARE(second[QStringLiteral("index")].toInt(), 2);
        QCOMPARE(second[QStringLiteral("label")].toString(), QStringLiteral("layer1.0"));
        QCOMPARE(second[QStringLiteral("op")].toString(), QStringLiteral("aten::add"));
        QCOMPARE(second[QStringLiteral("shape")].toArray(), (QJsonArray{1, 8, 8, 8}));
        QCOMPARE(second[QStringLiteral("dtype")].toString(), QStringLiteral("float32"));
        QCOMPARE(second[QStringLiteral("bytes")].toInteger(), 1 * 8 * 8 * 8 * 4);
        // A cut of one tensor lists it too.
        const auto tensors = second[QStringLiteral("tensors")].toArray();
        QCOMPARE(tensors.size(), 1);
        QCOMPARE(tensors[0][QStringLiteral("shape")].toArray(), (QJsonArray{1, 8, 8, 8}));
        QCOMPARE(tensors[0][QStringLiteral("bytes")].toInteger(), 1 * 8 * 8 * 8 * 4);
        QCOMPARE(root[QStringLiteral("granularity")].toString(), QStringLiteral("block"));
        QVERIFY(root[QStringLiteral("refused")].toArray().isEmpty());
    }

    void inspectPrintsATable()
    {
        const auto r = cli({QStringLiteral("inspect"), fixture("twobranch.pt"),
                            QStringLiteral("--input"), QStringLiteral("2x3x16x16")});
        QCOMPARE(r.exitCode, 0);
        const auto lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(QStringLiteral("parameters  298")), r.out.constData());
        QVERIFY2(lines.contains(QStringLiteral("input       2x3x16x16")), r.out.constData());
        QVERIFY2(lines.contains(QStringLiteral("blocks      3  (splits 0..3)")), r.out.constData());
        const auto header = lines.indexOf(QRegularExpression(QStringLiteral("split +label +op.*")));
        QVERIFY2(header > 0, r.out.constData());
        QCOMPARE(lines.size(), header + 5); // splits 0..3
        // 2 x 8 x 16 x 16 floats = 16,384 bytes
        const auto row = lines[header + 3].simplified();
        QCOMPARE(row, QStringLiteral("2 cat aten::cat 1 2x8x16x16 float32 0.016"));
    }

    // At node granularity a cut lists each tensor that crosses it and their sum, and the
    // boundary a list crosses is named, not a cut.
    void inspectListsTheTensorsOfNodeCuts()
    {
        auto r = cli({QStringLiteral("inspect"), fixture("twobranch.pt"),
                      QStringLiteral("--granularity"), QStringLiteral("node"),
                      QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root[QStringLiteral("granularity")].toString(), QStringLiteral("node"));
        QCOMPARE(root[QStringLiteral("blocks")].toInt(), 5);
        const auto cuts = root[QStringLiteral("cuts")].toArray();
        const auto both = cuts[3].toObject(); // after right: both branches cross
        const auto tensors = both[QStringLiteral("tensors")].toArray();
        QCOMPARE(tensors.size(), 2);
        QCOMPARE(tensors[0][QStringLiteral("label")].toString(), QStringLiteral("left"));
        QCOMPARE(tensors[1][QStringLiteral("label")].toString(), QStringLiteral("right"));
        QCOMPARE(tensors[1][QStringLiteral("shape")].toArray(), (QJsonArray{1, 4, 8, 8}));
        QCOMPARE(both[QStringLiteral("bytes")].toInteger(), 2 * 4 * 8 * 8 * 4);
        QVERIFY(!both.contains(QStringLiteral("shape")));
        QCOMPARE(cuts[4][QStringLiteral("tensors")].toArray().size(), 1);
        QCOMPARE(cuts[4][QStringLiteral("shape")].toArray(), (QJsonArray{1, 8, 8, 8}));
        const auto refused = root[QStringLiteral("refused")].toArray();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused[0][QStringLiteral("block")].toInt(), 3);
        QCOMPARE(refused[0][QStringLiteral("crossing")].toString(),
                 QStringLiteral("List[Tensor] from prim::ListConstruct"));

        r = cli({QStringLiteral("inspect"), fixture("twobranch.pt"),
                 QStringLiteral("--granularity"), QStringLiteral("node")});
        QCOMPARE(r.exitCode, 0);
        const auto lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const auto header = lines.indexOf(QRegularExpression(QStringLiteral("split +label +op.*")));
        // Cut 2 (stem and left) takes three lines; then cut 3 and its tensors.
        QCOMPARE(lines[header + 6].simplified(), QStringLiteral("3 right aten::conv2d 2 0.002"));
        QCOMPARE(lines[header + 7].simplified(),
                 QStringLiteral("left aten::conv2d 1x4x8x8 float32 0.001"));
        QVERIFY2(r.out.contains("not cuts (something other than tensors crosses): 1"),
                 r.out.constData());
    }

    void verifiesEveryNodeCut()
    {
        const auto r =
            cli({QStringLiteral("verify"), fixture("inception.pt"), QStringLiteral("--granularity"),
                 QStringLiteral("node"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto root = QJsonDocument::fromJson(r.out).object();
        QVERIFY(root[QStringLiteral("passed")].toBool());
        QVERIFY(root[QStringLiteral("splits")].toArray().size() > 7); // 7 at block granularity
    }

    void verifyPassesAndFails()
    {
        const auto pass = cli({QStringLiteral("verify"), fixture("inception.pt")});
        QCOMPARE(pass.exitCode, 0);
        QVERIFY2(pass.out.contains("passed: 7 splits"), pass.out.constData());
        // Folding BatchNorm changes the last bits; an impossible tolerance must fail with 1.
        const auto fail = cli({QStringLiteral("verify"), m_dir.filePath(QStringLiteral("demo.pt")),
                               QStringLiteral("--tolerance"), QStringLiteral("1e-30")});
        QCOMPARE(fail.exitCode, 1);
        QVERIFY2(fail.out.contains("MISMATCH"), fail.out.constData());
        QVERIFY2(fail.out.contains("FAILED"), fail.out.constData());
    }

    void verifyJson()
    {
        const auto r =
            cli({QStringLiteral("verify"), fixture("sizes.pt"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root[QStringLiteral("passed")].toBool(), true);
        QCOMPARE(root[QStringLiteral("splits")].toArray().size(), 7);
    }

    // A file that stores no input shape: the default is assumed and said so; a model that
    // rejects it is told to give --input, not left with LibTorch's words alone.
    void saysWhichInputItAssumes()
    {
        const auto rgb = m_dir.filePath(QStringLiteral("no-shape-rgb.pt"));
        const auto grey = m_dir.filePath(QStringLiteral("no-shape-grey.pt"));
        cleave::testing::convChain(2, 3, 1).save(rgb.toStdString());
        cleave::zoo::build("inspectnet", 1, cleave::graph::Shape{1, 1, 28, 28})
            .save(grey.toStdString());
        auto r = cli({QStringLiteral("inspect"), rgb});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.err),
                 QStringLiteral("note: ") + rgb +
                     QStringLiteral(" stores no input shape: assumed 1x3x224x224 (--input "
                                    "chooses another)\n"));
        r = cli({QStringLiteral("inspect"), grey});
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(
                     r,
                     grey + QStringLiteral(": the model rejects the assumed input "
                                           "1x3x224x224 (none was given, and the file "
                                           "stores none): "),
                     &why),
                 qPrintable(why));
        QVERIFY(r.err.endsWith(": give --input\n"));
        r = cli({QStringLiteral("inspect"), grey, QStringLiteral("--input"),
                 QStringLiteral("1x1x28x28")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
    }

    void badInputIsOneLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const auto inspect = QStringLiteral("inspect");
        QTest::newRow("missing file") << QStringList{inspect, QStringLiteral("/no/such.pt")}
                                      << QStringLiteral("error: /no/such.pt: no such file");
        QTest::newRow("not a zip") << QStringList{inspect, fixture("make_fixtures.py")}
                                   << QStringLiteral("not a TorchScript archive (not a zip file)");
        QTest::newRow("truncated")
            << QStringList{QStringLiteral("verify"), m_dir.filePath(QStringLiteral("truncated.pt"))}
            << QStringLiteral("truncated or damaged TorchScript archive");
        QTest::newRow("two inputs")
            << QStringList{inspect, fixture("two_inputs.pt")}
            << QStringLiteral("forward takes 2 inputs; only models with one "
                              "tensor input are supported yet");
        QTest::newRow("tuple output") << QStringList{inspect, fixture("tuple_output.pt")}
                                      << QStringLiteral("only models that return one tensor are "
                                                        "supported yet");
        QTest::newRow("shape rejected")
            << QStringList{inspect, fixture("chain.pt"), QStringLiteral("--input"),
                           QStringLiteral("1x1x8x8")}
            << QStringLiteral("input 1x1x8x8 rejected by the model: Given groups=1");
        QTest::newRow("shape unparsable")
            << QStringList{QStringLiteral("verify"), fixture("chain.pt"), QStringLiteral("--input"),
                           QStringLiteral("1x3xeight")}
            << QStringLiteral("error: --input '1x3xeight': 'eight' is not a number");
        // Crafted archives (found by fuzzing) are read first in a child: a line, not a crash
        // (refusesACraftedArchive for the one whose effect varies from run to run).
        QTest::newRow("asks for 4 GiB")
            << QStringList{QStringLiteral("verify"), fixture("fuzz/huge-string-length.pt")}
            << QStringLiteral("huge-string-length.pt: not a TorchScript module: reading it asks "
                              "for more memory");
        // What people save instead of TorchScript (tests/fixtures/make_fixtures.py).
        const auto pickle = QStringLiteral(": this is a torch.save pickle, not TorchScript: save "
                                           "the model with torch.jit.trace or torch.jit.script "
                                           "and torch.jit.save");
        QTest::newRow("state_dict") << QStringList{inspect, fixture("state_dict.pt")}
                                    << QStringLiteral("state_dict.pt") + pickle;
        QTest::newRow("pickled module") << QStringList{inspect, fixture("pickled_module.pt")}
                                        << QStringLiteral("pickled_module.pt") + pickle;
        QTest::newRow("legacy pickle") << QStringList{inspect, fixture("legacy_pickle.pt")}
                                       << QStringLiteral("legacy_pickle.pt") + pickle;
        QTest::newRow("no model") << QStringList{inspect} << QStringLiteral("MODEL is required");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")}
            << QStringLiteral("error: frobnicate: not a cleave-cli command (the commands: inspect, "
                              "verify,");
        QTest::newRow("unknown flag")
            << QStringList{inspect, fixture("chain.pt"), QStringLiteral("--bogus")}
            << QStringLiteral("--bogus");
        QTest::newRow("unknown zoo model")
            << QStringList{inspect, QStringLiteral("zoo:resnet17")}
            << QStringLiteral("error: zoo:resnet17: unknown zoo model (valid names: resnet18,");
        QTest::newRow("zoo input too small")
            << QStringList{inspect, QStringLiteral("zoo:resnet50"), QStringLiteral("--input"),
                           QStringLiteral("1x3x16x16")}
            << QStringLiteral("is too small; the architecture needs at least 32x32");
        QTest::newRow("zoo export unknown")
            << QStringList{QStringLiteral("zoo"), QStringLiteral("export"),
                           QStringLiteral("alexnet"), QStringLiteral("-o"),
                           m_dir.filePath(QStringLiteral("x.pt"))}
            << QStringLiteral("unknown zoo model");
        QTest::newRow("negative seed") << QStringList{QStringLiteral("zoo"),
                                                      QStringLiteral("export"),
                                                      QStringLiteral("resnet18"),
                                                      QStringLiteral("-o"),
                                                      m_dir.filePath(QStringLiteral("x.pt")),
                                                      QStringLiteral("--seed"),
                                                      QStringLiteral("-1")}
                                       << QStringLiteral("--seed");
        QTest::newRow("seed not a number") << QStringList{QStringLiteral("zoo"),
                                                          QStringLiteral("export"),
                                                          QStringLiteral("resnet18"),
                                                          QStringLiteral("-o"),
                                                          m_dir.filePath(QStringLiteral("x.pt")),
                                                          QStringLiteral("--seed"),
                                                          QStringLiteral("abc")}
                                           << QStringLiteral("--seed");
        QTest::newRow("unwritable output")
            << QStringList{QStringLiteral("zoo"), QStringLiteral("export"),
                           QStringLiteral("inspectnet"), QStringLiteral("-o"),
                           QStringLiteral("/nonexistent/dir/x.pt")}
            << QStringLiteral("/nonexistent/dir/x.pt: cannot write the model");
        QTest::newRow("bad tolerance")
            << QStringList{QStringLiteral("verify"), fixture("chain.pt"),
                           QStringLiteral("--tolerance"), QStringLiteral("-1")}
            << QStringLiteral("--tolerance");
        QTest::newRow("unknown granularity")
            << QStringList{inspect, fixture("chain.pt"), QStringLiteral("--granularity"),
                           QStringLiteral("layer")}
            << QStringLiteral("error: --granularity layer: unknown (valid: block, node)");
        QTest::newRow("unknown granularity to offload")
            << QStringList{QStringLiteral("offload"), fixture("chain.pt"),
                           QStringLiteral("--local"), QStringLiteral("--split"),
                           QStringLiteral("1"),       QStringLiteral("--granularity"),
                           QStringLiteral("layer")}
            << QStringLiteral("error: --granularity layer: unknown (valid: block, node)");
        QTest::newRow("unknown granularity to compare")
            << QStringList{QStringLiteral("compare"), QStringLiteral("--db"),
                           fixture("chain.pt"),       QStringLiteral("--model"),
                           fixture("chain.pt"),       QStringLiteral("--granularity"),
                           QStringLiteral("layer")}
            << QStringLiteral("error: --granularity layer: unknown (valid: block, node)");
        QTest::newRow("too many node cuts")
            << QStringList{inspect,
                           fixture("residual.pt"),
                           QStringLiteral("--granularity"),
                           QStringLiteral("node"),
                           QStringLiteral("--max-cuts"),
                           QStringLiteral("5")}
            << QStringLiteral("cuts, more than the limit of 5 (use --granularity block, or "
                              "raise --max-cuts)");
        QTest::newRow("zero tolerance")
            << QStringList{QStringLiteral("verify"), fixture("chain.pt"),
                           QStringLiteral("--tolerance"), QStringLiteral("0")}
            << QStringLiteral("error: --tolerance: expected a number above 0, got 0");
    }
    void badInputIsOneLineAndExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QString why;
        QVERIFY2(cleave::testing::failsWithOneLine(cli(args), message, &why), qPrintable(why));
    }

    // A crafted archive (found by fuzzing) makes LibTorch's reader crash, or fail, by chance
    // (about one run in ten fails): read first in a child, it is refused in one line either way
    // and never read in cleave-cli's own process.
    void refusesACraftedArchive()
    {
        const auto r = cli({QStringLiteral("inspect"), fixture("fuzz/class-constant-crash.pt")});
        QString why;
        QVERIFY2(
            cleave::testing::failsWithOneLine(r, QStringLiteral("class-constant-crash.pt: "), &why),
            qPrintable(why));
        const auto err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(QStringLiteral("crashes LibTorch's reader")) ||
                     err.contains(QStringLiteral("truncated or damaged TorchScript archive")),
                 qPrintable(err));
    }

    void zooListJson()
    {
        const auto r =
            cli({QStringLiteral("zoo"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto models = QJsonDocument::fromJson(r.out)[QStringLiteral("models")].toArray();
        QCOMPARE(models.size(), 13);
        const auto first = models[0].toObject();
        QCOMPARE(first[QStringLiteral("name")].toString(), QStringLiteral("resnet18"));
        QCOMPARE(first[QStringLiteral("parameters")].toInteger(), 11689512);
        QCOMPARE(first[QStringLiteral("input_shape")].toArray(), (QJsonArray{1, 3, 224, 224}));
        QCOMPARE(first[QStringLiteral("blocks")].toInt(), 22);
    }

    void zooExportWritesALoadableFile()
    {
        const auto path = m_dir.filePath(QStringLiteral("inspectnet64.pt"));
        const auto r =
            cli({QStringLiteral("zoo"), QStringLiteral("export"), QStringLiteral("inspectnet"),
                 QStringLiteral("-o"), path, QStringLiteral("--seed"), QStringLiteral("9"),
                 QStringLiteral("--input"), QStringLiteral("1x1x64x64")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        // The file remembers its input shape, so inspect needs no --input.
        const auto inspect = cli({QStringLiteral("inspect"), path, QStringLiteral("--json")});
        QCOMPARE(inspect.exitCode, 0);
        const auto root = QJsonDocument::fromJson(inspect.out).object();
        QCOMPARE(root[QStringLiteral("input_shape")].toArray(), (QJsonArray{1, 1, 64, 64}));
        QCOMPARE(root[QStringLiteral("parameters")].toInteger(), 140458);
        const auto zoo =
            cli({QStringLiteral("inspect"), QStringLiteral("zoo:inspectnet"),
                 QStringLiteral("--input"), QStringLiteral("1x1x64x64"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(zoo.out)[QStringLiteral("cuts")],
                 root[QStringLiteral("cuts")]);
    }

    void printsVersion()
    {
        const auto r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        // The program and its version, then what it runs on: what a bug report needs.
        const auto lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(QRegularExpression(QStringLiteral("^cleave-cli \\d+\\.\\d+\\.\\d+$"))
                     .match(lines[0])
                     .hasMatch(),
                 r.out.constData());
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^LibTorch \\d[\\d.]+, Qt 6\\.[\\d.]+, gRPC \\d[\\d.]+$"))
                     .match(lines[1])
                     .hasMatch(),
                 r.out.constData());
    }

private:
    QTemporaryDir m_dir;
};

CLEAVE_TEST_MAIN(TestCli)
#include "tst_cli.moc"
