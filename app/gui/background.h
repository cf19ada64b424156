// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/errortext.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <functional>
#include <optional>

namespace cleave::gui {

/// What a background job gives back: its result, or its error in the workbench's words.
template<typename Result>
struct Outcome
{
    std::optional<Result> value;
    QString error;
};

/// Runs `work` on the thread pool and hands its result (or its error's one-line message) to the
/// GUI thread, unless `owner` is gone by then: the watcher is its child. Returns the future, for
/// owners that wait for it when they go. `pool` (default: the global one) decides the order:
/// a pool of one thread runs its jobs one at a time, first come first served.
template<typename Result, typename Work, typename Done>
QFuture<Outcome<Result>> runInBackground(QObject *owner, Work work, Done done,
                                         std::function<void(const QString &)> failed,
                                         QThreadPool *pool = QThreadPool::globalInstance())
{
    auto *watcher = new QFutureWatcher<Outcome<Result>>(owner);
    QObject::connect(watcher, &QFutureWatcher<Outcome<Result>>::finished, owner, [=] {
        watcher->deleteLater();
        auto outcome = watcher->result();
        if (outcome.value)
            done(std::move(*outcome.value));
        else
            failed(outcome.error);
    });
    auto future = QtConcurrent::run(pool, [work]() -> Outcome<Result> {
        try {
            return {work(), {}};
        } catch (const std::exception &e) {
            return {std::nullopt, ErrorText::of(e)};
        }
    });
    watcher->setFuture(future);
    return future;
}

} // namespace cleave::gui
