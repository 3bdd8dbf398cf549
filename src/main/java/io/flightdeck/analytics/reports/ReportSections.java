package io.flightdeck.analytics.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.analytics.dashboards.CampaignDashboards.ChannelKpis;
import io.flightdeck.analytics.dashboards.CampaignDashboards.TrendDay;
import io.flightdeck.analytics.dashboards.Kpis;
import io.flightdeck.analytics.dashboards.Kpis.Figure;
import io.flightdeck.analytics.dashboards.Kpis.MoneyKpis;
import io.flightdeck.analytics.dashboards.DashboardWords;

/**
 * The tables of a report, each made from one campaign dashboard: nothing here reads the database, so every report kind
 * and every format shows the dashboard's own numbers, written in the dashboard's words.
 */
final class ReportSections {

    private static final List<String> FIGURE_HEADINGS = List.of("Figure", "This period", "Previous period",
            "Change (%)");
    /** The trend's counts every detailed report shows, in this order; any other metric of the days follows them. */
    private static final List<Metric> DAY_COUNTS = List.of(Metric.IMPRESSIONS, Metric.REACH, Metric.CLICKS,
            Metric.CONVERSIONS, Metric.ENGAGEMENT);

    /** A figure of {@link Kpis} with its label and the type of its cells. */
    record Named(String label, ReportCellType type, Function<Kpis, Figure> figure) {
    }

    static final Named IMPRESSIONS = new Named("Impressions", ReportCellType.COUNT, Kpis::impressions);
    static final Named CLICKS = new Named("Clicks", ReportCellType.COUNT, Kpis::clicks);
    static final Named CONVERSIONS = new Named("Conversions", ReportCellType.COUNT, Kpis::conversions);
    static final Named CONVERSION_RATE = new Named("Conversion rate (%)", ReportCellType.PERCENT,
            Kpis::conversionRate);
    static final List<Named> COUNTS = List.of(IMPRESSIONS,
            new Named("Reach", ReportCellType.COUNT, Kpis::reach), CLICKS,
            new Named("Click rate (%)", ReportCellType.PERCENT, Kpis::clickRate), CONVERSIONS, CONVERSION_RATE,
            new Named("Engagement", ReportCellType.COUNT, Kpis::engagement));
    /** What an executive reads first: how many saw, clicked and converted, and how well clicks converted. */
    static final List<Named> HEADLINE_COUNTS = List.of(IMPRESSIONS, CLICKS, CONVERSIONS, CONVERSION_RATE);

    /** A money figure of one currency with its label and type (return on ad spend is a ratio, ROI a per cent). */
    record NamedMoney(String label, ReportCellType type, Function<MoneyKpis, Figure> figure) {
    }

    static final NamedMoney SPEND = new NamedMoney("Spend", ReportCellType.MONEY, MoneyKpis::spend);
    static final NamedMoney REVENUE = new NamedMoney("Revenue", ReportCellType.MONEY, MoneyKpis::revenue);
    static final NamedMoney ROI = new NamedMoney("ROI (%)", ReportCellType.PERCENT, MoneyKpis::roiPercent);
    static final List<NamedMoney> MONEY = List.of(SPEND, REVENUE,
            new NamedMoney("Cost per acquisition", ReportCellType.MONEY, MoneyKpis::costPerAcquisition),
            new NamedMoney("Return on ad spend (×)", ReportCellType.RATIO, MoneyKpis::returnOnAdSpend), ROI);
    /** And per currency: what it cost, what it earned, and the return. */
    static final List<NamedMoney> HEADLINE_MONEY = List.of(SPEND, REVENUE, ROI);

    private final CampaignDashboard dashboard;
    private final DashboardWords words;
    /** Every currency of the range or the days before, in the order the totals list them. */
    private final List<String> currencies;

    ReportSections(CampaignDashboard dashboard, DashboardWords words) {
        this.dashboard = dashboard;
        this.words = words;
        this.currencies = dashboard.totals().money().stream().map(MoneyKpis::currency).toList();
    }

    ReportSection keyFigures() {
        List<List<ReportCell>> rows = new ArrayList<>();
        for (Named named : COUNTS) {
            rows.add(figureRow(ReportCell.text(named.label()), named.type(), named.figure().apply(dashboard.totals()),
                    null));
        }
        return new ReportSection("Key figures", "Each figure " + comparedWith(), FIGURE_HEADINGS, rows, false);
    }

