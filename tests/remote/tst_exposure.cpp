// SPDX-License-Identifier: GPL-3.0-or-later
// Who may use an agent: no agent serves a network address without a way to tell its callers
// apart unless told so, an open agent is no relay, and the local agents take a fresh token.
// Runs inside tests/support/in-netns.sh: 192.0.2.1 (named factory-box) is an address of this
// machine that is not loopback, in a network namespace no other machine reaches. Real
// cleave-agent processes, the real clients, CLI and agents panel.
#include "clirunner.h"
#include "pki.h"
#include "testmain.h"
#include "tokenfile.h"

#include "app/gui/agentspanel.h"
#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"

#include <grpcpp/grpcpp.h>

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <filesystem>

using namespace cleave;
namespace v1 = cleave::agent::v1;

namespace {

using testing::errorOf;

// A non-loopback address of this machine, inside the test's network namespace.
constexpr char kNetworkHost[] = "192.0.2.1";

QStringList qargs(const std::vector<std::string> &args)
{
    QStringList list;
    for (const auto &a : args)
        list.push_back(QString::fromStdString(a));
    return list;
}

/// The port of an agent's "HOST:PORT" address.
std::string portOf(const std::string &address)
{
    return address.substr(address.rfind(':') + 1);
}

std::unique_ptr<v1::Agent::Stub> agentAt(const std::string &address)
{
    return v1::Agent::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
}

std::unique_ptr<grpc::ClientContext> withDeadline(const std::string &token = {})
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    if (!token.empty())
        context->AddMetadata("authorization", "Bearer " + token);
    return context;
}

/// Asks the agent at `address` to probe the link to `target`, as a workbench would.
grpc::Status probe(const std::string &address, const std::string &target,
                   const std::string &token = {})
{
    v1::ProbeLinkRequest request;
    request.set_target(target);
    request.add_payload_bytes(1024);
    request.add_payload_bytes(4096);
    request.set_reps(1);
    v1::ProbeLinkReply reply;
    return agentAt(address)->ProbeLink(withDeadline(token).get(), request, &reply);
}

/// Asks the agent at `address` to offload a deployment it does not have towards `edge`: past
/// the permission check, the agent answers NOT_FOUND.
grpc::Status offloadTowards(const std::string &address, const std::string &edge)
{
    v1::OffloadRequest request;
    request.set_deployment("nothing-deployed");
    request.set_edge_address(edge);
    auto context = withDeadline();
    auto reader = agentAt(address)->Offload(context.get(), request);
    v1::OffloadEvent event;
    while (reader->Read(&event)) {
    }
    return reader->Finish();
}

/// The first line an agent writes on stdout (its start-up line), or empty when it exits first.
QString firstLine(QProcess &agent)
{
    while (!agent.canReadLine())
        if (!agent.waitForReadyRead(60000))
            return {};
    return QString::fromUtf8(agent.readLine()).trimmed();
}

/// The command line of a running process, NUL separators made spaces.
QByteArray commandLineOf(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto text = file.readAll();
    text.replace('\0', ' ');
    return text;
}

/// The value after `option` on a running process's command line.
QString optionOf(pid_t pid, const QByteArray &option)
{
    const auto words = commandLineOf(pid).split(' ');
    const auto at = words.indexOf(option);
    return at >= 0 && at + 1 < words.size() ? QString::fromUtf8(words[at + 1]) : QString();
}

} // namespace

