// SPDX-License-Identifier: GPL-3.0-or-later
// The plots, drawn offscreen: bars where the data puts them (checked on the rendered pixels and
// on the plot's own geometry), the optima starred, excluded splits shaded, the log-scale sizes,
// and the three export formats.
#include "testmain.h"

#include "plots/clusterplots.h"
#include "plots/latencystackplot.h"
#include "plots/numbers.h"
#include "plots/plotexport.h"
#include "plots/plotstyle.h"
#include "plots/predictionplot.h"
#include "plots/transfersizeplot.h"

#include <QImage>
#include <QtTest>

using namespace cleave;
using plan::Mode;
using plan::Part;

namespace {

constexpr double kMs = 1e-3;

// Four splits of a toy model: split 3 keeps everything on the device.
plan::SplitSeries toySeries()
{
    plan::SplitSeries s;
    s.model = "toy";
    s.device = "dev";
    s.edge = "edge";
    const double device[] = {0, 10, 20, 60};
    const double uplink[] = {40, 30, 15, 0};
    const double edge[] = {20, 15, 10, 0};
    for (int i = 0; i < 4; ++i) {
        plan::SplitPoint p;
        p.split = i;
        p.scission[size_t(Part::Device)] = device[i] * kMs;
        p.scission[size_t(Part::Uplink)] = uplink[i] * kMs;
        p.scission[size_t(Part::Edge)] = edge[i] * kMs;
        p.scissionTl = p.scission;
        p.rawBytes = 1000 >> i;
        p.codecBytes = p.rawBytes + 16;
        if (i == 1 || i == 2) {
            p.tl = "maxpool2";
            p.tlBytes = p.codecBytes / 4;
            p.scissionTl[size_t(Part::Uplink)] = uplink[i] / 4 * kMs;
            p.scissionTl[size_t(Part::DeviceTl)] = 2 * kMs;
        }
        p.allowed = i >= 1; // a minimum split of 1
        s.points.push_back(p);
    }
    s.bestScission = 0;        // 60 ms
    s.bestScissionAllowed = 1; // 55 ms
    s.bestScissionTl = 1;      // 34.5 ms
    s.bestScissionTlAllowed = 1;
    return s;
}

// Measured runs of the toy model: splits 0 and 3 without a TL, 1 and 2 with maxpool2.
plan::MeasuredSeries toyMeasured()
{
    plan::MeasuredSeries m;
    m.model = "toy";
    m.link = "4g";
    const auto add = [&](int split, bool tl, double measured, double predicted) {
        plan::MeasuredPoint p;
        p.split = split;
        p.tl = tl;
        p.runs = 5;
        p.median_s = measured * kMs;
        p.predicted_s = predicted * kMs;
        m.points.push_back(p);
    };
    add(0, false, 63, 60);   // +5 %
    add(3, false, 60, 60);   // 0 %
    add(1, true, 31, 34.5);  // -10.1 %
    add(2, true, 40, 38.75); // +3.2 %
    return m;
}

} // namespace

