// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;
class QTreeWidget;

namespace cleave::gui {

/// A zoo architecture as the start page lists it.
struct ZooChoice
{
    QString spec;        ///< "zoo:resnet18"
    QString description; ///< "ResNet-18 (torchvision)"
    QString input;       ///< "1x3x224x224"
    int classes = 0;
};

/// What the window shows while no model is open: open a model file or a zoo model (with its
/// input and classes), open or create a project, the recent projects, and a first run to try.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    StartPage(const QList<ZooChoice> &zoo, QWidget *parent = nullptr);

    void setRecentProjects(const QStringList &paths);

    QTreeWidget *zooList() const { return m_zoo; }
    QListWidget *recentList() const { return m_recent; }
    QPushButton *tryButton() const { return m_try; }

Q_SIGNALS:
    void openModelRequested();
    void openProjectRequested();
    void newProjectRequested();
    void zooModelChosen(const QString &spec);
    void recentProjectChosen(const QString &path);
    /// "Try it": the demo (core/demo.h), benchmarked on local agents and planned.
    void tryRequested();

private:
    QTreeWidget *m_zoo = nullptr;
    QListWidget *m_recent = nullptr;
    QPushButton *m_try = nullptr;
};

} // namespace cleave::gui
