// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/projectwork.h"
#include "core/resourcelimits.h"

#include <QAbstractTableModel>
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cleave::gui {

/// The project's agents and what each said when last asked.
class AgentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Role, Address, State, Machine, ColumnCount };
    enum class Reach { Unknown, Asking, Online, Unreachable };

    explicit AgentTableModel(QObject *parent = nullptr);

    void setAgents(const QList<AgentEntry> &agents);
    QList<AgentEntry> agents() const;
    void add(const AgentEntry &agent);
    void remove(int row);
    /// Records what asking the agent at `address` gave: its one-line description or why not;
    /// `open` when it serves anyone who reaches it (no token, no client certificates).
    /// `ownRole`: the role the agent says it has, when it answered.
    void setReach(const QString &address, Reach reach, const QString &detail, bool open = false,
                  const QString &ownRole = {});
    /// The agent answered with another role than the one it is listed under.
    bool roleDiffers(int row) const;
    Reach reach(int row) const { return m_rows.at(row).reach; }
    bool isOpen(int row) const { return m_rows.at(row).open; }
    int rowOf(const QString &address) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        AgentEntry agent;
        Reach reach = Reach::Unknown;
        QString detail;
        bool open = false;
        QString ownRole;
    };
    QList<Row> m_rows;
};

/// Adds and removes agents by address and role, asks each who it is (GetInfo on a worker, so an
/// agent that does not answer blocks nothing) and offers the embedded local agents, used when
/// no agents are configured.
class AgentsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AgentsPanel(QWidget *parent = nullptr);

    /// Replaces the list (a project opened) and asks every agent.
    void setAgents(const QList<AgentEntry> &agents);
    QList<AgentEntry> agents() const { return m_model->agents(); }
    /// The agents a job should use: empty when the local agents are to be started.
    QList<AgentEntry> jobAgents() const;
    bool useLocalAgents() const;
    /// The limits of the local device agent (Emulated device: CPU share, memory), so that it
    /// behaves like a slower machine; none when remote agents are used or nothing is set.
    ResourceLimits localDeviceLimits() const;
    /// A one-line state for the status bar, e.g. "agents: 2 of 3 answer".
    QString summary() const;

    /// Adds the agent the fields describe, as the Add button does; false (and the reason shown
    /// in the panel) when the address or the role mix is wrong.
    bool addAgent(const QString &address, const QString &role, const QString &tokenFile = {},
                  const QString &tlsCa = {}, const QString &tlsCert = {},
                  const QString &tlsKey = {});
    void askAll();
    /// Puts `token` for `address` in the platform keychain, on a worker; tokenStored() says how
    /// it went. On success the token field names the keychain, so that adding the agent uses it.
    void storeTokenInKeychain(const QString &address, const QString &token);

    AgentTableModel *model() const { return m_model; }
    QCheckBox *localBox() const { return m_local; }
    QDoubleSpinBox *deviceCpuBox() const { return m_deviceCpu; }
    QSpinBox *deviceMemoryBox() const { return m_deviceMemory; }
    QLineEdit *addressEdit() const { return m_address; }
    /// Adds the agent the fields describe (the Add button); with the local agents in use it
    /// asks whether to keep them.
    void addFromFields();
    QLabel *messageLabel() const { return m_message; }

Q_SIGNALS:
    /// The list changed by the user: the project saves it.
    void agentsEdited(const QList<AgentEntry> &agents);
    void summaryChanged(const QString &summary);
    /// Asking an agent ended (either way).
    void agentAnswered(const QString &address);
    /// storeTokenInKeychain() ended: `problem` is empty when the token is stored.
    void tokenStored(const QString &address, const QString &problem);

private:
    void ask(const QString &address);
    void askForToken();
    void removeSelected();
    void showMessage(const QString &text);

    AgentTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QCheckBox *m_local = nullptr;
    QDoubleSpinBox *m_deviceCpu = nullptr;
    QSpinBox *m_deviceMemory = nullptr;
    QLineEdit *m_address = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_keychain = nullptr;
    QLineEdit *m_tlsCa = nullptr;
    QLineEdit *m_tlsCert = nullptr;
    QLineEdit *m_tlsKey = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace cleave::gui
