// SPDX-License-Identifier: GPL-3.0-or-later
// A test main that pins what the machine could otherwise change: platform plugin, locale and
// HOME (a fresh temporary directory), so results never depend on where the tests run.
#pragma once

#include "core/error.h"

#include <QCoreApplication>
#ifdef QT_WIDGETS_LIB
#include <QApplication>
#endif
#include <QTemporaryDir>
#include <QtTest>

#include <clocale>
#include <cstdlib>
#include <functional>

// Tests of widgets (the plots) get a QApplication on the offscreen platform.
#ifdef QT_WIDGETS_LIB
#define CLEAVE_TEST_APPLICATION QApplication
#else
#define CLEAVE_TEST_APPLICATION QCoreApplication
#endif

#define CLEAVE_TEST_MAIN(TestClass)                                                                \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        qputenv("QT_QPA_PLATFORM", "offscreen");                                                   \
        qputenv("LC_ALL", "C");                                                                    \
        std::setlocale(LC_ALL, "C");                                                               \
        QTemporaryDir home;                                                                        \
        qputenv("HOME", home.path().toUtf8());                                                     \
        qputenv("XDG_RUNTIME_DIR", home.path().toUtf8());                                          \
        CLEAVE_TEST_APPLICATION app(argc, argv);                                                   \
        TestClass test;                                                                            \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&test, argc, argv);                                                    \
    }

namespace cleave::testing {

/// The message of the cleave::Error that `f` throws, or "no error".
inline QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const cleave::Error &e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("no error");
}

/// Path of a committed fixture in tests/fixtures.
inline QString fixture(const char *name)
{
    return QStringLiteral(CLEAVE_FIXTURES_DIR "/") + QString::fromUtf8(name);
}

} // namespace cleave::testing
