// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/projectwork.h"

#include <QFuture>
#include <QMap>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace cleave::gui {

/// Measures the open model on the agents: warm-up and repetitions, Transfer Layers and codecs
/// to time at every cut; start and cancel; a progress bar per agent and a live log. Each result
/// is committed to the project as it arrives (a cancelled run keeps its blocks and is labelled
/// partial; "Resume" continues it).
class BenchmarkPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BenchmarkPanel(QWidget *parent = nullptr);
    ~BenchmarkPanel() override; ///< cancels a running benchmark and waits for it

    /// Starts measuring `model` on `agents` (empty: local agents) into `project`. False (and
    /// the reason in the log) when the settings or the agents cannot make a run.
    /// `localDevice`: limits of the local device agent (used when `agents` is empty).
    bool start(const QString &project, const QString &model, const QList<AgentEntry> &agents,
               const ResourceLimits &localDevice = {});
    void cancel();
    bool isRunning() const { return m_runner != nullptr; }
    /// The model Start measures (`name` for the panel's line), cut at `granularity`; empty:
    /// none, Start is disabled.
    void setModel(const QString &spec, const QString &name,
                  graph::Granularity granularity = graph::Granularity::Block);
    /// The line above the controls: what is or was measured, or what to do first.
    QString statusText() const;

    QSpinBox *warmupBox() const { return m_warmup; }
    QSpinBox *repsBox() const { return m_reps; }
    QLineEdit *tlEdit() const { return m_tl; }
    QLineEdit *codecEdit() const { return m_codecs; }
    QCheckBox *resumeBox() const { return m_resume; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar(const QString &role) const { return m_bars.value(role); }
    QString log() const;
    QPlainTextEdit *logView() const { return m_log; }

Q_SIGNALS:
    /// The Start button: the window answers with start() and what it knows.
    void startRequested();
    /// One agent's run is complete and committed: the planner can use it.
    void runCommitted(const QString &role);
    /// The benchmark ended: `ok`, or a one-line reason (cancelled: what was kept).
    void finished(bool ok, const QString &message);

private:
    void appendLog(const QString &role, const QString &line);
    void showProgress(const QString &role, double fraction);
    void setRunning(bool running);
    void updateStart();
    QProgressBar *barFor(const QString &role);

    QSpinBox *m_warmup = nullptr;
    QSpinBox *m_reps = nullptr;
    QLineEdit *m_tl = nullptr;
    QLineEdit *m_codecs = nullptr;
    QCheckBox *m_resume = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_model = nullptr;
    QString m_spec; ///< the model Start measures
    QString m_name;
    graph::Granularity m_granularity = graph::Granularity::Block;
    QVBoxLayout *m_barLayout = nullptr;
    QMap<QString, QProgressBar *> m_bars;
    QPlainTextEdit *m_log = nullptr;
    std::shared_ptr<BenchRunner> m_runner;
    QFuture<void> m_future;
};

} // namespace cleave::gui
