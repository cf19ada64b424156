// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plan/costs.h"

#include <qcustomplot.h>

namespace cleave::plots {

/// Bytes crossing the network at each split on a log scale: the raw tensor, the tensor as the
/// codec encodes it, and what the Transfer Layer leaves of it (where one applies).
class TransferSizePlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit TransferSizePlot(QWidget *parent = nullptr);

    void setSeries(const plan::SplitSeries &series);

    QCPGraph *rawGraph() const { return m_raw; }
    QCPGraph *codecGraph() const { return m_codec; }
    QCPGraph *tlGraph() const { return m_tl; }

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The raw tensor's line in the text colour: dark on light themes, light on dark ones.
    void colourRawLine();

    QCPGraph *m_raw = nullptr;
    QCPGraph *m_codec = nullptr;
    QCPGraph *m_tl = nullptr;
    QCPTextElement *m_title = nullptr;
};

} // namespace cleave::plots
