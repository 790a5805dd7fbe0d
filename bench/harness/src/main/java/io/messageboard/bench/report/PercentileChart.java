package io.messageboard.bench.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency by percentile of a scenario's open-loop loads, one line per route and rate, on the
 * percentile axis of HdrHistogram's plots: each tick is ten times closer to 100 % than the one
 * before (0, 90, 99, 99.9, 99.99, 99.999 %).
 */
final class PercentileChart {

  /** 99.999 %: where the axis ends. */
  private static final double AXIS_END = 5;

  private PercentileChart() {}

  static void draw(Results results, String scenario, String title, Path png) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (OpenLoopMeasurement m : results.openLoop()) {
      if (!m.scenario().equals(scenario)) {
        continue;
      }
      XYSeries line =
          new XYSeries(
              m.target() + ", " + m.percentOfPeak() + " % of peak (" + m.ratePerSecond() + "/s)");
      // The last point (100 %, the largest latency) is drawn at the axis' end.
      for (HistogramIterationValue v : m.latencyUs().percentiles(5)) {
        double position = Math.min(AXIS_END, position(v.getPercentileLevelIteratedTo()));
        line.add(position, v.getValueIteratedTo() / 1000.0);
        if (position == AXIS_END) {
          break;
        }
      }
      data.addSeries(line);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            "percentile",
            "milliseconds",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    NumberAxis axis = new NumberAxis("percentile");
    axis.setRange(0, AXIS_END);
    axis.setTickUnit(new NumberTickUnit(1));
    axis.setNumberFormatOverride(new PercentileLabels());
    ((XYPlot) chart.getPlot()).setDomainAxis(axis);
    // Room on the right for the last tick's label, centred on the axis' end.
    chart.setPadding(new RectangleInsets(0, 0, 0, 24));
    Charts.save(chart, png);
  }

  /** Where PERCENTILE sits on the axis: 0 at 0 %, 1 at 90 %, 2 at 99 %, 3 at 99.9 %... */
  static double position(double percentile) {
    return percentile >= 100 ? Double.POSITIVE_INFINITY : Math.log10(100 / (100 - percentile));
  }

  /** The percentile at an axis POSITION, as its tick reads: "99.9 %". */
  static String label(double position) {
    double percentile = 100 - 100 / Math.pow(10, position);
    return BigDecimal.valueOf(percentile)
            .setScale(5, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }

  /** The tick labels of the percentile axis. */
  private static final class PercentileLabels extends NumberFormat {

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(label(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return to.append(label(number));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException("tick labels are only written");
    }
  }
}