    ReportSection money() {
        List<List<ReportCell>> rows = new ArrayList<>();
        for (MoneyKpis money : dashboard.totals().money()) {
            for (NamedMoney named : MONEY) {
                List<ReportCell> row = new ArrayList<>();
                row.add(ReportCell.text(money.currency()));
                row.addAll(figureRow(ReportCell.text(named.label()), named.type(), named.figure().apply(money),
                        money.currency()));
                rows.add(row);
            }
        }
        List<String> headings = new ArrayList<>(List.of("Currency"));
        headings.addAll(FIGURE_HEADINGS);
        return new ReportSection("Money", "Spend and revenue in each currency, never added across currencies, "
                + comparedWith(), headings, rows, false);
    }

    /** Each channel's main numbers for the range. */
    ReportSection channels() {
        List<String> headings = new ArrayList<>(List.of("Channel", "Impressions", "Clicks", "Click rate (%)",
                "Conversions", "Conversion rate (%)"));
        currencies.forEach(c -> headings.add("Spend (" + c + ")"));
        List<List<ReportCell>> rows = new ArrayList<>();
        for (ChannelKpis channel : dashboard.channels()) {
            rows.add(channelRow(channel));
        }
        return new ReportSection("Channels", "Each channel from " + range(), headings, rows, false);
    }

    /** Each channel's every figure beside the days before (detailed reports). */
    ReportSection channelFigures() {
        List<List<ReportCell>> rows = new ArrayList<>();
        for (ChannelKpis channel : dashboard.channels()) {
            for (Named named : COUNTS) {
                List<ReportCell> row = new ArrayList<>(List.of(ReportCell.text(channel.channel())));
                row.addAll(figureRow(ReportCell.text(named.label()), named.type(),
                        named.figure().apply(channel.kpis()), null));
                rows.add(row);
            }
            for (MoneyKpis money : channel.kpis().money()) {
                for (NamedMoney named : MONEY) {
                    List<ReportCell> row = new ArrayList<>(List.of(ReportCell.text(channel.channel())));
                    row.addAll(figureRow(ReportCell.text(inCurrency(named.label(), money.currency())),
                            named.type(), named.figure().apply(money), money.currency()));
                    rows.add(row);
                }
            }
        }
        List<String> headings = new ArrayList<>(List.of("Channel"));
        headings.addAll(FIGURE_HEADINGS);
        return new ReportSection("Channels in detail", "Every figure of each channel " + comparedWith(), headings,
                rows, false);
    }

    /** Each day's sums: the counts, any other metric the days have, and spend and revenue per currency. */
    ReportSection days() {
        List<String> metrics = new ArrayList<>(DAY_COUNTS.stream().map(Metric::name).toList());
        TreeSet<Metric> others = new TreeSet<>();
        for (TrendDay day : dashboard.trend()) {
            for (String key : day.values().keySet()) {
                if (!key.contains(" ") && !metrics.contains(key)) {
                    java.util.Arrays.stream(Metric.values()).filter(m -> m.name().equals(key)).forEach(others::add);
                }
            }
        }
        others.forEach(m -> metrics.add(m.name()));
        List<String> headings = new ArrayList<>(List.of("Day"));
        metrics.forEach(m -> headings.add(label(m)));
        for (String currency : currencies) {
            headings.add("Spend (" + currency + ")");
            headings.add("Revenue (" + currency + ")");
        }
        List<List<ReportCell>> rows = new ArrayList<>();
        for (TrendDay day : dashboard.trend()) {
            List<ReportCell> row = new ArrayList<>(List.of(ReportCell.date(day.day(), words.day(day.day()))));
            for (String metric : metrics) {
                row.add(count(day.values(), metric));
            }
            for (String currency : currencies) {
                row.add(money(day.values(), "SPEND " + currency, currency));
                row.add(money(day.values(), "REVENUE " + currency, currency));
            }
            rows.add(row);
        }
        return new ReportSection("Day by day", "Each day's numbers (" + dashboard.timeZone() + " days)", headings,
                rows, false);
    }

    /** The executive report's key figures: reach of the campaign, what it earned and what it cost. */
    ReportSection headlines() {
        List<List<ReportCell>> rows = new ArrayList<>();
        for (Named named : HEADLINE_COUNTS) {
            rows.add(figureRow(ReportCell.text(named.label()), named.type(), named.figure().apply(dashboard.totals()),
                    null));
        }
        for (MoneyKpis money : dashboard.totals().money()) {
            for (NamedMoney named : HEADLINE_MONEY) {
                rows.add(figureRow(ReportCell.text(inCurrency(named.label(), money.currency())), named.type(),
                        named.figure().apply(money), money.currency()));
            }
        }
        return new ReportSection("Headline figures", "The main figures " + comparedWith(), FIGURE_HEADINGS, rows,
                false);
    }