class TestPlots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barsCarryEachPartInMilliseconds()
    {
        plots::LatencyStackPlot plot;
        plot.setSeries(toySeries());
        auto *device = plot.bars(Part::Device, Mode::Scission);
        // Splits 1 to 3 have device compute; split 0 has none and no empty segment.
        QCOMPARE(device->data()->size(), 3);
        QCOMPARE(device->data()->at(1)->value, 20.0);
        QCOMPARE(device->data()->at(1)->key, 2 - 0.2);
        auto *uplink = plot.bars(Part::Uplink, Mode::ScissionTl);
        QCOMPARE(uplink->data()->size(), 3);
        QCOMPARE(uplink->data()->at(1)->value, 7.5);
        QCOMPARE(uplink->data()->at(1)->key, 1 + 0.2);
        // Stacked in the order the parts happen.
        QCOMPARE(plot.bars(Part::DeviceTl, Mode::Scission)->barBelow(), device);
        // Only the parts that occur are named in the legend.
        QVERIFY(plot.legend->hasItemWithPlottable(device));
        QVERIFY(!plot.legend->hasItemWithPlottable(plot.bars(Part::Cloud, Mode::Scission)));
    }

    // Measured series sit over the bars they were predicted by, in milliseconds, and follow
    // what is shown.
    void measuredSeriesSitOverTheirBars()
    {
        plots::LatencyStackPlot plot;
        plot.setSeries(toySeries());
        QVERIFY(!plot.measuredGraph(Mode::Scission)->visible());
        plot.setMeasured(toyMeasured());
        auto *plain = plot.measuredGraph(Mode::Scission);
        auto *withTl = plot.measuredGraph(Mode::ScissionTl);
        // One name for the TL variant, as the plan view's ranking and title call it.
        QCOMPARE(withTl->name(), QStringLiteral("Measured, ScissionTL"));
        QCOMPARE(plain->data()->size(), 2);
        QCOMPARE(plain->data()->at(0)->key, 0 - 0.2);
        QCOMPARE(plain->data()->at(0)->value, 63.0);
        QCOMPARE(withTl->data()->size(), 2);
        QCOMPARE(withTl->data()->at(0)->key, 1 + 0.2);
        QCOMPARE(withTl->data()->at(1)->value, 40.0);
        QVERIFY(plot.legend->hasItemWithPlottable(withTl));
        plot.setShow(plots::LatencyStackPlot::Show::Scission);
        QVERIFY(plain->visible());
        QVERIFY(!withTl->visible());
        QCOMPARE(plain->data()->at(0)->key, 0.0);
    }

    void predictionPlotSetsMeasuredAgainstPredicted()
    {
        plots::PredictionPlot plot;
        plot.setMeasured(toyMeasured());
        QCOMPARE(plot.pointsGraph(false)->data()->size(), 2);
        QCOMPARE(plot.pointsGraph(true)->data()->size(), 2);
        // A point's key is the prediction, its value the measurement, both in ms.
        QCOMPARE(plot.pointsGraph(true)->data()->at(0)->key, 34.5);
        QCOMPARE(plot.pointsGraph(true)->data()->at(0)->value, 31.0);
        QCOMPARE(plot.worstErrorPercent(), 3.5 / 34.5 * 100);
        QCOMPARE(plot.medianErrorPercent(), (5.0 + 1.25 / 38.75 * 100) / 2);
        QVERIFY(plot.xAxis->range().upper >= 63);
        QCOMPARE(plot.xAxis->range(), plot.yAxis->range());
    }

    // Rendered, the middle of each segment has its part's colour.
    void barsAppearAtTheirPixels()
    {
        plots::LatencyStackPlot plot;
        plot.setShow(plots::LatencyStackPlot::Show::Scission);
        plot.setSeries(toySeries());
        plot.resize(800, 400);
        plot.replot();
        const QImage image = plot.toPixmap(800, 400).toImage();
        const auto pixel = [&](double key, double value) {
            return image.pixelColor(int(plot.xAxis->coordToPixel(key)),
                                    int(plot.yAxis->coordToPixel(value)));
        };
        // Split 3: 60 ms of device compute only. Split 0: uplink from 0 to 40 ms, edge above.
        QCOMPARE(pixel(3, 30), plots::partColour(Part::Device));
        QCOMPARE(pixel(0, 20), plots::partColour(Part::Uplink));
        QCOMPARE(pixel(0, 50), plots::partColour(Part::Edge));
        // Above the stack: no bar.
        QVERIFY(pixel(3, 66) != plots::partColour(Part::Device));
        QVERIFY(pixel(0, 63) != plots::partColour(Part::Edge));
    }

    void optimaAreStarredAndExcludedSplitsShaded()
    {
        plots::LatencyStackPlot plot;
        plot.setSeries(toySeries());
        auto *scission = plot.optimumMarker(Mode::Scission);
        QVERIFY(scission);
        QCOMPARE(scission->position->coords().x(), 1 - 0.2);
        QCOMPARE(scission->position->coords().y(), 55.0);
        QCOMPARE(scission->text(), QStringLiteral("\u2605"));
        auto *tl = plot.optimumMarker(Mode::ScissionTl);
        QVERIFY(tl);
        QCOMPARE(tl->position->coords().x(), 1 + 0.2);
        QCOMPARE(tl->position->coords().y(), 34.5);
        // The unconstrained Scission optimum (split 0) gets a hollow star.
        bool hollow = false;
        for (int i = 0; i < plot.itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(plot.item(i)))
                hollow = hollow || (text->text() == QStringLiteral("\u2606") &&
                                    text->position->coords().x() == -0.2);
        QVERIFY(hollow);
        QCOMPARE(plot.excludedRegions().size(), 1);
        const auto *region = plot.excludedRegions().front();
        QCOMPARE(region->topLeft->coords().x(), -0.5);
        QCOMPARE(region->bottomRight->coords().x(), 0.5);
        // Showing one model hides the other's bars and marker.
        plot.setShow(plots::LatencyStackPlot::Show::ScissionTl);
        QVERIFY(!plot.bars(Part::Device, Mode::Scission)->visible());
        QVERIFY(plot.bars(Part::Device, Mode::ScissionTl)->visible());
        QVERIFY(!plot.optimumMarker(Mode::Scission));
        QCOMPARE(plot.optimumMarker(Mode::ScissionTl)->position->coords().x(), 1.0);
    }

    void transferSizesOnALogScale()
    {
        plots::TransferSizePlot plot;
        plot.setSeries(toySeries());
        QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot.rawGraph()->data()->at(0)->value, 1000.0);
        QCOMPARE(plot.codecGraph()->data()->at(1)->value, 516.0);
        QCOMPARE(plot.tlGraph()->data()->at(1)->value, 129.0);
        // No TL at split 0; nothing is sent at split K.
        QVERIFY(std::isnan(plot.tlGraph()->data()->at(0)->value));
        QVERIFY(std::isnan(plot.rawGraph()->data()->at(3)->value));
    }

    // One way to write numbers: three significant digits (whole numbers keep theirs), the
    // locale's separators, and the unit that keeps the figure short.
    void numbersKeepThreeSignificantDigits()
    {
        using plots::Numbers;
        const QLocale before;
        const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Numbers::significant(0), QStringLiteral("0"));
        QCOMPARE(Numbers::significant(12.345), QStringLiteral("12.3"));
        QCOMPARE(Numbers::significant(0.012345), QStringLiteral("0.0123"));
        QCOMPARE(Numbers::significant(-4.5678), QStringLiteral("-4.57"));
        QCOMPARE(Numbers::significant(1234.5), QStringLiteral("1,235"));
        QCOMPARE(Numbers::significant(9.996), QStringLiteral("10.0")); // rounds into 2 digits
        QCOMPARE(Numbers::milliseconds(0.0123456), QStringLiteral("12.3 ms"));
        QCOMPARE(Numbers::bytes(512), QStringLiteral("512 B"));
        QCOMPARE(Numbers::bytes(2048), QStringLiteral("2.05 KB"));
        QCOMPARE(Numbers::bytes(999'999), QStringLiteral("1.00 MB"));
        QCOMPARE(Numbers::bytes(3'211'264), QStringLiteral("3.21 MB"));
        QCOMPARE(Numbers::bytes(1.5e9), QStringLiteral("1.50 GB"));
        QCOMPARE(Numbers::bytes(1e5, Numbers::Digits::AsNeeded), QStringLiteral("100 KB"));
        QCOMPARE(Numbers::bytes(1e6, Numbers::Digits::AsNeeded), QStringLiteral("1 MB"));
        QCOMPARE(Numbers::megabitsPerSecond(57e6), QStringLiteral("57.0 Mbit/s"));
        QCOMPARE(Numbers::percent(3.14159), QStringLiteral("3.14 %"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(Numbers::significant(1234.5), QStringLiteral("1.235"));
        QCOMPARE(Numbers::milliseconds(0.0123456), QStringLiteral("12,3 ms"));
    }

    // The byte axis writes sizes, not exponents.
    void transferAxisWritesSizes()
    {
        plots::TransferSizePlot plot;
        plot.resize(640, 400);
        plot.setSeries(toySeries());
        plot.replot();
        const auto labels = plot.yAxis->tickVectorLabels();
        QVERIFY2(labels.contains(QStringLiteral("100 B")), qPrintable(labels.join(u',')));
        QVERIFY2(labels.contains(QStringLiteral("1 KB")), qPrintable(labels.join(u',')));
    }

    // One lane per device and one for the aggregator, top to bottom; every measured span a
    // filled rectangle at its times and lane, every planned one an outline drawn before it;
    // hovering a span finds it and says what it is.
    void clusterTimelineDrawsEachSpanInItsLane()
    {
        using K = plan::TimelineSpan::Kind;
        plan::ClusterTimeline measured{{"pi4", "pi3", "pi4"}, {}, 0.030};
        measured.spans = {{0, K::Compute, 0.000, 0.012, 0, 0},
                          {1, K::Receive, 0.000, 0.002, 0, 0},
                          {1, K::Compute, 0.002, 0.020, 0, 0},
                          {1, K::Send, 0.020, 0.024, 0, 0},
                          {2, K::Rest, 0.024, 0.030, 0, 0}};
        auto planned = measured;
        planned.total_s = 0.028;
        planned.spans[3] = {1, K::Send, 0.019, 0.022, 0, 40960};
        plots::ClusterTimelinePlot plot;
        plot.resize(800, 300);
        plot.setTimelines(measured, planned);
        plot.replot();
        QCOMPARE(plot.laneCount(), 3);
        QCOMPARE(plot.drawn().size(), size_t(10));
        QVERIFY(plot.drawn().front().planned && !plot.drawn().back().planned);
        for (const auto &d : plot.drawn()) {
            QCOMPARE(d.rect->topLeft->coords().x(), d.span.begin_s * 1e3);
            QCOMPARE(d.rect->bottomRight->coords().x(), d.span.end_s * 1e3);
            const double centre =
                (d.rect->topLeft->coords().y() + d.rect->bottomRight->coords().y()) / 2;
            QCOMPARE(centre, plot.laneCentre(d.span.lane));
            QCOMPARE(d.rect->brush().style() == Qt::NoBrush, d.planned);
        }
        // The first device's lane is above the second's (the value axis is reversed).
        QVERIFY(plot.yAxis->coordToPixel(plot.laneCentre(0)) <
                plot.yAxis->coordToPixel(plot.laneCentre(1)));
        // The pixel at the middle of pi3's compute span finds the measured span, not the outline.
        const QPointF middle(plot.xAxis->coordToPixel(11.0),
                             plot.yAxis->coordToPixel(plot.laneCentre(1)));
        const auto *hit = plot.spanAt(middle);
        QVERIFY(hit && !hit->planned && hit->span.kind == K::Compute && hit->span.lane == 1);
        QVERIFY(plot.describe(*hit).contains(QStringLiteral("pi3")));
        QVERIFY(plot.describe(*hit).contains(QStringLiteral("18.0 ms")));
        // Past the measured send, only the planned outline of a span with bytes is there.
        const QPointF outline(plot.xAxis->coordToPixel(21.0),
                              plot.yAxis->coordToPixel(plot.laneCentre(1) + 0.35));
        const auto *planned2 = plot.spanAt(outline);
        QVERIFY(planned2 && planned2->planned && planned2->span.kind == K::Send);
        QVERIFY(plot.describe(*planned2).contains(QStringLiteral("41.0 KB")));
        QVERIFY(!plot.spanAt(
            QPointF(plot.xAxis->coordToPixel(29.0), plot.yAxis->coordToPixel(plot.laneCentre(0)))));
        // Drawn again with less, the old spans are gone.
        plot.setTimelines({}, planned);
        QCOMPARE(plot.drawn().size(), size_t(5));
        QCOMPARE(plot.itemCount(), 5);
    }

    // The rows per device stack to every inference's total, device by device.
    void shareBarStacksTheRows()
    {
        plots::ShareBar plot;
        plot.setHistory({{0, {14, 5, 6}}, {1, {14, 5, 6}}, {3, {18, 1, 6}}}, {"a", "b", "c"});
        QCOMPARE(plot.bars(2)->data()->size(), 3);
        QCOMPARE(plot.bars(1)->data()->at(2)->key, 4.0); // inference 4 (run 3)
        QCOMPARE(plot.bars(1)->data()->at(2)->value, 1.0);
        QCOMPARE(plot.bars(1)->barBelow(), plot.bars(0));
        QCOMPARE(plot.bars(2)->barBelow(), plot.bars(1));
        QVERIFY(!plot.bars(3));
        QVERIFY(plot.yAxis->range().upper >= 25);
    }

    // Planned, EdgeDI's and the bound per device count; measured only where a run was stored.
    void speedupPlotCarriesEachLine()
    {
        plots::SpeedupPlot plot;
        plan::SpeedupPoint one{1, 1.0, 1.0, 1.0, 1.0};
        plan::SpeedupPoint two{2, 1.4, 1.3, 1.5, std::nullopt};
        plan::SpeedupPoint three{3, 1.6, 1.5, 2.0, 1.55};
        plot.setPoints({one, two, three});
        QCOMPARE(plot.plannedGraph()->data()->size(), 3);
        QCOMPARE(plot.boundGraph()->data()->at(2)->value, 2.0);
        QCOMPARE(plot.edgeDiGraph()->data()->at(1)->value, 1.3);
        QCOMPARE(plot.measuredGraph()->data()->size(), 2);
        QCOMPARE(plot.measuredGraph()->data()->at(1)->key, 3.0);
        QVERIFY(plot.yAxis->range().upper > 2.0);
    }

    // The cluster's plots export as the others do.
    void clusterPlotsExport()
    {
        QTemporaryDir dir;
        plan::ClusterTimeline t{
            {"a", "b"}, {{0, plan::TimelineSpan::Kind::Compute, 0, 0.01, 0, 0}}, 0.01};
        plots::ClusterTimelinePlot timeline;
        timeline.setTimelines(t, t);
        plots::ShareBar shares;
        shares.setHistory({{0, {3}}}, {"a"});
        plots::SpeedupPlot speedup;
        speedup.setPoints({{1, 1, 1, 1, std::nullopt}});
        const auto path = dir.filePath(QStringLiteral("cluster.svg"));
        QCOMPARE(plots::exportPlots({&timeline, &shares, &speedup}, path, 600, 300), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto svg = file.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(
            svg.contains(plots::spanColour(plan::TimelineSpan::Kind::Compute).name().toLatin1()));
    }

    void exportsPngPdfSvg_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("png") << QStringLiteral("p.png") << QByteArray("\x89PNG");
        QTest::newRow("pdf") << QStringLiteral("p.pdf") << QByteArray("%PDF");
        QTest::newRow("svg") << QStringLiteral("p.svg") << QByteArray("<?xml");
    }

    void exportsPngPdfSvg()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, magic);
        QTemporaryDir dir;
        plots::LatencyStackPlot stacks;
        stacks.setSeries(toySeries());
        plots::TransferSizePlot sizes;
        sizes.setSeries(toySeries());
        const auto path = dir.filePath(name);
        QCOMPARE(plots::exportPlots({&stacks, &sizes}, path, 600, 300), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(magic.size()), magic);
        if (name.endsWith(QLatin1String(".png"))) {
            const QImage image(path);
            QCOMPARE(image.size(), QSize(600, 600));
        }
        if (name.endsWith(QLatin1String(".svg"))) {
            file.seek(0);
            const auto svg = file.readAll();
            QVERIFY(svg.contains("<svg"));
            QVERIFY(svg.contains(plots::partColour(Part::Uplink).name().toLatin1()));
        }
    }

    void exportRefusesBadPaths()
    {
        plots::LatencyStackPlot plot;
        plot.setSeries(toySeries());
        QCOMPARE(plots::exportPlots({&plot}, QStringLiteral("/tmp/x.bmp")),
                 QStringLiteral("/tmp/x.bmp: unknown image format 'bmp' (use .png, .pdf or .svg)"));
        QCOMPARE(plots::exportPlots({&plot}, QStringLiteral("/nonexistent/dir/x.png")),
                 QStringLiteral("/nonexistent/dir/x.png: cannot write the PNG file"));
        QCOMPARE(plots::exportPlots({&plot}, QStringLiteral("/nonexistent/dir/x.svg")),
                 QStringLiteral("/nonexistent/dir/x.svg: cannot write the file (No such file or "
                                "directory)"));
    }
};

CLEAVE_TEST_MAIN(TestPlots)
#include "tst_plots.moc"
