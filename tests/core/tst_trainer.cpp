// SPDX-License-Identifier: GPL-3.0-or-later
// Data sets and the Trainer on real data: Fashion-MNIST from the Debian package (a small
// subset), ImageFolder written here as real PNG files, and InspectNet learning.
#include "testmain.h"

#include "core/error.h"
#include "core/tl/dataset.h"
#include "core/tl/trainer.h"
#include "core/zoo/zoo.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

using namespace cleave;

namespace {

QByteArray bigEndian(uint32_t v)
{
    QByteArray b(4, 0);
    for (int i = 0; i < 4; ++i)
        b[i] = char(v >> (24 - 8 * i));
    return b;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A 3-image IDX pair with the given labels.
void writeIdx(const QString &dir, const QByteArray &labels, uint32_t imageMagic = 0x803)
{
    writeFile(dir + QStringLiteral("/images"), bigEndian(imageMagic) + bigEndian(3) + bigEndian(2) +
                                                   bigEndian(2) + QByteArray(12, char(128)));
    writeFile(dir + QStringLiteral("/labels"),
              bigEndian(0x801) + bigEndian(uint32_t(labels.size())) + labels);
}

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsFashionMnist()
    {
        const auto train = tl::loadFashionMnist(tl::kFashionMnistDir, true, 1000);
        QCOMPARE(train.images.sizes().vec(), (std::vector<int64_t>{1000, 1, 28, 28}));
        QCOMPARE(train.labels.size(0), 1000);
        QCOMPARE(train.classes, 10);
        QVERIFY(train.labels.min().item<int64_t>() == 0 && train.labels.max().item<int64_t>() == 9);
        // Normalised with the training set's statistics: mean near 0, deviation near 1.
        QVERIFY(std::abs(train.images.mean().item<double>()) < 0.1);
        QVERIFY(std::abs(train.images.std().item<double>() - 1.0) < 0.1);
        const auto test = tl::openDataset("fashion-mnist", false, {}, 200);
        QCOMPARE(test.size(), 200);
        QCOMPARE(QString::fromStdString(test.name), QStringLiteral("fashion-mnist/test"));
    }

    void refusesBadIdx()
    {
        QTemporaryDir dir;
        const auto images = (dir.path() + QStringLiteral("/images")).toStdString();
        const auto labels = (dir.path() + QStringLiteral("/labels")).toStdString();
        writeIdx(dir.path(), QByteArray("\x01\x02\x0c", 3));
        QCOMPARE(testing::errorOf([&] { tl::loadIdx(images, labels, 10); }),
                 QString::fromStdString(labels + ": label 12 of item 2 is out of range 0..9"));
        writeIdx(dir.path(), QByteArray("\x01\x02\x03", 3), 0x801);
        QCOMPARE(testing::errorOf([&] { tl::loadIdx(images, labels, 10); }),
                 QString::fromStdString(images +
                                        ": not an IDX image file (magic 0x801, expected 0x803)"));
        writeIdx(dir.path(), QByteArray("\x01\x02", 2));
        QCOMPARE(testing::errorOf([&] { tl::loadIdx(images, labels, 10); }),
                 QString::fromStdString(labels + ": 2 labels for 3 images in " + images));
        // Truncated: the header promises three images, the file holds one.
        writeFile(dir.path() + QStringLiteral("/images"),
                  bigEndian(0x803) + bigEndian(3) + bigEndian(2) + bigEndian(2) + QByteArray(4, 0));
        writeIdx(dir.path(), QByteArray(3, 1)); // rewrites both; truncate the images again
        writeFile(dir.path() + QStringLiteral("/images"),
                  bigEndian(0x803) + bigEndian(3) + bigEndian(2) + bigEndian(2) + QByteArray(4, 0));
        QCOMPARE(
            testing::errorOf([&] { tl::loadIdx(images, labels, 10); }),
            QString::fromStdString(images + ": truncated or corrupt while reading the pixels"));
        QCOMPARE(testing::errorOf([&] { tl::loadFashionMnist("/no/such/dir", true); }),
                 QStringLiteral("/no/such/dir: no such folder (install dataset-fashion-mnist)"));
        QCOMPARE(testing::errorOf([&] { tl::loadFashionMnist(dir.path().toStdString(), true); }),
                 dir.path() + QStringLiteral(": no train-images-idx3-ubyte(.gz) in it"));
    }

    void readsAnImageFolder()
    {
        QTemporaryDir dir;
        for (const auto &[cls, colour] : {std::pair{QStringLiteral("cat"), Qt::white},
                                          std::pair{QStringLiteral("ant"), Qt::black}}) {
            QVERIFY(QDir(dir.path()).mkpath(cls));
            for (int i = 0; i < 3; ++i) {
                QImage image(40 + i, 30, QImage::Format_RGB32);
                image.fill(colour);
                QVERIFY(image.save(dir.path() + QLatin1Char('/') + cls +
                                   QStringLiteral("/%1.png").arg(i)));
            }
        }
        tl::ImageOptions options;
        options.channels = 1;
        options.height = options.width = 16;
        options.mean = 0;
        options.stddev = 1;
        const auto d = tl::loadImageFolder(dir.path().toStdString(), options);
        QCOMPARE(d.size(), 6);
        QCOMPARE(d.classes, 2);
        QCOMPARE(d.classNames, (std::vector<std::string>{"ant", "cat"}));
        QCOMPARE(d.images.sizes().vec(), (std::vector<int64_t>{6, 1, 16, 16}));
        // "ant" (label 0) is black, "cat" (label 1) white.
        QCOMPARE(d.labels[0].item<int64_t>(), 0);
        QCOMPARE(d.images[0].max().item<float>(), 0.0f);
        QCOMPARE(d.labels[5].item<int64_t>(), 1);
        QCOMPARE(d.images[5].min().item<float>(), 1.0f);
    }

    void refusesBadImageFolders()
    {
        QTemporaryDir dir;
        const auto root = dir.path().toStdString();
        QCOMPARE(testing::errorOf([&] { tl::loadImageFolder(root + "/missing", {}); }),
                 QString::fromStdString(root + "/missing: no such folder"));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("empty/cls")));
        QCOMPARE(testing::errorOf([&] { tl::loadImageFolder(root + "/empty", {}); }),
                 QString::fromStdString(root + "/empty: no PNG or JPEG images in class folders "
                                               "(expected DIR/CLASS/IMAGE.png)"));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("bad/cls")));
        writeFile(dir.path() + QStringLiteral("/bad/cls/broken.png"), QByteArray("not a png"));
        QVERIFY(testing::errorOf([&] { tl::loadImageFolder(root + "/bad", {}); })
                    .startsWith(QString::fromStdString(root + "/bad/cls/broken.png: cannot decode "
                                                              "the image (")));
    }

    // The CI-sized version of the accuracy experiment: InspectNet learns Fashion-MNIST from a
    // small subset, well above the 10 % of chance.
    void inspectNetLearnsFashionMnist()
    {
        const auto train = tl::loadFashionMnist(tl::kFashionMnistDir, true, 3000);
        const auto test = tl::loadFashionMnist(tl::kFashionMnistDir, false, 500);
        auto model = zoo::build("inspectnet", 1);
        std::vector<torch::Tensor> parameters;
        for (const auto &p : model.parameters())
            parameters.push_back(p);
        const auto before = tl::evaluate(model, test);
        QTemporaryDir dir;
        tl::TrainSettings settings;
        settings.learningRate = 0.01;
        settings.epochs = 2;
        settings.checkpointDir = dir.filePath(QStringLiteral("ckpt")).toStdString();
        int progressCalls = 0;
        const auto reports =
            tl::train(model, parameters, train, test, settings,
                      [&](double f, std::string_view) { return ++progressCalls > 0 && f <= 1.0; });
        QCOMPARE(reports.size(), size_t(2));
        QVERIFY(progressCalls > 2);
        QVERIFY2(reports.back().test.top1 > 0.6,
                 qPrintable(QString::number(reports.back().test.top1)));
        QVERIFY(reports.back().test.top1 > before.top1 + 0.3);
        QVERIFY(reports.back().test.top5 >= reports.back().test.top1);
        QVERIFY(reports.back().loss < reports.front().loss);
        QVERIFY(reports.front().imagesPerSecond > 0);
        // A checkpoint per epoch, loadable, with the trained accuracy.
        QVERIFY(QFile::exists(QString::fromStdString(reports[0].checkpoint)));
        auto reloaded = torch::jit::load(reports[1].checkpoint);
        QCOMPARE(tl::evaluate(reloaded, test).top1, reports.back().test.top1);
    }

    void cancelsAndRefusesBadSettings()
    {
        const auto train = tl::loadFashionMnist(tl::kFashionMnistDir, true, 300);
        auto model = zoo::build("inspectnet", 1);
        std::vector<torch::Tensor> parameters;
        for (const auto &p : model.parameters())
            parameters.push_back(p);
        tl::TrainSettings settings;
        QCOMPARE(testing::errorOf([&] {
                     tl::train(model, parameters, train, train, settings,
                               [](double, std::string_view) { return false; });
                 }),
                 QStringLiteral("training cancelled in epoch 1"));
        settings.learningRate = -1;
        QVERIFY(testing::errorOf([&] {
                    tl::train(model, parameters, train, train, settings);
                }).startsWith(QStringLiteral("training: epochs and batch size")));
        // Images that do not fit the model: RGB for a grey-scale network.
        tl::Dataset rgb = train;
        rgb.images = torch::zeros({4, 3, 28, 28});
        rgb.labels = torch::zeros({4}, torch::kLong);
        QVERIFY(testing::errorOf([&] { tl::train(model, parameters, rgb, rgb, {}); })
                    .startsWith(QStringLiteral("fashion-mnist/train: images of [3, 28, 28] do "
                                               "not fit the model")));
    }
};

CLEAVE_TEST_MAIN(TestTrainer)
#include "tst_trainer.moc"