    /** The channels that converted most (then clicked most), at most {@code limit}. */
    ReportSection topChannels(int limit) {
        List<String> headings = new ArrayList<>(List.of("Channel", "Impressions", "Clicks", "Click rate (%)",
                "Conversions", "Conversion rate (%)"));
        currencies.forEach(c -> headings.add("Spend (" + c + ")"));
        List<List<ReportCell>> rows = ranked().stream().limit(limit).map(c -> channelRow(c)).toList();
        return new ReportSection("Top channels", "The channels with the most conversions, then clicks, from "
                + range(), headings, rows, false);
    }

    /** Clicks and conversions each day, the executive report's chart and the table behind it. */
    ReportSection clicksAndConversions() {
        List<List<ReportCell>> rows = new ArrayList<>();
        for (TrendDay day : dashboard.trend()) {
            rows.add(List.of(ReportCell.date(day.day(), words.day(day.day())), count(day.values(), "CLICKS"),
                    count(day.values(), "CONVERSIONS")));
        }
        return new ReportSection("Clicks and conversions per day", "Clicks and conversions each day ("
                + dashboard.timeZone() + " days), the numbers behind the chart", List.of("Day", "Clicks",
                "Conversions"), rows, true);
    }

    /** Channels by conversions, then clicks, then name. */
    List<ChannelKpis> ranked() {
        return dashboard.channels().stream().sorted(Comparator
                .comparing((ChannelKpis c) -> c.kpis().conversions().value(), Comparator.reverseOrder())
                .thenComparing(c -> c.kpis().clicks().value(), Comparator.reverseOrder())
                .thenComparing(ChannelKpis::channel)).toList();
    }

    private List<ReportCell> channelRow(ChannelKpis channel) {
        Kpis k = channel.kpis();
        List<ReportCell> row = new ArrayList<>(List.of(ReportCell.text(channel.channel()),
                cell(ReportCellType.COUNT, k.impressions().value(), null),
                cell(ReportCellType.COUNT, k.clicks().value(), null),
                cell(ReportCellType.PERCENT, k.clickRate().value(), null),
                cell(ReportCellType.COUNT, k.conversions().value(), null),
                cell(ReportCellType.PERCENT, k.conversionRate().value(), null)));
        for (String currency : currencies) {
            BigDecimal spend = k.money().stream().filter(m -> m.currency().equals(currency)).findFirst()
                    .map(m -> m.spend().value()).orElse(BigDecimal.ZERO);
            row.add(cell(ReportCellType.MONEY, spend, currency));
        }
        return row;
    }

    private List<ReportCell> figureRow(ReportCell label, ReportCellType type, Figure figure, String currency) {
        String change = words.shortChange(figure);
        return List.of(label, cell(type, figure.value(), currency), cell(type, figure.previous(), currency),
                ReportCell.number(ReportCellType.CHANGE, figure.changePercent(), change.isEmpty() ? "—" : change));
    }

    ReportCell cell(ReportCellType type, BigDecimal value, String currency) {
        return switch (type) {
            case COUNT -> ReportCell.number(type, value, words.number(value));
            case PERCENT -> ReportCell.number(type, value, words.percent(value));
            case RATIO -> ReportCell.number(type, value, words.times(value));
            case MONEY -> ReportCell.money(value, currency, words.money(value, currency));
            default -> throw new IllegalArgumentException("not a number cell: " + type);
        };
    }

    /** A count of a day: a metric the day has no facts of counted none. */
    private ReportCell count(Map<String, BigDecimal> values, String metric) {
        return cell(ReportCellType.COUNT, values.getOrDefault(metric, BigDecimal.ZERO), null);
    }

    private ReportCell money(Map<String, BigDecimal> values, String key, String currency) {
        return cell(ReportCellType.MONEY, values.getOrDefault(key, BigDecimal.ZERO), currency);
    }

    private String range() {
        return words.day(dashboard.from()) + " to " + words.day(dashboard.to());
    }

    private String comparedWith() {
        return "from " + range() + ", beside " + words.day(dashboard.previousFrom()) + " to "
                + words.day(dashboard.previousTo()) + ", and its change";
    }

    /** "ROI (%)" of euros as "ROI in EUR (%)": the currency before the unit. */
    static String inCurrency(String label, String currency) {
        int unit = label.indexOf(" (");
        return unit < 0 ? label + " in " + currency
                : label.substring(0, unit) + " in " + currency + label.substring(unit);
    }

    /** IMPRESSIONS as Impressions. */
    static String label(String metric) {
        String lower = metric.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
