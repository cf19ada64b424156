// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/exportwizard.h"

#include "app/gui/background.h"
#include "core/graph/shape.h"
#include "core/offered.h"
#include "core/plan/network.h"
#include "core/tl/datashape.h"
#include "plots/numbers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <functional>

namespace cleave::gui {

namespace {

/// A wizard page whose checks are given as functions, so the wizard keeps its logic in one
/// place.
class Page : public QWizardPage
{
public:
    std::function<bool()> validate;
    std::function<void()> enter;
    std::function<bool()> complete;

    using QWizardPage::QWizardPage;
    bool validatePage() override { return !validate || validate(); }
    void initializePage() override
    {
        if (enter)
            enter();
    }
    bool isComplete() const override { return !complete || complete(); }
    void changed() { Q_EMIT completeChanged(); }
};

QStringList offeredTlSpecs()
{
    QStringList specs;
    for (const auto &spec : tl::offeredSpecs())
        specs.push_back(QString::fromStdString(spec));
    return specs;
}

const QString kTlKey = QStringLiteral("export/tl");
const QString kParentKey = QStringLiteral("export/parent");

} // namespace

ExportWizard::ExportWizard(const QString &model, int blocks, int split, const QString &project,
                           QWidget *parent)
    : QWizard(parent)
    , m_model(model)
    , m_project(project)
    , m_blocks(blocks)
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    setWindowTitle(tr("Export a Split"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage, false);

    auto *splitPage = new Page(this);
    splitPage->setTitle(tr("Split and Transfer Layer"));
    splitPage->setSubTitle(tr("Blocks before the split run on the device, the rest on the edge."));
    m_split = new QSpinBox(splitPage);
    m_split->setRange(0, blocks);
    m_split->setValue(std::clamp(split, 0, blocks));
    m_tl = new QComboBox(splitPage);
    m_tl->addItem(tr("none"));
    m_tl->addItems(offeredTlSpecs());
    m_tl->setEditable(true); // any spec the parser takes, e.g. avgpool8+c4
    if (const auto last = QSettings().value(kTlKey).toString(); !last.isEmpty())
        m_tl->setCurrentText(last);
    auto *splitForm = new QFormLayout(splitPage);
    splitForm->addRow(tr("Model"), new QLabel(model, splitPage));
    splitForm->addRow(tr("Split"), m_split);
    splitForm->addRow(tr("Transfer Layer"), m_tl);
    m_accuracy = new QLabel(splitPage);
    m_accuracy->setWordWrap(true);
    splitForm->addRow(tr("Accuracy"), m_accuracy);
    connect(m_split, &QSpinBox::valueChanged, this, &ExportWizard::updateAccuracy);
    connect(m_tl, &QComboBox::currentTextChanged, this, &ExportWizard::updateAccuracy);
    updateAccuracy();
    setPage(SplitPage, splitPage);

    auto *trainPage = new Page(this);
    trainPage->setTitle(tr("Fine-tuning"));
    trainPage->setSubTitle(tr("Optional: train the model with its Transfer Layer on a data set "
                              "(SGD, momentum 0.9), so the reduced tensor keeps its accuracy."));
    m_train = new QCheckBox(tr("Fine-tune the Transfer Layer"), trainPage);
    m_data = new QLineEdit(QStringLiteral("fashion-mnist"), trainPage);
    m_data->setToolTip(tr("fashion-mnist (the Debian package), a folder of IDX files, or an "
                          "ImageFolder"));
    m_epochs = new QSpinBox(trainPage);
    m_epochs->setRange(1, 1000);
    m_rate = new QDoubleSpinBox(trainPage);
    m_rate->setDecimals(5);
    m_rate->setRange(0.00001, 1);
    m_rate->setSingleStep(0.0005);
    m_rate->setValue(0.001);
    m_trainLimit = new QSpinBox(trainPage);
    m_trainLimit->setRange(0, 100000000);
    m_trainLimit->setSpecialValueText(tr("all"));
    m_testLimit = new QSpinBox(trainPage);
    m_testLimit->setRange(0, 100000000);
    m_testLimit->setSpecialValueText(tr("all"));
    m_afterCut = new QCheckBox(tr("Train only the TL and the layers after the split"), trainPage);
    auto *trainForm = new QFormLayout(trainPage);
    trainForm->addRow(m_train);
    trainForm->addRow(tr("Data set"), m_data);
    trainForm->addRow(tr("Epochs"), m_epochs);
    trainForm->addRow(tr("Learning rate"), m_rate);
    trainForm->addRow(tr("Training images"), m_trainLimit);
    trainForm->addRow(tr("Test images"), m_testLimit);
    trainForm->addRow(m_afterCut);
    const auto trainingEnabled = [this] {
        const bool on = m_train->isChecked();
        for (QWidget *w : {static_cast<QWidget *>(m_data), static_cast<QWidget *>(m_epochs),
                           static_cast<QWidget *>(m_rate), static_cast<QWidget *>(m_trainLimit),
                           static_cast<QWidget *>(m_testLimit), static_cast<QWidget *>(m_afterCut)})
            w->setEnabled(on);
    };
    connect(m_train, &QCheckBox::toggled, this, trainingEnabled);
    trainingEnabled();
    trainPage->enter = [this] {
        // Fine-tuning trains a TL: without one there is nothing to train.
        const bool tl = !request().tl.empty();
        m_train->setEnabled(tl);
        if (!tl)
            m_train->setChecked(false);
    };
    trainPage->validate = [this, trainPage] {
        if (!m_train->isChecked())
            return true;
        if (m_data->text().trimmed().isEmpty()) {
            trainPage->setSubTitle(tr("Give a data set to fine-tune on."));
            return false;
        }
        const auto misfit = dataMisfit();
        if (!misfit.isEmpty()) {
            trainPage->setSubTitle(misfit);
            return false;
        }
        return true;
    };
    setPage(TrainingPage, trainPage);

    auto *outputPage = new Page(this);
    outputPage->setTitle(tr("Output"));
    outputPage->setSubTitle(tr("The bundle: manifest, device head, edge tail and a Triton model "
                               "repository, written to a new folder."));
    m_output = new QLineEdit(outputPage);
    auto *browse = new QPushButton(tr("Browse..."), outputPage);
    m_force = new QCheckBox(tr("Replace the folder if it is not empty"), outputPage);
    m_link = new QComboBox(outputPage);
    for (const auto &p : plan::NetworkProfile::presets())
        m_link->addItem(QString::fromStdString(p.name));
    auto *outputError = new QLabel(outputPage);
    outputError->setWordWrap(true);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browse);
    auto *outputForm = new QFormLayout(outputPage);
    outputForm->addRow(tr("Folder"), outputRow);
    outputForm->addRow(m_force);
    outputForm->addRow(tr("Predict the latency on"), m_link);
    outputForm->addRow(outputError);
    // The bundle goes to a new folder: Browse picks where, the name is proposed.
    connect(browse, &QPushButton::clicked, this, [this] {
        const auto parent = QFileDialog::getExistingDirectory(
            this, tr("Folder to Put the Bundle In"), QFileInfo(m_output->text()).path());
        if (!parent.isEmpty())
            m_output->setText(QDir(parent).filePath(proposedFolderName()));
    });
    outputPage->enter = [this] {
        if (m_output->text().trimmed().isEmpty())
            m_output->setText(QDir(QSettings().value(kParentKey, QDir::homePath()).toString())
                                  .filePath(proposedFolderName()));
    };
    connect(m_output, &QLineEdit::textChanged, outputPage, &Page::changed);
    outputPage->complete = [this] { return !m_output->text().trimmed().isEmpty(); };
    outputPage->validate = [this, outputError] {
        // Checked here, before anything runs; the export checks again when it writes.
        const QFileInfo target(m_output->text().trimmed());
        if (target.exists() && !target.isDir()) {
            outputError->setText(tr("%1: is a file, not a folder").arg(target.filePath()));
            return false;
        }
        if (target.isDir() && !QDir(target.filePath()).isEmpty() && !m_force->isChecked()) {
            outputError->setText(
                tr("%1: exists and is not empty; choose another folder or replace it")
                    .arg(target.filePath()));
            return false;
        }
        outputError->clear();
        return true;
    };
    setPage(OutputPage, outputPage);

