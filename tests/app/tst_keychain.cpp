// SPDX-License-Identifier: GPL-3.0-or-later
// Agent tokens in the system keychain, for real: the test runs in a D-Bus session of its own
// with a fresh GNOME keyring (tests/support/with-keyring.sh), and a real agent that requires the
// token answers the workbench's agents panel. The project file never holds the token.
#include "testmain.h"
#include "tokenfile.h"

#include "app/gui/agentspanel.h"
#include "app/gui/keychain.h"
#include "app/gui/projectwork.h"
#include "core/error.h"
#include "remote/client/localagents.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace cleave;

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("CLEAVE_TEST_KEYRING"))
            QSKIP("run through tests/support/with-keyring.sh (ctest does)");
    }

    // Store, read back, replace and forget; a token never stored is an error naming the agent.
    void keepsTokensByAgent()
    {
        const auto address = QStringLiteral("127.0.0.1:7001");
        QCOMPARE(gui::keychain::storeToken(address, QStringLiteral("first-t0ken")), QString());
        QCOMPARE(gui::keychain::readToken(address), QStringLiteral("first-t0ken"));
        QCOMPARE(gui::keychain::storeToken(address, QStringLiteral(" second-t0ken\n")), QString());
        QCOMPARE(gui::keychain::readToken(address), QStringLiteral("second-t0ken"));
        QCOMPARE(gui::keychain::forgetToken(address), QString());
        try {
            gui::keychain::readToken(address);
            QFAIL("a forgotten token was read");
        } catch (const Error &e) {
            QVERIFY(e.kind() == ErrorKind::NotFound);
            QVERIFY2(QByteArray(e.what()).startsWith("127.0.0.1:7001: no token"), e.what());
        }
    }

    // The panel puts the token in the keychain; the agent that requires it answers; the project
    // keeps "keychain:" and not the token.
    void securedAgentAnswersWithTheKeychainToken()
    {
        QTemporaryDir dir;
        const QByteArray secret = "keychain-t0ken-5d1c";
        const auto tokenPath = testing::writeTokenFile(dir, QStringLiteral("agent.token"), secret);
        remote::AgentProcess agent("kc-edge", "edge", 1, {"--token-file", tokenPath.toStdString()});
        const auto address = QString::fromStdString(agent.address());

        gui::AgentsPanel panel;
        QSignalSpy stored(&panel, &gui::AgentsPanel::tokenStored);
        panel.storeTokenInKeychain(address, QString::fromUtf8(secret));
        QVERIFY(stored.wait(15000));
        QCOMPARE(stored.at(0).at(1).toString(), QString());

        QSignalSpy answered(&panel, &gui::AgentsPanel::agentAnswered);
        QVERIFY(panel.addAgent(address, QStringLiteral("edge"), gui::keychain::kTokenInKeychain));
        QVERIFY(answered.wait(15000));
        QCOMPARE(panel.model()->reach(0), gui::AgentTableModel::Reach::Online);

        const auto project = dir.filePath(QStringLiteral("kc.cleave"));
        gui::openProject(project, /*create=*/true);
        gui::saveAgents(project, panel.agents());
        QCOMPARE(gui::openProject(project, false).agents.at(0).tokenFile,
                 gui::keychain::kTokenInKeychain);
        QFile file(project);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret));
    }
};

CLEAVE_TEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
