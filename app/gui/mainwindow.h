// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/modelloading.h"

#include <QMainWindow>

template<typename T>
class QFutureWatcher;

namespace cleave::gui {

class ModelView;
class PlanView;

/// The workbench: the plan view in the middle, the model's cuts in a dock; models and stores
/// open on worker threads, and results that arrive after a newer request are dropped. The
/// window's geometry and dock layout are kept in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a model (a TorchScript file or zoo:NAME) and, when `store` is given, plans it with
    /// that store's timings. Returns at once; modelOpened / timingsOpened / openFailed follow.
    void openModel(const QString &spec, const QString &store = {});
    void openTimings(const QString &store);

    ModelView *modelView() const { return m_modelView; }
    PlanView *planView() const { return m_planView; }
    const QString &currentModel() const { return m_model; }

Q_SIGNALS:
    void modelOpened(const QString &spec);
    void timingsOpened(const QString &store);
    void openFailed(const QString &reason);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void chooseModelFile();
    void chooseZooModel();
    void chooseTimings();
    void showFailure(const QString &reason);

    ModelView *m_modelView = nullptr;
    PlanView *m_planView = nullptr;
    QString m_model;
    QString m_store;
    int m_modelJob = 0; ///< the newest model request; older answers are dropped
    int m_plannerJob = 0;
};

} // namespace cleave::gui
