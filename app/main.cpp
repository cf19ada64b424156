// SPDX-License-Identifier: GPL-3.0-or-later
// cleave: the desktop workbench. `cleave [MODEL [PROJECT]]` opens a model (a TorchScript file or
// zoo:NAME) and, with a project (a .cleave store, e.g. written by `cleave-cli bench`), plans it.
#include "app/gui/clusterview.h"
#include "app/gui/graphview.h"
#include "app/gui/language.h"
#include "app/gui/mainwindow.h"
#include "core/graph/modelcheck.h"
#include "remote/versions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QThreadPool>
#include <QTimer>

#include <QElapsedTimer>
#include <QSettings>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

/// Seconds since this process started (exec included), from /proc; -1 where unknown.
double secondsSinceProcessStart()
{
    std::ifstream stat("/proc/self/stat"), uptime("/proc/uptime");
    std::string line;
    double up = 0;
    if (!std::getline(stat, line) || !(uptime >> up))
        return -1;
    // Field 22 (starttime, in clock ticks) follows the command name, which may hold spaces.
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    return up - std::stod(field) / double(sysconf(_SC_CLK_TCK));
}

/// Whether the command line only asks for text (help or version). Such a run must work where
/// there is no display (a build making man pages, a shell over ssh), so it gets the offscreen
/// platform instead of failing to connect to one.
bool asksOnlyForText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" ||
            arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    // The child side of the model check (core/graph/modelcheck.h); not for users.
    if (argc == 3 && std::string_view(argv[1]) == "--check-model")
        return cleave::graph::checkModelHere(argv[2]);
    // A crafted model file crashes LibTorch's reader: read each first in a child.
    cleave::graph::setModelChecker(cleave::graph::currentExecutable());
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (asksOnlyForText(argc, argv) && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Cleave"));
    QApplication::setOrganizationName(QStringLiteral("Cleave"));
    QApplication::setApplicationVersion(QStringLiteral(CLEAVE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Plan split DNN inference between device, edge and cloud."));
    parser.addHelpOption();
    // Not addVersionOption(): that prints our version only, where a bug report needs the
    // libraries' too.
    const QCommandLineOption version(
        {QStringLiteral("v"), QStringLiteral("version")},
        QApplication::translate("main", "Displays version information."));
    parser.addOption(version);
    parser.addPositionalArgument(
        QStringLiteral("model"),
        QApplication::translate("main", "TorchScript file or zoo:NAME; a .cleave project alone "
                                        "opens it with the model it was last planned with"),
        QStringLiteral("[model]"));
    parser.addPositionalArgument(
        QStringLiteral("project"),
        QApplication::translate("main", "a .cleave project (timings from cleave-cli bench)"),
        QStringLiteral("[project]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "save the window to FILE (PNG) once the plan is drawn, "
                                        "then quit"),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    const QCommandLineOption startupTime(
        QStringLiteral("startup-time"),
        QApplication::translate("main", "print how long the window took to become interactive, "
                                        "then quit"));
    parser.addOption(startupTime);
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QApplication::translate("main", "colours: system, light or dark (kept for next time)"),
        QStringLiteral("THEME"));
    parser.addOption(theme);
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QApplication::translate("main", "language: system, en, de or ko (kept for next time)"),
        QStringLiteral("LANG"));
    parser.addOption(language);
    const QCommandLineOption view(QStringLiteral("view"),
                                  QApplication::translate("main", "open on the plan, the offload, "
                                                                  "the cluster or the graph view"),
                                  QStringLiteral("VIEW"));
    parser.addOption(view);
    parser.process(app);
    if (parser.isSet(version)) {
        std::printf("%s\n", cleave::remote::versionText("cleave", qVersion()).c_str());
        return 0;
    }

    // The language is chosen before any window exists: texts are translated as widgets are made.
    QSettings settings;
    if (parser.isSet(language)) {
        const auto name = parser.value(language);
        if (name != QLatin1String("system") && !cleave::gui::languages().contains(name)) {
            std::fprintf(stderr, "cleave: --lang %s: use system, en, de or ko\n", qPrintable(name));
            return 2;
        }
        settings.setValue(QStringLiteral("view/language"), name);
    }
    cleave::gui::installTranslations(
        settings.value(QStringLiteral("view/language"), QStringLiteral("system")).toString());
    cleave::gui::MainWindow window;
    if (parser.isSet(theme)) {
        const auto name = parser.value(theme);
        if (name != QLatin1String("system") && name != QLatin1String("light") &&
            name != QLatin1String("dark")) {
            std::fprintf(stderr, "cleave: --theme %s: use system, light or dark\n",
                         qPrintable(name));
            return 2;
        }
        window.setTheme(cleave::gui::themeFromName(name));
    }
    if (parser.isSet(view)) {
        const auto name = parser.value(view);
        const QStringList views{QStringLiteral("plan"), QStringLiteral("offload"),
                                QStringLiteral("cluster"), QStringLiteral("graph")};
        if (!views.contains(name)) {
            std::fprintf(stderr, "cleave: --view %s: use plan, offload, cluster or graph\n",
                         qPrintable(name));
            return 2;
        }
        window.showTab(int(views.indexOf(name)));
    }
    window.resize(1280, 800);
    window.show();
    if (parser.isSet(screenshot)) {
        // For the documentation: the real window, drawn by the platform (e.g. under Xvfb).
        // What the window shows is said on stderr; a model or project that did not open still
        // gets its picture, but exits 1, so that a script making pictures notices.
        const auto path = parser.value(screenshot);
        const auto grab = [&window, path](int code) {
            QTimer::singleShot(800, &window, [&window, path, code] {
                const bool saved = window.grab().save(path, "PNG");
                if (!saved)
                    std::fprintf(stderr, "cleave: %s: cannot write the screenshot\n",
                                 qPrintable(path));
                QApplication::exit(saved ? code : 1);
            });
        };
        // The cluster view reads its last run once the timings are there; the graph view lays
        // the model out.
        const bool cluster = parser.value(view) == QLatin1String("cluster");
        const bool graph = parser.value(view) == QLatin1String("graph");
        QObject::connect(&window, &cleave::gui::MainWindow::timingsOpened, &window,
                         [grab, cluster, graph](const QString &project) {
                             std::fprintf(stderr, "cleave: planned with the timings of %s\n",
                                          qPrintable(project));
                             if (!cluster && !graph)
                                 grab(0);
                         });
        if (cluster)
            QObject::connect(window.clusterView(), &cleave::gui::ClusterView::planningLoaded,
                             &window, [grab] { grab(0); });
        if (graph)
            QObject::connect(window.graphView(), &cleave::gui::GraphView::laidOut, &window,
                             [grab] { grab(0); });
        QObject::connect(&window, &cleave::gui::MainWindow::timingsMissing, &window,
                         [grab](const QString &reason) {
                             std::fprintf(stderr, "cleave: no plan: %s\n", qPrintable(reason));
                             grab(0);
                         });
        QObject::connect(&window, &cleave::gui::MainWindow::openFailed, &window,
                         [grab](const QString &reason) {
                             std::fprintf(stderr, "cleave: %s\n", qPrintable(reason));
                             grab(1);
                         });
        // Nothing to open: the start page, as a newcomer first sees it.
        if (parser.positionalArguments().isEmpty())
            grab(0);
    }
    if (parser.isSet(startupTime)) {
        // The first turn of the event loop after show(): the window is painted and answers.
        QTimer::singleShot(0, &window, [&sinceMain] {
            std::printf("interactive after %.1f ms in main, %.1f ms since the process started\n",
                        double(sinceMain.nsecsElapsed()) / 1e6, secondsSinceProcessStart() * 1e3);
            QApplication::exit(0);
        });
    }
    const auto args = parser.positionalArguments();
    if (args.size() > 1)
        window.openProject(args.value(1), args.value(0));
    else if (!args.isEmpty() && args.value(0).endsWith(QLatin1String(".cleave")))
        window.openProject(args.value(0)); // how the desktop opens a project file
    else if (!args.isEmpty())
        window.openModel(args.value(0));
    const int code = QApplication::exec();
    // Work still running (a model being analysed) ends before LibTorch is torn down.
    QThreadPool::globalInstance()->waitForDone();
    return code;
}
