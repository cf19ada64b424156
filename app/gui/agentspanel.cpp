// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/agentspanel.h"

#include "app/gui/background.h"
#include "app/gui/keychain.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace cleave::gui {

namespace {

// How long an agent has to answer GetInfo before the panel calls it unreachable.
constexpr int kAskTimeoutMs = 3000;

const QStringList kRoles{QStringLiteral("device"), QStringLiteral("edge"), QStringLiteral("cloud")};

} // namespace

AgentTableModel::AgentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AgentTableModel::setAgents(const QList<AgentEntry> &agents)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &a : agents)
        m_rows.push_back({a, Reach::Unknown, {}});
    endResetModel();
}

QList<AgentEntry> AgentTableModel::agents() const
{
    QList<AgentEntry> list;
    for (const auto &r : m_rows)
        list.push_back(r.agent);
    return list;
}

void AgentTableModel::add(const AgentEntry &agent)
{
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.push_back({agent, Reach::Unknown, {}});
    endInsertRows();
}

void AgentTableModel::remove(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

int AgentTableModel::rowOf(const QString &address) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].agent.address == address)
            return row;
    return -1;
}

void AgentTableModel::setReach(const QString &address, Reach reach, const QString &detail,
                               bool open, const QString &ownRole)
{
    const int row = rowOf(address);
    if (row < 0)
        return; // removed while it was being asked
    m_rows[row].reach = reach;
    m_rows[row].detail = detail;
    m_rows[row].open = open;
    m_rows[row].ownRole = ownRole;
    Q_EMIT dataChanged(index(row, State), index(row, Machine));
}

bool AgentTableModel::roleDiffers(int row) const
{
    const auto &r = m_rows.at(row);
    return r.reach == Reach::Online && !r.ownRole.isEmpty() && r.ownRole != r.agent.role;
}

int AgentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows[index.row()];
    const bool roleWarning = roleDiffers(index.row()) && index.column() == State;
    if (role == Qt::ToolTipRole && roleWarning)
        return tr("This agent was started with the role %1 and is listed here as %2: its timings "
                  "are stored as the %2's. Change the role here, or start the agent with "
                  "--role %2.")
            .arg(row.ownRole, row.agent.role);
    const bool openWarning = row.open && index.column() == State;
    if (role == Qt::ToolTipRole && openWarning)
        return tr("This agent serves anyone who can reach it: it has no token and no client "
                  "certificates (started with --allow-unauthenticated). Anyone on its network "
                  "may upload models to it and use it.");
    if (role == Qt::ToolTipRole && index.column() >= State)
        return row.detail;
    if (role == Qt::DecorationRole && (openWarning || roleWarning))
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Role:
        return row.agent.role;
    case Address:
        return row.agent.address;
    case State:
        switch (row.reach) {
        case Reach::Unknown:
            return tr("not asked");
        case Reach::Asking:
            return tr("asking...");
        case Reach::Online:
            if (roleDiffers(index.row()))
                return tr("online, but started as %1").arg(row.ownRole);
            return row.open ? tr("online, open to anyone") : tr("online");
        case Reach::Unreachable:
            return tr("unreachable");
        }
        return {};
    case Machine:
        return row.detail;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AgentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Role:
        return tr("Role");
    case Address:
        return tr("Address");
    case State:
        return tr("State");
    case Machine:
        return tr("Machine");
    case ColumnCount:
        break;
    }
    return {};
}