class TestExposure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("CLEAVE_AGENT", CLEAVE_AGENT);
        m_token = testing::writeTokenFile(m_dir, QStringLiteral("agent.token"), "s3cret-t0ken");
        QVERIFY(!m_token.isEmpty());
        const auto server = m_pki.issue("agent");
        m_serverTls = {"--tls-cert", server.first, "--tls-key", server.second};
    }

    void refusesNetworkAddressesWithoutCredentials_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("reachable");
        QTest::newRow("every IPv4 interface")
            << QStringLiteral("0.0.0.0:0") << QStringList{} << QStringLiteral("every interface");
        QTest::newRow("every IPv6 interface")
            << QStringLiteral("[::]:0") << QStringList{} << QStringLiteral("every interface");
        QTest::newRow("an address")
            << QStringLiteral("192.0.2.1:0") << QStringList{} << QStringLiteral("192.0.2.1");
        QTest::newRow("a name for one")
            << QStringLiteral("factory-box:0") << QStringList{} << QStringLiteral("192.0.2.1");
        // TLS without client certificates hides the traffic but lets anyone in.
        QTest::newRow("TLS alone")
            << QStringLiteral("192.0.2.1:0") << qargs(m_serverTls) << QStringLiteral("192.0.2.1");
    }
    void refusesNetworkAddressesWithoutCredentials()
    {
        QFETCH(QString, listen);
        QFETCH(QStringList, extra);
        QFETCH(QString, reachable);
        QProcess agent;
        agent.start(QStringLiteral(CLEAVE_AGENT),
                    QStringList{QStringLiteral("--listen"), listen} + extra);
        QVERIFY(agent.waitForFinished(60000));
        QCOMPARE(agent.exitCode(), 2);
        QVERIFY(agent.readAllStandardOutput().isEmpty());
        const auto errors = QString::fromUtf8(agent.readAllStandardError());
        QCOMPARE(errors.count(QLatin1Char('\n')), 1);
        for (const auto &needed :
             {QStringLiteral("error: --listen ") + listen, QStringLiteral("(") + reachable + u')',
              QStringLiteral("head -c 32 /dev/urandom"), QStringLiteral("--token-file"),
              QStringLiteral("--tls-ca"), QStringLiteral("--allow-unauthenticated")})
            QVERIFY2(errors.contains(needed), qPrintable(errors));
    }

    void startsWhereCallersAreKnown_data()
    {
        QTest::addColumn<QStringList>("args");
        const auto listening = [](const char *address) {
            return QStringList{QStringLiteral("--listen"), QString::fromLatin1(address)};
        };
        QTest::newRow("loopback") << listening("127.0.0.1:0");
        QTest::newRow("another loopback address") << listening("127.7.7.7:0");
        QTest::newRow("localhost") << listening("localhost:0");
        QTest::newRow("IPv6 loopback") << listening("[::1]:0");
        QTest::newRow("network with a token")
            << listening("192.0.2.1:0") + QStringList{QStringLiteral("--token-file"), m_token};
        QTest::newRow("network with client certificates")
            << listening("factory-box:0") + qargs(m_serverTls) +
                   QStringList{QStringLiteral("--tls-ca"), QString::fromStdString(m_pki.ca())};
    }
    void startsWhereCallersAreKnown()
    {
        QFETCH(QStringList, args);
        QProcess agent;
        agent.start(QStringLiteral(CLEAVE_AGENT), args);
        const auto line = firstLine(agent);
        QVERIFY2(line.contains(QStringLiteral("listening on")), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("UNAUTHENTICATED")), qPrintable(line));
        agent.terminate();
        QVERIFY(agent.waitForFinished(10000));
        QVERIFY2(!agent.readAllStandardError().contains("warning"), "a warning at start-up");
    }

    // --allow-unauthenticated: the agent starts, says so on its start-up line and on stderr,
    // and GetInfo tells every client.
    void servesAnyoneWhenAllowedAndSaysSo()
    {
        QProcess agent;
        agent.start(QStringLiteral(CLEAVE_AGENT),
                    {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                     QStringLiteral("--allow-unauthenticated")});
        const auto line = firstLine(agent);
        QVERIFY2(line.contains(QStringLiteral("UNAUTHENTICATED: open to anyone")),
                 qPrintable(line));
        const auto address = line.section(QStringLiteral("listening on "), 1).toStdString();
        remote::AgentClient fromNetwork(std::string(kNetworkHost) + ':' + portOf(address));
        QVERIFY(fromNetwork.info().unauthenticated());
        agent.terminate();
        QVERIFY(agent.waitForFinished(10000));
        const auto errors = QString::fromUtf8(agent.readAllStandardError());
        QVERIFY2(errors.startsWith(QStringLiteral("warning: 0.0.0.0:") +
                                   QString::fromStdString(portOf(address)) +
                                   QStringLiteral(" is open to anyone who reaches it")),
                 qPrintable(errors));

        // An agent on loopback is not open, and says so too.
        remote::AgentProcess loopback("loopback", "edge", 1);
        QVERIFY(!remote::AgentClient(loopback.address()).info().unauthenticated());
    }

    // An open agent connects to other agents (Offload, ProbeLink) only for callers on its own
    // loopback: the same agent, reached over the network, refuses. With a token it serves the
    // network caller that has it.
    void openAgentIsNoRelay()
    {
        remote::AgentProcess edge("edge", "edge", 1);
        remote::AgentProcess open("open-device", "device", 1,
                                  {"--listen", "0.0.0.0:0", "--allow-unauthenticated"});
        const auto port = portOf(open.address());
        const auto overNetwork = std::string(kNetworkHost) + ':' + port;
        const auto overLoopback = "127.0.0.1:" + port;

        auto refused = probe(overNetwork, edge.address());
        QCOMPARE(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        QVERIFY2(refused.error_message().find("--allow-unauthenticated") != std::string::npos &&
                     refused.error_message().find(kNetworkHost) != std::string::npos,
                 refused.error_message().c_str());
        refused = offloadTowards(overNetwork, edge.address());
        QCOMPARE(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        QVERIFY2(refused.error_message().find(edge.address()) != std::string::npos,
                 refused.error_message().c_str());

        const auto probed = probe(overLoopback, edge.address());
        QVERIFY2(probed.ok(), probed.error_message().c_str());
        QCOMPARE(offloadTowards(overLoopback, edge.address()).error_code(),
                 grpc::StatusCode::NOT_FOUND);
        // Calls that reach no other agent stay open to the network caller.
        QVERIFY(remote::AgentClient(overNetwork).info().unauthenticated());

        remote::AgentProcess secured(
            "secured-device", "device", 1,
            {"--listen", std::string(kNetworkHost) + ":0", "--token-file", m_token.toStdString()});
        const auto allowed = probe(secured.address(), edge.address(), "s3cret-t0ken");
        QVERIFY2(allowed.ok(), allowed.error_message().c_str());
    }

    // The agents panel marks an open agent with a warning; others it does not.
    void agentsPanelWarnsOfAnOpenAgent()
    {
        remote::AgentProcess open("open-edge", "edge", 1,
                                  {"--listen", "0.0.0.0:0", "--allow-unauthenticated"});
        remote::AgentProcess closed("closed-cloud", "cloud", 1); // listed as what it is
        gui::AgentsPanel panel;
        QSignalSpy answered(&panel, &gui::AgentsPanel::agentAnswered);
        QVERIFY(panel.addAgent(
            QStringLiteral("%1:%2").arg(QLatin1String(kNetworkHost),
                                        QString::fromStdString(portOf(open.address()))),
            QStringLiteral("edge")));
        QVERIFY(panel.addAgent(QString::fromStdString(closed.address()), QStringLiteral("cloud")));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 15000);
        const auto *model = panel.model();
        const auto state = model->index(0, gui::AgentTableModel::State);
        QCOMPARE(model->reach(0), gui::AgentTableModel::Reach::Online);
        QVERIFY(model->isOpen(0));
        QCOMPARE(model->data(state).toString(), QStringLiteral("online, open to anyone"));
        QVERIFY(!model->data(state, Qt::DecorationRole).isNull());
        QVERIFY(model->data(state, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("--allow-unauthenticated")));
        const auto closedState = model->index(1, gui::AgentTableModel::State);
        QCOMPARE(model->reach(1), gui::AgentTableModel::Reach::Online);
        QVERIFY(!model->isOpen(1));
        QCOMPARE(model->data(closedState).toString(), QStringLiteral("online"));
        QVERIFY(model->data(closedState, Qt::DecorationRole).isNull());
    }

    // The local agents require a token made for them: never on a command line, its file gone
    // once they listen, a new one each time; a client without it is refused.
    void localAgentsTakeAFreshToken()
    {
        remote::LocalAgents local;
        const auto token = local.access().token;
        QCOMPARE(token.size(), size_t(64));
        for (const auto *agent : {&local.device(), &local.edge()}) {
            const auto commandLine = commandLineOf(agent->pid());
            QVERIFY(commandLine.contains("--token-file"));
            QVERIFY(!commandLine.contains(QByteArray::fromStdString(token)));
            const auto file = optionOf(agent->pid(), "--token-file");
            QVERIFY2(!QFile::exists(file), qPrintable(file));
            QVERIFY(
                !std::filesystem::exists(std::filesystem::path(file.toStdString()).parent_path()));
            const auto refused = errorOf([&] { remote::AgentClient(agent->address()).info(); });
            QVERIFY2(refused.contains(QStringLiteral("requires a token")), qPrintable(refused));
            QCOMPARE(errorOf([&] {
                         remote::AgentClient(agent->address(), std::chrono::seconds(5),
                                             local.access())
                             .info();
                     }),
                     QStringLiteral("no error"));
        }
        remote::LocalAgents again;
        QVERIFY(again.access().token != token);
    }

    // A token file the user gives for the local agents must be theirs alone: refused before any
    // agent starts, by the library and by the command line.
    void localAgentsRefuseATokenFileOthersMayRead()
    {
        const auto shared = testing::writeTokenFile(m_dir, QStringLiteral("shared.token"),
                                                    "shared-t0ken", /*othersMayRead=*/true);
        QVERIFY(!shared.isEmpty());
        const auto error = errorOf([&] { remote::LocalAgents local(shared.toStdString()); });
        QVERIFY2(error.startsWith(QStringLiteral("--token-file ") + shared +
                                  QStringLiteral(": others may read it (permissions 0644)")),
                 qPrintable(error));

        const auto db = m_dir.filePath(QStringLiteral("refused.cleave"));
        const auto result = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            {QStringLiteral("bench"), QStringLiteral("zoo:inspectnet"), QStringLiteral("--local"),
             QStringLiteral("--token-file"), shared, QStringLiteral("--db"), db});
        QString why;
        QVERIFY2(testing::failsWithOneLine(result,
                                           QStringLiteral("--token-file ") + shared +
                                               QStringLiteral(": others may read it"),
                                           &why),
                 qPrintable(why));

        // The same file kept private serves: the local agents take its token.
        QVERIFY(QFile::setPermissions(shared, QFile::ReadOwner | QFile::WriteOwner));
        remote::LocalAgents local(shared.toStdString());
        QCOMPARE(local.access().tokenFile, shared.toStdString());
        QCOMPARE(errorOf([&] {
                     remote::AgentClient(local.edge().address(), std::chrono::seconds(5),
                                         local.access())
                         .info();
                 }),
                 QStringLiteral("no error"));
    }

private:
    QTemporaryDir m_dir;
    QString m_token;
    testing::Pki m_pki;
    std::vector<std::string> m_serverTls;
};

CLEAVE_TEST_MAIN(TestExposure)
#include "tst_exposure.moc"
