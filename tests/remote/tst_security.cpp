// SPDX-License-Identifier: GPL-3.0-or-later
// Agents on untrusted networks: TLS with certificates from a CA each test makes and throws away,
// client certificates, and the limits that stop one client from taking an agent over. Real
// cleave-agent processes on 127.0.0.1, the real clients and CLI.
#include "clirunner.h"
#include "pki.h"
#include "testmain.h"

#include "inference/grpc_service.grpc.pb.h"
#include "remote/client/agentclient.h"
#include "remote/client/localagents.h"

#include <grpcpp/grpcpp.h>

#include <QJsonDocument>
#include <QTemporaryDir>

#include <thread>

using namespace cleave;
namespace v1 = cleave::agent::v1;

namespace {

using testing::errorOf;
using testing::Pki;
const QString kNoError = QStringLiteral("no error"); ///< what errorOf says of a call that worked

std::unique_ptr<grpc::ClientContext> withDeadline(int seconds = 30)
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
    return context;
}

std::vector<std::string> serverTls(const std::pair<std::string, std::string> &files)
{
    return {"--tls-cert", files.first, "--tls-key", files.second};
}

remote::AgentAccess trusting(const Pki &pki)
{
    remote::AgentAccess access;
    access.tlsCaFile = pki.ca();
    return access;
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // An agent with a certificate answers https:// clients that trust its CA; plain clients
    // and clients that trust another CA are turned away.
    void agentServesTls()
    {
        Pki pki, stranger("Some other CA");
        remote::AgentProcess agent("tls-edge", "edge", 1, serverTls(pki.issue("edge")));
        const auto https = "https://" + agent.address();

        remote::AgentClient client(https, std::chrono::seconds(10), trusting(pki));
        QCOMPARE(client.info().name(), std::string("tls-edge"));

        remote::AgentClient plain(agent.address(), std::chrono::seconds(3));
        QVERIFY(errorOf([&] { plain.info(); }) != kNoError);
        remote::AgentClient fooled(https, std::chrono::seconds(3), trusting(stranger));
        const auto message = errorOf([&] { fooled.info(); });
        QVERIFY2(message.contains(QString::fromStdString(https)), qPrintable(message));
    }

    // --tls-ca on the agent: only clients with a certificate its CA signed get in.
    void agentRequiresClientCertificates()
    {
        Pki pki, stranger("Some other CA");
        auto args = serverTls(pki.issue("edge"));
        args.insert(args.end(), {"--tls-ca", pki.ca()});
        remote::AgentProcess agent("mtls-edge", "edge", 1, args);
        const auto https = "https://" + agent.address();

        remote::AgentClient anonymous(https, std::chrono::seconds(3), trusting(pki));
        QVERIFY(errorOf([&] { anonymous.info(); }) != kNoError);

        auto access = trusting(pki);
        std::tie(access.tlsCertFile, access.tlsKeyFile) = stranger.issue("intruder");
        remote::AgentClient intruder(https, std::chrono::seconds(3), access);
        QVERIFY(errorOf([&] { intruder.info(); }) != kNoError);

        std::tie(access.tlsCertFile, access.tlsKeyFile) = pki.issue("workbench");
        remote::AgentClient member(https, std::chrono::seconds(10), access);
        QCOMPARE(member.info().name(), std::string("mtls-edge"));
    }

    // A split offloaded end to end over TLS: the CLI reaches both agents with its client
    // certificate; the device reaches the edge's inference endpoint with its own certificate,
    // trusting the CA the CLI passed on.
    void offloadsOverTlsBothWays()
    {
        Pki pki;
        auto deviceArgs = serverTls(pki.issue("device"));
        auto edgeArgs = serverTls(pki.issue("edge"));
        for (auto *args : {&deviceArgs, &edgeArgs})
            args->insert(args->end(), {"--tls-ca", pki.ca()});
        remote::AgentProcess device("tls-device", "device", 1, deviceArgs);
        remote::AgentProcess edge("tls-edge", "edge", 1, edgeArgs);
        const auto client = pki.issue("cli");

        const auto r = testing::runCli(
            QStringLiteral(CLEAVE_CLI),
            {QStringLiteral("offload"), testing::fixture("chain.pt"), QStringLiteral("--split"),
             QStringLiteral("1"), QStringLiteral("--device"),
             QString::fromStdString("https://" + device.address()), QStringLiteral("--edge"),
             QString::fromStdString("https://" + edge.address()), QStringLiteral("--runs"),
             QStringLiteral("2"), QStringLiteral("--tls-ca"), QString::fromStdString(pki.ca()),
             QStringLiteral("--tls-cert"), QString::fromStdString(client.first),
             QStringLiteral("--tls-key"), QString::fromStdString(client.second),
             QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out)[QStringLiteral("splits")][0][QStringLiteral("runs")]
                     .toInt(),
                 2);
    }

    void badTlsSettingsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("cert without key")
            << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("CERT")}
            << QStringLiteral("--tls-cert requires --tls-key");
        QTest::newRow("missing cert")
            << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/nonexistent/edge.pem"),
                           QStringLiteral("--tls-key"), QStringLiteral("KEY")}
            << QStringLiteral("--tls-cert /nonexistent/edge.pem: cannot read the file");
        QTest::newRow("not pem") << QStringList{QStringLiteral("--tls-cert"),
                                                QStringLiteral("NOTPEM"),
                                                QStringLiteral("--tls-key"), QStringLiteral("KEY")}
                                 << QStringLiteral(": not a PEM file");
        QTest::newRow("key of another certificate")
            << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("CERT"),
                           QStringLiteral("--tls-key"), QStringLiteral("OTHERKEY")}
            << QStringLiteral(": not the key of --tls-cert");
        QTest::newRow("ca without cert")
            << QStringList{QStringLiteral("--tls-ca"), QStringLiteral("CA")}
            << QStringLiteral("--tls-ca requires --tls-cert");
        QTest::newRow("zero streams")
            << QStringList{QStringLiteral("--max-streams"), QStringLiteral("0")}
            << QStringLiteral("--max-streams");
        QTest::newRow("negative rate")
            << QStringList{QStringLiteral("--max-calls-per-s"), QStringLiteral("-1")}
            << QStringLiteral("--max-calls-per-s");
    }

    // Bad TLS files and limits stop the agent at once with one line naming the option.
    void badTlsSettingsAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        Pki pki;
        const auto edge = pki.issue("edge");
        const auto other = pki.issue("other");
        const auto notPem = pki.path("notpem.txt");
        testing::writeTextFile(notPem, "hello\n");
        for (auto &arg : args) {
            if (arg == QLatin1String("CERT"))
                arg = QString::fromStdString(edge.first);
            else if (arg == QLatin1String("KEY"))
                arg = QString::fromStdString(edge.second);
            else if (arg == QLatin1String("OTHERKEY"))
                arg = QString::fromStdString(other.second);
            else if (arg == QLatin1String("CA"))
                arg = QString::fromStdString(pki.ca());
            else if (arg == QLatin1String("NOTPEM"))
                arg = QString::fromStdString(notPem);
        }
        args.prepend(QStringLiteral("127.0.0.1:0"));
        args.prepend(QStringLiteral("--listen"));
        const auto r = testing::runCli(QStringLiteral(CLEAVE_AGENT), args, 60000);
        QString why;
        QVERIFY2(testing::failsWithOneLine(r, message, &why), qPrintable(why));
    }

    // A client that calls too often is told which limit it hit; other limits hold as well.
    void rateLimitNamesItself()
    {
        remote::AgentProcess agent("limited", "edge", 1, {"--max-calls-per-s", "5"});
        remote::AgentClient client(agent.address());
        int refused = 0;
        QString message;
        for (int i = 0; i < 20; ++i) {
            const auto why = errorOf([&] { client.info(); });
            if (why != kNoError) {
                ++refused;
                message = why;
            }
        }
        QVERIFY2(refused >= 10, qPrintable(QString::number(refused)));
        QVERIFY2(message.contains(QStringLiteral("--max-calls-per-s")), qPrintable(message));
        // The bucket refills: a second later calls go through again.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        QCOMPARE(client.info().name(), std::string("limited"));
    }

    // With --max-streams 1, a call in progress (an upload left open) turns the next away; when
    // it ends, the next goes through.
    void streamLimitNamesItself()
    {
        remote::AgentProcess agent("one-stream", "edge", 1, {"--max-streams", "1"});
        const auto channel =
            grpc::CreateChannel(agent.address(), grpc::InsecureChannelCredentials());
        auto stub = v1::Agent::NewStub(channel);
        auto upload = withDeadline();
        v1::LoadModelReply loaded;
        auto writer = stub->LoadModel(upload.get(), &loaded);
        v1::LoadModelChunk chunk;
        chunk.mutable_header()->set_name("held-open.pt");
        chunk.mutable_header()->set_total_bytes(1 << 20);
        QVERIFY(writer->Write(chunk));
        chunk.set_data(std::string(1024, 'x'));
        QVERIFY(writer->Write(chunk));

        grpc::Status status;
        v1::AgentInfo info;
        // The upload reaches the agent a moment after Write returns.
        for (int i = 0; i < 50; ++i) {
            status = stub->GetInfo(withDeadline().get(), {}, &info);
            if (!status.ok())
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        QCOMPARE(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
        QVERIFY2(status.error_message().find("--max-streams") != std::string::npos,
                 status.error_message().c_str());
        upload->TryCancel();
        writer->Finish();
        QTRY_VERIFY_WITH_TIMEOUT(stub->GetInfo(withDeadline().get(), {}, &info).ok(), 10000);
    }

    // A call may not outlast --max-call-s, whatever its client's deadline.
    void callTimeLimitNamesItself()
    {
        remote::AgentProcess agent("short-calls", "edge", 1, {"--max-call-s", "1"});
        auto stub = v1::Agent::NewStub(
            grpc::CreateChannel(agent.address(), grpc::InsecureChannelCredentials()));
        auto upload = withDeadline();
        v1::LoadModelReply loaded;
        auto writer = stub->LoadModel(upload.get(), &loaded);
        v1::LoadModelChunk chunk;
        chunk.mutable_header()->set_name("slow.pt");
        chunk.mutable_header()->set_total_bytes(1 << 20);
        writer->Write(chunk);
        chunk.set_data(std::string(1024, 'x'));
        // A client trickling its upload: one chunk every 300 ms.
        for (int i = 0; i < 20 && writer->Write(chunk); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
        writer->WritesDone();
        const auto status = writer->Finish();
        QCOMPARE(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
        QVERIFY2(status.error_message().find("--max-call-s 1") != std::string::npos,
                 status.error_message().c_str());
    }

    // A message over --max-message-mib is refused before the agent reads it, with both sizes.
    void messageLimitNamesItself()
    {
        remote::AgentProcess agent("small-messages", "edge", 1, {"--max-message-mib", "1"});
        auto stub = ::inference::GRPCInferenceService::NewStub(
            grpc::CreateChannel(agent.address(), grpc::InsecureChannelCredentials()));
        ::inference::ModelInferRequest request;
        request.set_model_name("anything");
        request.add_raw_input_contents(std::string(2 << 20, '\0'));
        ::inference::ModelInferResponse answer;
        const auto status = stub->ModelInfer(withDeadline().get(), request, &answer);
        QCOMPARE(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
        QVERIFY2(status.error_message().find("1048576") != std::string::npos,
                 status.error_message().c_str());
    }
};

CLEAVE_TEST_MAIN(TestSecurity)
#include "tst_security.moc"
