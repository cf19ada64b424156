// SPDX-License-Identifier: GPL-3.0-or-later
// The work the workbench hands to worker threads, with plain results: the GUI thread never
// holds a LibTorch object or writes to SQLite.
#pragma once

#include "app/gui/cuttablemodel.h"
#include "app/gui/flowgraph.h"
#include "app/gui/startpage.h"

#include "core/bundle/exportrequest.h"
#include "core/graph/granularity.h"
#include "core/plan/planner.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace cleave::gui {

/// A model as the model view shows it.
struct LoadedModel
{
    QString spec; ///< a TorchScript path or zoo:NAME, as the store names it
    QString name; ///< for titles
    QString inputShape;
    int blocks = 0;
    graph::Granularity granularity = graph::Granularity::Block;
    QList<CutRow> cuts;
    std::shared_ptr<const FlowGraph> flow; ///< what the graph view lays out
};

/// Loads and analyses a model (LibTorch), cut at `granularity`. Throws cleave::Error with a
/// one-line message (at node granularity TooManyCuts beyond the default limit).
LoadedModel loadModel(const QString &spec,
                      graph::Granularity granularity = graph::Granularity::Block);

/// The zoo's model names, for the "Open Zoo Model" list.
QStringList zooNames();
/// The zoo's models with their description, default input and classes, for the start page.
QList<ZooChoice> zooChoices();

/// The models that have timings in a store (opening it migrates it: a write).
QStringList timedModels(const QString &store);

/// What an export reports while it runs; called on the worker.
struct ExportCallbacks
{
    std::function<void(double fraction, const QString &what)> progress;
    std::function<void(const QString &line)> log;
};

/// Runs the export (LibTorch, fine-tuning, files). Returns a summary; throws Error with a
/// one-line reason, Error(Cancelled) once `cancelled` is seen (nothing is written then).
QString runExport(const bundle::ExportRequest &request, const ExportCallbacks &callbacks,
                  const std::atomic<bool> &cancelled);

/// A planner over a store's newest timings of `model` at `granularity`.
std::shared_ptr<const plan::Planner>
loadPlanner(const QString &store, const QString &model,
            graph::Granularity granularity = graph::Granularity::Block);

} // namespace cleave::gui