    auto *runPage = new Page(this);
    runPage->setTitle(tr("Export"));
    m_status = new QLabel(runPage);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(runPage);
    m_progress->setRange(0, 1000);
    m_log = new QPlainTextEdit(runPage);
    m_log->setReadOnly(true);
    auto *runLayout = new QVBoxLayout(runPage);
    runLayout->addWidget(m_status);
    runLayout->addWidget(m_progress);
    runLayout->addWidget(m_log, 1);
    runPage->enter = [this] { startExport(); };
    runPage->complete = [this] { return m_done; };
    setPage(RunPage, runPage);
}

ExportWizard::~ExportWizard()
{
    // The worker posts to this wizard: it must end first.
    m_cancelled->store(true);
    m_future.waitForFinished();
}

void ExportWizard::setTransferLayer(const QString &spec)
{
    if (spec.isEmpty())
        m_tl->setCurrentIndex(0);
    else
        m_tl->setCurrentText(spec);
}

void ExportWizard::setModelShapes(const QString &input, const QString &output)
{
    m_inputShape = input;
    m_outputShape = output;
}

// Channels, size and classes from the data set's headers (no images read, no LibTorch).
QString ExportWizard::dataMisfit() const
{
    if (m_inputShape.isEmpty() || m_outputShape.isEmpty())
        return {};
    try {
        const auto why = tl::dataMismatch(tl::peekDataset(m_data->text().trimmed().toStdString()),
                                          graph::parseShape(m_inputShape.toStdString()),
                                          graph::parseShape(m_outputShape.toStdString()));
        return QString::fromStdString(why);
    } catch (const Error &e) {
        return QString::fromStdString(e.what());
    }
}

