package io.messageboard.bench.report;

import io.messageboard.bench.plan.Program;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** PNG bar charts of one run: throughput per scenario and program, latency percentiles. */
final class Charts {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 520;

  private static final String RAW = Program.RAW_JDBC.id();

  private final Results results;

  Charts(Results results) {
    this.results = results;
  }

  /**
   * Mean requests per second per scenario, one bar per HTTP program, for one target. The raw JDBC
   * loop, an order of magnitude above them, would flatten every other bar; the tables give it.
   */
  void throughput(String target, String title, Path png) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String scenario : results.distinct(Measurement::scenario, target)) {
      for (String program : results.distinct(Measurement::program, target)) {
        if (program.equals(RAW)) {
          continue;
        }
        results
            .meanRps(target, scenario, program)
            .ifPresent(rps -> data.addValue(rps, program, scenario));
      }
    }
    save(ChartFactory.createBarChart(title, "scenario", "requests per second", data), png);
  }

  /** Mean p50, p90 and p99 latency per program in one scenario. */
  void latency(String target, String scenario, String title, Path png) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String program : results.distinct(Measurement::program, target)) {
      List<Measurement> runs = results.of(target, scenario, program);
      if (runs.isEmpty()) {
        continue;
      }
      data.addValue(mean(runs, Measurement::p50), "p50", program);
      data.addValue(mean(runs, Measurement::p90), "p90", program);
      data.addValue(mean(runs, Measurement::p99), "p99", program);
    }
    save(
        ChartFactory.createBarChart(
            title, "program", "milliseconds", data, PlotOrientation.VERTICAL, true, false, false),
        png);
  }

  static double mean(List<Measurement> runs, java.util.function.ToDoubleFunction<Measurement> f) {
    return runs.stream().mapToDouble(f).average().orElse(0);
  }

  static void save(JFreeChart chart, Path png) throws IOException {
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }
}
