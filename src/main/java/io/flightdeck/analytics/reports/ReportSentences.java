package io.flightdeck.analytics.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.analytics.dashboards.CampaignDashboards.ChannelKpis;
import io.flightdeck.analytics.dashboards.Kpis.Figure;
import io.flightdeck.analytics.dashboards.Kpis.MoneyKpis;
import io.flightdeck.analytics.dashboards.DashboardWords;

/**
 * The executive report's few sentences: what the range brought, its biggest changes on the days before (in the
 * dashboard's words) and the channel that brought the most. Each sentence begins with a word of ours, never with a
 * campaign's or a channel's name.
 */
final class ReportSentences {

    /** How many changes the sentences name, biggest first. */
    static final int CHANGES = 3;

    private ReportSentences() {
    }

    /** A figure worth a sentence: its label in a sentence, its cell now and its figure. */
    private record Candidate(String label, ReportCell now, Figure figure) {
    }

    static List<String> of(CampaignDashboard dashboard, DashboardWords words, ReportSections sections) {
        List<String> sentences = new ArrayList<>();
        var totals = dashboard.totals();
        boolean empty = dashboard.trend().stream().allMatch(d -> d.values().isEmpty());
        String range = words.day(dashboard.from()) + " to " + words.day(dashboard.to());
        if (empty) {
            sentences.add("No numbers for " + range + " yet.");
        } else {
            sentences.add("From " + range + " the campaign had " + words.number(totals.impressions().value())
                    + " impressions, " + words.number(totals.clicks().value()) + " clicks and "
                    + words.number(totals.conversions().value()) + " conversions.");
            for (MoneyKpis money : totals.money()) {
                if (money.spend().value().signum() != 0 || money.revenue().value().signum() != 0) {
                    sentences.add("Spend in " + money.currency() + " came to "
                            + words.money(money.spend().value(), money.currency()) + " and revenue to "
                            + words.money(money.revenue().value(), money.currency()) + ".");
                }
            }
        }

        List<Candidate> candidates = new ArrayList<>();
        for (ReportSections.Named named : ReportSections.COUNTS) {
            Figure figure = named.figure().apply(totals);
            candidates.add(new Candidate(plain(named.label()), sections.cell(named.type(), figure.value(), null),
                    figure));
        }
        for (MoneyKpis money : totals.money()) {
            for (ReportSections.NamedMoney named : ReportSections.MONEY) {
                Figure figure = named.figure().apply(money);
                candidates.add(new Candidate(plain(named.label()) + " in " + money.currency(),
                        sections.cell(named.type(), figure.value(), money.currency()), figure));
            }
        }
        candidates.stream()
                .filter(c -> c.figure().changePercent() != null && c.figure().changePercent().signum() != 0)
                .sorted(Comparator.comparing((Candidate c) -> c.figure().changePercent().abs()).reversed())
                .limit(CHANGES)
                .forEach(c -> sentences.add(c.label() + (c.figure().changePercent().signum() > 0 ? " rose to "
                        : " fell to ") + c.now().text() + ", " + lowerFirst(words.change(c.figure())) + "."));
        if (!empty && candidates.stream().allMatch(c -> c.figure().changePercent() == null)) {
            sentences.add(words.change(totals.clicks()) + ".");
        }

        List<ChannelKpis> ranked = sections.ranked();
        if (!ranked.isEmpty()) {
            ChannelKpis top = ranked.get(0);
            boolean byConversions = top.kpis().conversions().value().signum() > 0;
            BigDecimal its = byConversions ? top.kpis().conversions().value() : top.kpis().clicks().value();
            BigDecimal all = byConversions ? totals.conversions().value() : totals.clicks().value();
            if (its.signum() > 0) {
                sentences.add("Most " + (byConversions ? "conversions" : "clicks") + " came from " + top.channel()
                        + ": " + words.number(its) + " of " + words.number(all) + ".");
            }
        }
        return sentences;
    }

    /** "Click rate (%)" as a sentence names it: "Click rate". */
    private static String plain(String label) {
        return label.replace(" (%)", "").replace(" (×)", "");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
