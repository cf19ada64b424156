// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/problem.h"

#include <QCoreApplication>
#include <QString>

#include <exception>

namespace cleave::gui {

/// Errors in the workbench's words: a planner's demands by the controls that make them, and
/// what is missing by the panel that measures it. Callable from worker threads.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(cleave::gui::ErrorText)

public:
    /// "Minimum split 2", "Maximum upload 0.5 MB", "block 0 pinned to the edge".
    static QString demand(const plan::Demand &demand);
    static QString problem(const plan::PlanProblem &problem);
    /// A PlanError as problem() says it; any other error by its one-line reason.
    static QString of(const std::exception &error);

private:
    static QString tier(plan::Tier tier);
};

} // namespace cleave::gui
