// SPDX-License-Identifier: GPL-3.0-or-later
// cleave: the desktop workbench. `cleave [MODEL [PROJECT]]` opens a model (a TorchScript file or
// zoo:NAME) and, with a project (a .cleave store, e.g. written by `cleave-cli bench`), plans it.
#include "app/gui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QThreadPool>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Cleave"));
    QApplication::setOrganizationName(QStringLiteral("Cleave"));
    QApplication::setApplicationVersion(QStringLiteral(CLEAVE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Plan split DNN inference between device, edge and cloud."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("model"),
                                 QApplication::translate("main", "TorchScript file or zoo:NAME"));
    parser.addPositionalArgument(
        QStringLiteral("project"),
        QApplication::translate("main", "a .cleave project (timings from cleave-cli bench)"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "save the window to FILE (PNG) once the plan is drawn, "
                                        "then quit"),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.process(app);

    cleave::gui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (parser.isSet(screenshot)) {
        // For the documentation: the real window, drawn by the platform (e.g. under Xvfb).
        const auto path = parser.value(screenshot);
        const auto grab = [&window, path] {
            QTimer::singleShot(800, &window, [&window, path] {
                const bool saved = window.grab().save(path, "PNG");
                if (!saved)
                    std::fprintf(stderr, "cleave: %s: cannot write the screenshot\n",
                                 qPrintable(path));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        QObject::connect(&window, &cleave::gui::MainWindow::timingsOpened, &window, grab);
        QObject::connect(&window, &cleave::gui::MainWindow::timingsMissing, &window, grab);
        QObject::connect(&window, &cleave::gui::MainWindow::openFailed, &window, grab);
    }
    const auto args = parser.positionalArguments();
    if (args.size() > 1)
        window.openProject(args.value(1), args.value(0));
    else if (!args.isEmpty())
        window.openModel(args.value(0));
    const int code = QApplication::exec();
    // Work still running (a model being analysed) ends before LibTorch is torn down.
    QThreadPool::globalInstance()->waitForDone();
    return code;
}