AgentsPanel::AgentsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_model = new AgentTableModel(this);
    m_local = new QCheckBox(tr("Use local agents"), this);
    m_local->setToolTip(tr("A device and an edge agent on this machine, started for each job"));
    m_local->setChecked(true);
    // The local device may emulate a slower machine: the kernel throttles it (control groups).
    m_deviceCpu = new QDoubleSpinBox(this);
    m_deviceCpu->setRange(0, double(QThread::idealThreadCount()));
    m_deviceCpu->setSingleStep(0.05);
    m_deviceCpu->setDecimals(2);
    m_deviceCpu->setSpecialValueText(tr("any CPU"));
    m_deviceCpu->setSuffix(tr(" cores"));
    m_deviceMemory = new QSpinBox(this);
    m_deviceMemory->setRange(0, 64 << 10);
    m_deviceMemory->setSingleStep(256);
    m_deviceMemory->setSpecialValueText(tr("any memory"));
    m_deviceMemory->setSuffix(tr(" MiB"));
    for (QWidget *box :
         {static_cast<QWidget *>(m_deviceCpu), static_cast<QWidget *>(m_deviceMemory)})
        box->setToolTip(tr("Limits the local device agent with the kernel's control groups "
                           "(needs root), so that it behaves like a slower device; its timings "
                           "are stored as a resource of their own"));
    QSettings settings;
    m_deviceCpu->setValue(settings.value(QStringLiteral("agents/deviceCpu"), 0.0).toDouble());
    m_deviceMemory->setValue(settings.value(QStringLiteral("agents/deviceMemoryMib"), 0).toInt());
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(tr("HOST:PORT"));
    m_role = new QComboBox(this);
    m_role->addItems(kRoles);
    m_token = new QLineEdit(this);
    m_token->setPlaceholderText(tr("none"));
    m_token->setToolTip(tr("The file that holds the agent's token (kept with permissions 0600), "
                           "or %1 for the system keychain; the project stores only this")
                            .arg(keychain::kTokenInKeychain));
    m_keychain = new QPushButton(tr("Keychain..."), this);
    m_keychain->setToolTip(tr("Keep the agent's token in the system keychain instead of a file"));
    m_tlsCa = new QLineEdit(this);
    m_tlsCa->setPlaceholderText(tr("none: plain connection"));
    m_tlsCa->setToolTip(tr("The PEM file of the CA that signs the agent's certificate: the "
                           "connection uses TLS (as does an https:// address)"));
    // For agents started with --tls-ca, which require a certificate of their clients.
    m_tlsCert = new QLineEdit(this);
    m_tlsCert->setPlaceholderText(tr("none"));
    m_tlsCert->setToolTip(tr("The PEM file of this workbench's certificate, for an agent that "
                             "requires client certificates"));
    m_tlsKey = new QLineEdit(this);
    m_tlsKey->setPlaceholderText(tr("none"));
    m_tlsKey->setToolTip(tr("The PEM file of the client certificate's private key"));
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *askButton = new QPushButton(tr("Ask All"), this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *fields = new QFormLayout;
    fields->addRow(tr("Address"), m_address);
    fields->addRow(tr("Role"), m_role);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_keychain);
    fields->addRow(tr("Token file"), tokenRow);
    fields->addRow(tr("TLS CA certificate"), m_tlsCa);
    fields->addRow(tr("Client certificate"), m_tlsCert);
    fields->addRow(tr("Client key"), m_tlsKey);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(askButton);
    // The label above its two boxes: the dock stays narrow.
    auto *emulated = new QGridLayout;
    emulated->addWidget(new QLabel(tr("Emulated device:"), this), 0, 0, 1, 2);
    emulated->addWidget(m_deviceCpu, 1, 0);
    emulated->addWidget(m_deviceMemory, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addLayout(emulated);
    layout->addWidget(m_table, 1);
    layout->addLayout(fields);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(add, &QPushButton::clicked, this, &AgentsPanel::addFromFields);
    connect(m_address, &QLineEdit::returnPressed, this, &AgentsPanel::addFromFields);
    connect(remove, &QPushButton::clicked, this, &AgentsPanel::removeSelected);
    connect(m_keychain, &QPushButton::clicked, this, &AgentsPanel::askForToken);
    connect(askButton, &QPushButton::clicked, this, &AgentsPanel::askAll);
    connect(m_local, &QCheckBox::toggled, this, [this](bool local) {
        m_deviceCpu->setEnabled(local);
        m_deviceMemory->setEnabled(local);
        Q_EMIT summaryChanged(summary());
    });
    connect(m_deviceCpu, &QDoubleSpinBox::valueChanged, this, [this](double cores) {
        QSettings().setValue(QStringLiteral("agents/deviceCpu"), cores);
        Q_EMIT summaryChanged(summary());
    });
    connect(m_deviceMemory, &QSpinBox::valueChanged, this, [this](int mib) {
        QSettings().setValue(QStringLiteral("agents/deviceMemoryMib"), mib);
        Q_EMIT summaryChanged(summary());
    });
}

ResourceLimits AgentsPanel::localDeviceLimits() const
{
    ResourceLimits limits;
    if (!useLocalAgents())
        return limits;
    if (m_deviceCpu->value() > 0)
        limits.cpuCores = m_deviceCpu->value();
    if (m_deviceMemory->value() > 0)
        limits.memoryBytes = int64_t(m_deviceMemory->value()) << 20;
    return limits;
}

void AgentsPanel::setAgents(const QList<AgentEntry> &agents)
{
    m_model->setAgents(agents);
    // The embedded default when the project names no agents, as `make run` starts.
    m_local->setChecked(agents.isEmpty());
    showMessage({});
    askAll();
}

QList<AgentEntry> AgentsPanel::jobAgents() const
{
    return useLocalAgents() ? QList<AgentEntry>{} : agents();
}

bool AgentsPanel::useLocalAgents() const
{
    return m_local->isChecked() || m_model->rowCount() == 0;
}

QString AgentsPanel::summary() const
{
    if (useLocalAgents()) {
        const auto limits = localDeviceLimits();
        return limits.any() ? tr("agents: local, the device emulated (%1)")
                                  .arg(QString::fromStdString(limits.describe()))
                            : tr("agents: local (started for each job)");
    }
    int online = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        online += m_model->reach(row) == AgentTableModel::Reach::Online;
    return tr("agents: %1 of %2 answer").arg(online).arg(m_model->rowCount());
}

