package io.flightdeck.analytics.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * A chart section drawn as a line chart in SVG, on the server: the screen puts it in the page and the PDF draws the
 * same markup, so the chart is drawn once for both. Its first column is the day, each further column a line on one
 * axis from zero (clicks solid, conversions dashed, as on the dashboard), the numbers themselves in the section's
 * table. Text uses {@code currentColor}, so it follows the page's colours.
 */
public final class ReportChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 36;
    private static final int TICKS = 4;
    private static final int MAX_LABELS = 8;
    private static final String[] COLOURS = {"#3b5bdb", "#237a35", "#b35c00"};
    private static final String[] DASHES = {"", "6 3", "2 3"};

    private ReportChart() {
    }

    /** The chart of the report's chart section, or null when it has none. */
    public static String svg(CampaignReport report) {
        return report.sections().stream().filter(ReportSection::chart).findFirst().map(ReportChart::svg)
                .orElse(null);
    }

    static String svg(ReportSection section) {
        List<List<ReportCell>> rows = section.rows();
        int series = section.headings().size() - 1;
        BigDecimal max = BigDecimal.ZERO;
        for (List<ReportCell> row : rows) {
            for (int s = 1; s <= series; s++) {
                BigDecimal v = row.get(s).value();
                if (v != null && v.compareTo(max) > 0) {
                    max = v;
                }
            }
        }
        double top = niceMax(max.doubleValue());
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\" role=\"img\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">")
                .append("<title>").append(escape(description(section))).append("</title>");
        // the axis: grid lines and their numbers
        for (int t = 0; t <= TICKS; t++) {
            double value = top * t / TICKS;
            double y = TOP + plotHeight - plotHeight * t / TICKS;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y))
                    .append("\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"currentColor\">").append(number(value)).append("</text>");
        }
        // the days: at most a few labels, evenly spread
        int step = Math.max(1, (int) Math.ceil(rows.size() / (double) MAX_LABELS));
        for (int i = 0; i < rows.size(); i += step) {
            svg.append("<text x=\"").append(fmt(x(i, rows.size(), plotWidth))).append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\" fill=\"currentColor\">")
                    .append(escape(shortDay(rows.get(i).get(0)))).append("</text>");
        }
        for (int s = 1; s <= series; s++) {
            String colour = COLOURS[(s - 1) % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                BigDecimal v = rows.get(i).get(s).value();
                double y = TOP + plotHeight - (top == 0 ? 0 : plotHeight * (v == null ? 0 : v.doubleValue()) / top);
                points.append(i == 0 ? "" : " ").append(fmt(x(i, rows.size(), plotWidth))).append(',').append(fmt(y));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"");
            String dash = DASHES[(s - 1) % DASHES.length];
            if (!dash.isEmpty()) {
                svg.append(" stroke-dasharray=\"").append(dash).append('"');
            }
            svg.append(" points=\"").append(points).append("\"/>");
            // the legend, above the plot
            int lx = LEFT + (s - 1) * 130;
            svg.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 22).append("\" y1=\"14\" y2=\"14\"")
                    .append(" stroke=\"").append(colour).append("\" stroke-width=\"2\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>")
                    .append("<text x=\"").append(lx + 28).append("\" y=\"18\" fill=\"currentColor\">")
                    .append(escape(section.headings().get(s))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** What the chart shows, for those who cannot see it; the numbers are in the table beside it. */
    static String description(ReportSection section) {
        StringBuilder text = new StringBuilder("Line chart of ");
        for (int s = 1; s < section.headings().size(); s++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (List<ReportCell> row : section.rows()) {
                sum = row.get(s).value() == null ? sum : sum.add(row.get(s).value());
            }
            text.append(s == 1 ? "" : s == section.headings().size() - 1 ? " and " : ", ")
                    .append(section.headings().get(s).toLowerCase(Locale.ROOT)).append(" (")
                    .append(number(sum.doubleValue())).append(" in all)");
        }
        return text.append(" each day, over ").append(section.rows().size())
                .append(section.rows().size() == 1 ? " day" : " days").append(". The numbers are in the table.")
                .toString();
    }

    private static double x(int i, int count, double plotWidth) {
        return LEFT + (count <= 1 ? plotWidth / 2 : plotWidth * i / (count - 1));
    }

    /** The smallest of 1, 2, 2.5 and 5 times a power of ten at or above {@code max}, so the ticks read well. */
    static double niceMax(double max) {
        if (max <= 0) {
            return TICKS;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max / TICKS)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * power * TICKS >= max) {
                return f * power * TICKS;
            }
        }
        return 10 * power * TICKS;
    }

    private static String shortDay(ReportCell day) {
        return day.date() == null ? day.text() : day.date().toString().substring(5);
    }

    private static String number(double value) {
        BigDecimal v = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return String.format(Locale.ENGLISH, "%,." + Math.max(0, v.scale()) + "f", v);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
