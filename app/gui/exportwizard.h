// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/modelloading.h"
#include "core/plan/costs.h"

#include <QFuture>
#include <QWizard>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QSpinBox;

namespace cleave::gui {

/// Writes a deployment bundle in four steps: the split (pre-filled from the selection) and the
/// Transfer Layer; optional fine-tuning on a data set; the output folder; then the export itself
/// on a worker, with progress, accuracy so far and cancel. A cancelled or failed export writes
/// nothing.
class ExportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { SplitPage, TrainingPage, OutputPage, RunPage };

    /// `blocks`: the model's block count (splits 0..blocks). `project`: for the prediction.
    ExportWizard(const QString &model, int blocks, int split, const QString &project,
                 QWidget *parent = nullptr);
    ~ExportWizard() override; ///< cancels a running export and waits for it

    /// The export as the pages ask for it; the project predicts its latency when it has timings.
    bundle::ExportRequest request() const;
    /// The model's input and output shapes ("1x3x224x224"), so the data page can check that a
    /// data set fits before anything runs; empty: not checked here (the export checks).
    void setModelShapes(const QString &input, const QString &output);
    /// Where the model is cut (the split's numbering): the window's choice.
    void setGranularity(graph::Granularity granularity) { m_granularity = granularity; }
    /// Pre-selects the Transfer Layer of the selected configuration (empty: none).
    void setTransferLayer(const QString &spec);
    /// The accuracies measured of the model in the project (none: not measured): the split
    /// page says what the split and TL chosen measured, as inserted and fine-tuned.
    void setAccuracy(std::optional<plan::AccuracyTable> table);
    /// What the split page says of the accuracy of the split and TL chosen.
    QString accuracyText() const;
    bool isRunning() const { return m_running; }
    /// Why the data set given cannot fine-tune the model; empty when it fits or is unknown.
    QString dataMisfit() const;
    /// The bundle folder's proposed name: model, split and TL.
    QString proposedFolderName() const;
    void cancelExport();

    QSpinBox *splitBox() const { return m_split; }
    QComboBox *tlBox() const { return m_tl; }
    QCheckBox *trainBox() const { return m_train; }
    QLineEdit *dataEdit() const { return m_data; }
    QSpinBox *epochsBox() const { return m_epochs; }
    QSpinBox *trainLimitBox() const { return m_trainLimit; }
    QSpinBox *testLimitBox() const { return m_testLimit; }
    QLineEdit *outputEdit() const { return m_output; }
    QCheckBox *forceBox() const { return m_force; }
    QString log() const;

Q_SIGNALS:
    /// The export ended: `ok`, and the summary or the one-line reason.
    void exportFinished(bool ok, const QString &message);

protected:
    void reject() override;

private:
    void startExport();
    void appendLog(const QString &line);
    void updateAccuracy();
    /// The TL spec chosen or typed; empty: none.
    std::string transferLayer() const;

    QString m_model;
    QString m_inputShape;
    QString m_outputShape;
    QString m_project;
    QSpinBox *m_split = nullptr;
    QComboBox *m_tl = nullptr;
    QLabel *m_accuracy = nullptr;
    std::optional<plan::AccuracyTable> m_accuracyTable;
    int m_blocks = 0;
    QCheckBox *m_train = nullptr;
    QLineEdit *m_data = nullptr;
    QSpinBox *m_epochs = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QSpinBox *m_trainLimit = nullptr;
    QSpinBox *m_testLimit = nullptr;
    QCheckBox *m_afterCut = nullptr;
    QLineEdit *m_output = nullptr;
    QCheckBox *m_force = nullptr;
    QComboBox *m_link = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_log = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QFuture<void> m_future;
    bool m_running = false;
    graph::Granularity m_granularity = graph::Granularity::Block;
    bool m_done = false;
};

} // namespace cleave::gui
