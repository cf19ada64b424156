// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/keychain.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <qt6keychain/keychain.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>

namespace cleave::gui::keychain {

namespace {

const QString kService = QStringLiteral("Cleave agent tokens");
constexpr auto kPatience = std::chrono::seconds(30);

QString entryOf(const QString &address)
{
    return QStringLiteral("agent ") + address.trimmed();
}

struct JobResult
{
    QKeychain::Error error = QKeychain::OtherError;
    QString message;
    QString text; ///< a read job's password
};

/// Runs the job `make` creates to its end and returns what it found. Qt Keychain's jobs belong
/// to the GUI thread (their D-Bus calls and clean-up post events there: a job on a worker
/// thread crashed it), so a worker hands the start to the GUI thread and waits; on the GUI
/// thread itself the wait spins its event loop.
JobResult runJob(const std::function<QKeychain::Job *()> &make)
{
    auto promise = std::make_shared<std::promise<JobResult>>();
    auto future = promise->get_future();
    const auto start = [make, promise] {
        QKeychain::Job *job = make(); // deletes itself when finished
        QObject::connect(job, &QKeychain::Job::finished, [promise](QKeychain::Job *done) {
            JobResult result{done->error(), done->errorString(), {}};
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                result.text = read->textData();
            promise->set_value(result);
        });
        job->start();
    };
    auto *app = QCoreApplication::instance();
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    if (QThread::currentThread() == app->thread()) {
        start();
        while (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready &&
               std::chrono::steady_clock::now() < deadline)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    } else {
        QMetaObject::invokeMethod(app, start, Qt::QueuedConnection);
        future.wait_until(deadline);
    }
    if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return {QKeychain::OtherError, QStringLiteral("the keychain did not answer"), {}};
    return future.get();
}

} // namespace

QString storeToken(const QString &address, const QString &token)
{
    const auto result = runJob([&] {
        auto *job = new QKeychain::WritePasswordJob(kService);
        job->setKey(entryOf(address));
        job->setTextData(token.trimmed());
        return job;
    });
    return result.error == QKeychain::NoError ? QString() : result.message;
}

QString readToken(const QString &address)
{
    const auto result = runJob([&] {
        auto *job = new QKeychain::ReadPasswordJob(kService);
        job->setKey(entryOf(address));
        return job;
    });
    if (result.error == QKeychain::EntryNotFound)
        throw Error(ErrorKind::NotFound,
                    address.toStdString() + ": no token for this agent in the keychain");
    if (result.error != QKeychain::NoError)
        throw Error(ErrorKind::Unavailable, address.toStdString() +
                                                ": cannot read its token from the keychain (" +
                                                result.message.toStdString() + ")");
    return result.text;
}

QString forgetToken(const QString &address)
{
    const auto result = runJob([&] {
        auto *job = new QKeychain::DeletePasswordJob(kService);
        job->setKey(entryOf(address));
        return job;
    });
    return result.error == QKeychain::NoError || result.error == QKeychain::EntryNotFound
               ? QString()
               : result.message;
}

} // namespace cleave::gui::keychain
