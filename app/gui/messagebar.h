// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace cleave::gui {

/// A notice across the top of the window, where the user is looking: a file refused, a change
/// that needs a restart. It stays until closed or replaced; the status bar keeps passing news.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Information);
    QString text() const;
    QToolButton *closeButton() const { return m_close; }

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace cleave::gui
