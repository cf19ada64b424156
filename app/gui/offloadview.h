// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/projectwork.h"

#include <QFuture>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace cleave::plots {
class LatencyStackPlot;
class PredictionPlot;
} // namespace cleave::plots

namespace cleave::gui {

/// Runs the selected split, or every split, for real on the agents through an emulated link,
/// and draws what was measured over the predicted stacks, with the predicted-versus-measured
/// scatter beside them. Runs are committed to the project as they arrive.
class OffloadView : public QWidget
{
    Q_OBJECT

public:
    explicit OffloadView(QWidget *parent = nullptr);
    ~OffloadView() override; ///< cancels a running offload and waits for it

    /// Runs `split` (or every split when `all` is chosen) of `model` on `agents`. False (and the
    /// reason in the log) when it cannot start.
    /// `localDevice`: limits of the local device agent (used when `agents` is empty).
    bool start(const QString &project, const QString &model, int split,
               const QList<AgentEntry> &agents, const ResourceLimits &localDevice = {});
    void cancel();
    bool isRunning() const { return m_runner != nullptr; }
    /// Redraws the plots from the project's timings and runs on the chosen link.
    void reload(const QString &project, const QString &model);
    /// Where the model is cut: the window's choice (a split's number means a cut of it).
    void setGranularity(graph::Granularity granularity) { m_granularity = granularity; }

    /// The configuration selected elsewhere: its split for "this split" and its TL.
    void setSelection(int split, const QString &tl);
    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *tlBox() const { return m_tl; }
    QComboBox *linkBox() const { return m_link; }
    QSpinBox *runsBox() const { return m_runs; }
    QSpinBox *warmupBox() const { return m_warmup; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    plots::LatencyStackPlot *stackPlot() const { return m_stacks; }
    plots::PredictionPlot *predictionPlot() const { return m_prediction; }
    QString log() const;

Q_SIGNALS:
    void runRequested();
    void finished(bool ok, const QString &message);
    /// The plots show the project's measurements (after reload()).
    void reloaded();

private:
    void appendLog(const QString &line);
    void setRunning(bool running);

    QComboBox *m_scope = nullptr;
    QComboBox *m_tl = nullptr;
    QComboBox *m_codec = nullptr;
    QComboBox *m_link = nullptr;
    QSpinBox *m_runs = nullptr;
    QSpinBox *m_warmup = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QString m_project; ///< what the plots and the log are about
    QString m_model;
    graph::Granularity m_granularity = graph::Granularity::Block;
    plots::LatencyStackPlot *m_stacks = nullptr;
    plots::PredictionPlot *m_prediction = nullptr;
    std::shared_ptr<OffloadRunner> m_runner;
    QFuture<void> m_future;
    int m_reloadJob = 0;
};

} // namespace cleave::gui
