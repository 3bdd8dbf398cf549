package io.flightdeck.analytics.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.dashboards.Movements.Contribution;
import io.flightdeck.campaigns.Channel;

/**
 * How a movement is said: each part's change (+30 and new, or −5 and −50.0 %), and a summary that names the parts that made
 * most of the change and any that went the other way, so a person reads why without adding numbers up.
 */
final class MovementWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Parts named in the summary: those that make this much of the change, at most {@link #NAMED}. */
    private static final BigDecimal MOST = new BigDecimal("0.8");
    private static final int NAMED = 3;

    /** A part before it is said: its key (a channel, or {@code type:id}), label and page when known, now and before. */
    record Part(String key, String label, String path, BigDecimal value, BigDecimal previous) {

        BigDecimal change() {
            return value.subtract(previous);
        }
    }

    private final Metric metric;
    private final String currency;

    MovementWords(Metric metric, String currency) {
        this.metric = metric;
        this.currency = currency;
    }

    List<Contribution> contributions(List<Part> parts) {
        List<Contribution> said = new ArrayList<>();
        for (Part p : parts) {
            said.add(new Contribution(p.key(), label(p), p.path(), Kpis.plain(p.value()), Kpis.plain(p.previous()),
                    Kpis.plain(p.change()), percent(p.value(), p.previous()), change(p.value(), p.previous())));
        }
        return said;
    }

    String summary(BigDecimal now, BigDecimal before, List<Contribution> channels, LocalDate from, LocalDate to,
            LocalDate previousFrom, LocalDate previousTo) {
        String name = name();
        String periods = " between " + range(previousFrom, previousTo) + " and " + range(from, to);
        int direction = now.compareTo(before);
        if (direction == 0) {
            return now.signum() == 0 ? "No " + name.toLowerCase(Locale.ENGLISH) + " in either period" + periods + "."
                    : name + " stayed at " + amount(now) + periods + ".";
        }
        BigDecimal total = now.subtract(before);
        StringBuilder s = new StringBuilder(name).append(direction > 0 ? " rose" : " fell").append(" from ")
                .append(amount(before)).append(" to ").append(amount(now)).append(" (").append(change(now, before))
                .append(")").append(periods).append(".");
        // the rise (or fall) is every part that moved that way, whatever the others did: name the largest of them
        BigDecimal gross = BigDecimal.ZERO;
        for (Contribution c : channels) {
            if (c.change().signum() == total.signum()) {
                gross = gross.add(c.change().abs());
            }
        }
        List<String> with = new ArrayList<>();
        List<String> against = new ArrayList<>();
        BigDecimal covered = BigDecimal.ZERO;
        for (Contribution c : channels) {
            int sign = c.change().signum();
            if (sign == total.signum() && with.size() < NAMED && covered.compareTo(gross.multiply(MOST)) < 0) {
                with.add(c.label() + " (" + c.words() + ")");
                covered = covered.add(c.change().abs());
            } else if (sign == -total.signum() && c.change().abs().multiply(BigDecimal.TEN).compareTo(total.abs()) >= 0) {
                against.add(c.label() + " (" + c.words() + ")");
            }
        }
        if (!with.isEmpty()) {
            s.append(covered.compareTo(gross) >= 0 ? " All of the " : " Most of the ")
                    .append(direction > 0 ? "rise" : "fall").append(" came from ").append(join(with));
            s.append(against.isEmpty() ? "." : ", while " + join(against) + " went the other way.");
        }
        return s.toString();
    }

    /** A change as +30 with new (nothing before) or its per cent, or no change. */
    String change(BigDecimal now, BigDecimal before) {
        BigDecimal change = now.subtract(before);
        if (change.signum() == 0) {
            return "no change";
        }
        String amount = (change.signum() > 0 ? "+" : "−") + amount(change.abs());
        BigDecimal percent = percent(now, before);
        return amount + ", " + (percent == null ? "new"
                : (percent.signum() > 0 ? "+" : "−") + format("#,##0.0", percent.abs()) + " %");
    }

    static BigDecimal percent(BigDecimal now, BigDecimal before) {
        return before.signum() == 0 ? null
                : now.subtract(before).multiply(HUNDRED).divide(before.abs(), 1, RoundingMode.HALF_UP);
    }

    private String amount(BigDecimal value) {
        return metric.money() ? currency + " " + format("#,##0.00", value) : format("#,##0.##", value);
    }

    private String name() {
        String lower = metric.name().toLowerCase(Locale.ENGLISH).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1) + (metric.money() ? " in " + currency : "");
    }

    private static String label(Part p) {
        if (p.label() != null) {
            return p.label();
        }
        if (p.key().isEmpty()) {
            return "No channel";
        }
        if (p.key().contains(":")) {
            return p.key().replace(":", " ");
        }
        try {
            return Channel.valueOf(p.key()).label();
        } catch (IllegalArgumentException notOurs) {
            return p.key();
        }
    }

    private static String range(LocalDate from, LocalDate to) {
        return from.equals(to) ? DAY.format(from) : DAY.format(from) + " to " + DAY.format(to);
    }

    private static String join(List<String> parts) {
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String format(String pattern, BigDecimal value) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value);
    }
}