// "inspectnet-split7-maxpool2": the model, the split and the TL, as a folder name.
QString ExportWizard::proposedFolderName() const
{
    const auto tl = request().tl;
    return QString::fromStdString(bundle::shortName(m_model.toStdString())) +
           QStringLiteral("-split%1").arg(m_split->value()) +
           (tl.empty() ? QString() : QLatin1Char('-') + QString::fromStdString(tl));
}

void ExportWizard::setAccuracy(std::optional<plan::AccuracyTable> table)
{
    m_accuracyTable = std::move(table);
    updateAccuracy();
}

QString ExportWizard::accuracyText() const
{
    return m_accuracy->text();
}

// What was measured of the split and TL chosen, as the bundle sends it (fp32): the TL as
// inserted and each fine-tuned version.
void ExportWizard::updateAccuracy()
{
    if (!m_accuracyTable) {
        m_accuracy->setText(tr("Not measured in this project (cleave-cli accuracy measures it)"));
        return;
    }
    const auto &table = *m_accuracyTable;
    const auto measured = [](const plan::MeasuredAccuracy &a) {
        return tr("top-1 %1, %2 lost")
            .arg(plots::Numbers::percent(a.top1 * 100), plots::Numbers::points(a.drop_pp));
    };
    const int split = m_split->value();
    const auto dataset = QString::fromStdString(table.dataset);
    if (split >= m_blocks) {
        m_accuracy->setText(
            tr("%1 on %2 (the model unsplit)").arg(measured(table.unsplit), dataset));
        return;
    }
    const auto tl = transferLayer();
    const auto found = table.measured.find({split, tl, "fp32"});
    if (found == table.measured.end()) {
        m_accuracy->setText(
            tr("Split %1 with %2 not measured on %3")
                .arg(split)
                .arg(tl.empty() ? tr("no Transfer Layer") : QString::fromStdString(tl), dataset));
        return;
    }
    QStringList versions;
    for (const auto &a : found->second)
        versions.push_back(
            a.fineTuned.empty()
                ? measured(a)
                : tr("fine-tuned %1: %2").arg(QString::fromStdString(a.fineTuned), measured(a)));
    m_accuracy->setText(tr("%1 on %2").arg(versions.join(QStringLiteral("; ")), dataset));
}