bool AgentsPanel::addAgent(const QString &address, const QString &role, const QString &tokenFile,
                           const QString &tlsCa, const QString &tlsCert, const QString &tlsKey)
{
    const auto trimmed = address.trimmed();
    if (const auto problem = checkAgentAddress(trimmed); !problem.isEmpty()) {
        showMessage(tr("Agent address %1").arg(problem));
        return false;
    }
    if (!kRoles.contains(role)) {
        showMessage(tr("Agent role '%1' is not device, edge or cloud").arg(role));
        return false;
    }
    if (m_model->rowOf(trimmed) >= 0) {
        showMessage(tr("Agent %1 is already in the list").arg(trimmed));
        return false;
    }
    if (tlsCert.trimmed().isEmpty() != tlsKey.trimmed().isEmpty()) {
        showMessage(tr("Agent %1: give the client certificate and its key together").arg(trimmed));
        return false;
    }
    m_model->add({trimmed, role, tokenFile, tlsCa, tlsCert.trimmed(), tlsKey.trimmed()});
    m_local->setChecked(false);
    showMessage({});
    Q_EMIT agentsEdited(agents());
    ask(trimmed);
    return true;
}

void AgentsPanel::addFromFields()
{
    // The local pair measures until agents are added: ask which the user means to use.
    bool keepLocal = false;
    if (m_local->isChecked() && !m_address->text().trimmed().isEmpty()) {
        QMessageBox question(QMessageBox::Question, tr("Agents"),
                             tr("Measure on the agents you add from now on, or keep measuring "
                                "on the local agents?"),
                             QMessageBox::NoButton, this);
        auto *added = question.addButton(tr("Use Added Agents"), QMessageBox::AcceptRole);
        question.addButton(tr("Keep Local Agents"), QMessageBox::RejectRole);
        question.setDefaultButton(added);
        question.exec();
        keepLocal = question.clickedButton() != added;
    }
    if (addAgent(m_address->text(), m_role->currentText(), m_token->text(), m_tlsCa->text(),
                 m_tlsCert->text(), m_tlsKey->text())) {
        m_address->clear();
        if (keepLocal)
            m_local->setChecked(true);
    }
}

void AgentsPanel::askForToken()
{
    const auto address = m_address->text().trimmed();
    if (const auto problem = checkAgentAddress(address); !problem.isEmpty()) {
        showMessage(tr("Agent address %1").arg(problem));
        return;
    }
    bool ok = false;
    const auto token = QInputDialog::getText(this, tr("Agent Token"),
                                             tr("The token agent %1 requires:").arg(address),
                                             QLineEdit::Password, {}, &ok);
    if (ok && !token.trimmed().isEmpty())
        storeTokenInKeychain(address, token);
}

void AgentsPanel::storeTokenInKeychain(const QString &address, const QString &token)
{
    m_keychain->setEnabled(false);
    const auto finished = [this, address](const QString &problem) {
        m_keychain->setEnabled(true);
        if (problem.isEmpty()) {
            m_token->setText(keychain::kTokenInKeychain);
            showMessage(tr("The token of %1 is in the system keychain").arg(address));
        } else {
            showMessage(tr("No system keychain here (%1): keep the token in a file only you may "
                           "read (chmod 600) and give its path")
                            .arg(problem));
        }
        Q_EMIT tokenStored(address, problem);
    };
    runInBackground<QString>(
        this, [address, token] { return keychain::storeToken(address, token); }, finished,
        finished);
}

void AgentsPanel::removeSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    m_model->remove(rows.first().row());
    Q_EMIT agentsEdited(agents());
    Q_EMIT summaryChanged(summary());
}

void AgentsPanel::askAll()
{
    for (const auto &a : m_model->agents())
        ask(a.address);
    Q_EMIT summaryChanged(summary());
}

void AgentsPanel::ask(const QString &address)
{
    const int row = m_model->rowOf(address);
    const auto agent = row >= 0 ? m_model->agents().at(row) : AgentEntry{address, {}, {}, {}};
    m_model->setReach(address, AgentTableModel::Reach::Asking, {});
    runInBackground<AgentAnswer>(
        this, [agent] { return askAgent(agent, kAskTimeoutMs); },
        [this, address](const AgentAnswer &answer) {
            m_model->setReach(address, AgentTableModel::Reach::Online, answer.description,
                              answer.unauthenticated, answer.role);
            Q_EMIT summaryChanged(summary());
            Q_EMIT agentAnswered(address);
        },
        [this, address](const QString &reason) {
            m_model->setReach(address, AgentTableModel::Reach::Unreachable, reason);
            Q_EMIT summaryChanged(summary());
            Q_EMIT agentAnswered(address);
        });
}

void AgentsPanel::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace cleave::gui
