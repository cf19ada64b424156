// SPDX-License-Identifier: GPL-3.0-or-later
// cleave: the desktop workbench. `cleave [MODEL [PROJECT]]` opens a model (a TorchScript file or
// zoo:NAME) and, with a project (a .cleave store, e.g. written by `cleave-cli bench`), plans it.
#include "app/gui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QThreadPool>

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
    parser.process(app);

    cleave::gui::MainWindow window;
    window.resize(1280, 800);
    window.show();
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
