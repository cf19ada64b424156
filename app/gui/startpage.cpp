// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/startpage.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cleave::gui {

StartPage::StartPage(const QList<ZooChoice> &zoo, QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(tr("<h2>Cleave</h2>Plan split DNN inference between device, edge "
                                "and cloud: open a model, measure it on your machines, and see "
                                "where to cut it."),
                             this);
    title->setWordWrap(true);

    auto *openModel = new QPushButton(tr("Open Model File..."), this);
    auto *openProject = new QPushButton(tr("Open Project..."), this);
    auto *newProject = new QPushButton(tr("New Project..."), this);
    m_try = new QPushButton(tr("Try It: ResNet-18 on a Slow Device beside a Fast Edge"), this);
    m_try->setToolTip(tr("Opens ResNet-18 from the zoo and measures it on a device and an edge "
                         "agent started on this machine"));
    auto *buttons = new QHBoxLayout;
    for (auto *b : {openModel, openProject, newProject})
        buttons->addWidget(b);
    buttons->addStretch(1);

    m_zoo = new QTreeWidget(this);
    m_zoo->setColumnCount(4);
    m_zoo->setHeaderLabels({tr("Zoo model"), tr("Architecture"), tr("Input"), tr("Classes")});
    m_zoo->setRootIsDecorated(false);
    m_zoo->setToolTip(tr("Double-click to open a model; its weights are seeded, not trained"));
    for (const auto &z : zoo) {
        auto *item = new QTreeWidgetItem(
            m_zoo, {z.spec, z.description, z.input, QString::number(z.classes)});
        item->setData(0, Qt::UserRole, z.spec);
    }
    // Sized once to the texts; ResizeToContents would measure every row at every layout.
    for (int c = 0; c < m_zoo->columnCount(); ++c)
        m_zoo->resizeColumnToContents(c);
    m_recent = new QListWidget(this);
    m_recent->setToolTip(tr("Double-click to open a project"));

    auto *lists = new QHBoxLayout;
    auto *zooColumn = new QVBoxLayout;
    zooColumn->addWidget(new QLabel(tr("Zoo models"), this));
    zooColumn->addWidget(m_zoo, 1);
    auto *recentColumn = new QVBoxLayout;
    recentColumn->addWidget(new QLabel(tr("Recent projects"), this));
    recentColumn->addWidget(m_recent, 1);
    lists->addLayout(zooColumn, 3);
    lists->addLayout(recentColumn, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addWidget(m_try, 0, Qt::AlignLeft);
    layout->addLayout(lists, 1);

    connect(openModel, &QPushButton::clicked, this, &StartPage::openModelRequested);
    connect(openProject, &QPushButton::clicked, this, &StartPage::openProjectRequested);
    connect(newProject, &QPushButton::clicked, this, &StartPage::newProjectRequested);
    connect(m_try, &QPushButton::clicked, this, &StartPage::tryRequested);
    connect(m_zoo, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT zooModelChosen(item->data(0, Qt::UserRole).toString());
    });
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentProjectChosen(item->data(Qt::UserRole).toString());
    });
}

void StartPage::setRecentProjects(const QStringList &paths)
{
    m_recent->clear();
    for (const auto &path : paths) {
        auto *item = new QListWidgetItem(QFileInfo(path).fileName(), m_recent);
        item->setToolTip(path);
        item->setData(Qt::UserRole, path);
    }
}

} // namespace cleave::gui