std::string ExportWizard::transferLayer() const
{
    // Editable: a spec typed in counts as much as one picked from the list.
    if (const auto tl = m_tl->currentText().trimmed(); !tl.isEmpty() && tl != m_tl->itemText(0))
        return tl.toStdString();
    return {};
}

bundle::ExportRequest ExportWizard::request() const
{
    bundle::ExportRequest r;
    r.model = m_model.toStdString();
    r.split = m_split->value();
    r.cutting.granularity = m_granularity;
    r.tl = transferLayer();
    if (m_train->isChecked()) {
        r.data = m_data->text().trimmed().toStdString();
        r.training.epochs = m_epochs->value();
        r.training.learningRate = m_rate->value();
        r.trainLimit = m_trainLimit->value();
        r.testLimit = m_testLimit->value();
        r.afterCutOnly = m_afterCut->isChecked();
    }
    // Predict only when the project has timings of this model.
    if (!m_project.isEmpty() && QFileInfo::exists(m_project)) {
        r.db = m_project.toStdString();
        r.predictOnlyIfTimed = true;
    }
    r.link = m_link->currentText().toStdString();
    r.output = m_output->text().trimmed().toStdString();
    r.force = m_force->isChecked();
    return r;
}

QString ExportWizard::log() const
{
    return m_log->toPlainText();
}

void ExportWizard::cancelExport()
{
    if (!m_running)
        return;
    appendLog(tr("cancelling; nothing is written"));
    m_cancelled->store(true);
}

void ExportWizard::reject()
{
    // Cancel stops a running export first; the wizard closes when it has.
    if (m_running) {
        cancelExport();
        return;
    }
    QWizard::reject();
}

void ExportWizard::startExport()
{
    if (m_running)
        return;
    const auto request = this->request();
    // Next time: the same kind of TL, a folder in the same place.
    QSettings().setValue(kTlKey, QString::fromStdString(request.tl));
    QSettings().setValue(kParentKey,
                         QFileInfo(QString::fromStdString(request.output)).absolutePath());
    m_running = true;
    m_done = false;
    m_cancelled->store(false);
    m_status->setText(tr("Exporting split %1 of %2...").arg(request.split).arg(m_model));
    m_progress->setValue(0);
    ExportCallbacks callbacks;
    callbacks.progress = [this](double fraction, const QString &what) {
        QMetaObject::invokeMethod(
            this,
            [=] {
                m_progress->setValue(int(fraction * m_progress->maximum()));
                m_progress->setFormat(QStringLiteral("%p% ") + what);
            },
            Qt::QueuedConnection);
    };
    callbacks.log = [this](const QString &line) {
        QMetaObject::invokeMethod(
            this, [=] { appendLog(line); }, Qt::QueuedConnection);
    };
    const auto cancelled = m_cancelled;
    const auto finish = [this](bool ok, const QString &message) {
        m_running = false;
        m_done = true;
        m_status->setText(ok ? tr("Done.") : tr("Not exported: %1").arg(message));
        if (ok)
            m_progress->setValue(m_progress->maximum());
        appendLog(message);
        static_cast<Page *>(page(RunPage))->changed();
        Q_EMIT exportFinished(ok, message);
    };
    m_future = runInBackground<QString>(
        this, [request, callbacks, cancelled] { return runExport(request, callbacks, *cancelled); },
        [finish](const QString &summary) { finish(true, summary); },
        [finish](const QString &reason) { finish(false, reason); });
}

void ExportWizard::appendLog(const QString &line)
{
    m_log->appendPlainText(line);
}

} // namespace cleave::gui
