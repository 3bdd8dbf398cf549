package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.Granularity;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InputProblems;
import io.flightdeck.shared.Money;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spend a manager enters by hand, per channel and period (an invoice, a platform with no export): kept as daily SPEND
 * facts of the source {@code entered}, one object per campaign and channel, the amount spread evenly over the days
 * with the cents that do not divide on the last. A day's fact is kept on its key, so entering the same channel and
 * days again replaces what was entered rather than adding to it. The rollups, and so the budget, take them in like any
 * source's. Each entry and removal is also kept as a {@link SpendEntry}, which the audit log records.
 */
@Service
public class EnteredSpend {

    static final String SOURCE = "entered";
    static final String OBJECT_TYPE = "channel-spend";
    /** The longest period one entry covers, and one removal. */
    public static final int MAX_DAYS = 366;
    /** Amounts stay below this: far beyond any campaign, well within what a fact holds. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final MetricFacts facts;
    private final CampaignDirectory campaigns;
    private final JdbcClient jdbc;
    private final SpendEntryRepository entries;

    EnteredSpend(MetricFacts facts, CampaignDirectory campaigns, JdbcClient jdbc, SpendEntryRepository entries) {
        this.facts = facts;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.entries = entries;
    }

    /** What was entered: the channel, the days it was spread over, and the amount in all. */
    public record SpendEntered(String channel, LocalDate from, LocalDate to, int days, BigDecimal amount,
            String currency) {
    }

    /** One day's entered spend of one channel. */
    public record EnteredSpendDay(String channel, LocalDate day, BigDecimal amount, String currency) {
    }

    /** Spreads {@code amount} over the days from {@code from} to {@code to}, both included, replacing what was there. */
    @Transactional
    public SpendEntered enter(UUID campaignId, String channel, LocalDate from, LocalDate to, BigDecimal amount,
            String currency) {
        requireCampaign(campaignId);
        check(channel, from, to, amount, currency);
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        long cents = amount.movePointRight(2).longValueExact();
        BigDecimal each = BigDecimal.valueOf(cents / days, 2);
        BigDecimal last = BigDecimal.valueOf(cents - cents / days * (days - 1), 2);
        List<MetricFact> written = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            written.add(new MetricFact(SOURCE, OBJECT_TYPE, objectId(campaignId, channel), campaignId, channel,
                    Metric.SPEND, Granularity.DAY, from.plusDays(i).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    i == days - 1 ? last : each, currency));
        }
        facts.upsert(written);
        entries.save(SpendEntry.entered(campaignId, channel, from, to, amount, currency));
        return new SpendEntered(channel, from, to, days, amount.setScale(2, RoundingMode.UNNECESSARY), currency);
    }

    /** Refuses an entry with every problem it has, writing nothing (a form checks what it could read). */
    public void check(String channel, LocalDate from, LocalDate to, BigDecimal amount, String currency) {
        InputProblems problems = new InputProblems();
        checkChannelAndDays(channel, from, to, problems);
        if (amount == null) {
            problems.add("amount", "Give the amount spent");
        } else if (amount.signum() < 0) {
            problems.add("amount", "An amount spent is 0 or more");
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            problems.add("amount", "An amount is below 1,000,000,000,000");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add("amount", "An amount has at most 2 decimals (cents)");
        }
        if (currency == null || currency.isBlank()) {
            problems.add("currency", "Give the currency (ISO 4217, such as EUR)");
        } else if (!currency.matches("[A-Z]{3}") || !Money.isCurrency(currency)) {
            problems.add("currency", "Not a currency: " + currency + " (three capital letters, ISO 4217, such as EUR)");
        }
        problems.throwIfAny("The spend");
    }

    /** Removes the channel's entered spend of the days from {@code from} to {@code to}, both included; answers how many. */
    @Transactional
    public int remove(UUID campaignId, String channel, LocalDate from, LocalDate to) {
        requireCampaign(campaignId);
        InputProblems problems = new InputProblems();
        checkChannelAndDays(channel, from, to, problems);
        problems.throwIfAny("The removal");
        int removed = facts.remove(SOURCE, OBJECT_TYPE, objectId(campaignId, channel), Metric.SPEND, Granularity.DAY,
                from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        if (removed > 0) {
            entries.save(SpendEntry.removed(campaignId, channel, from, to));
        }
        return removed;
    }

    /** The campaign's entered spend by channel and day, a page at a time; {@code channel} null for every channel. */
    @Transactional(readOnly = true)
    public PageResponse<EnteredSpendDay> list(UUID campaignId, String channel, int page, int size) {
        requireCampaign(campaignId);
        if (channel != null && !isChannel(channel)) {
            InputProblems problems = new InputProblems();
            problems.add("channel", notAChannel(channel));
            problems.throwIfAny("The list");
        }
        String where = " from analytics_facts where tenant_id = ? and source = ? and object_type = ?"
                + " and campaign_id = ? and metric = 'SPEND' and granularity = 'DAY'"
                + (channel == null ? "" : " and channel = ?");
        List<Object> params = new ArrayList<>(List.of(TenantScope.require(), SOURCE, OBJECT_TYPE, campaignId));
        if (channel != null) {
            params.add(channel);
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<EnteredSpendDay> items = jdbc.sql("select channel, period_start, fact_value, currency" + where
                + " order by channel, period_start offset " + (long) page * size + " rows fetch next " + size
                + " rows only").params(params)
                .query((r, i) -> new EnteredSpendDay(r.getString(1), r.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC)
                        .toLocalDate(), r.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP), r.getString(4)))
                .list();
        return new PageResponse<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    private void requireCampaign(UUID campaignId) {
        if (campaignId == null || campaigns.find(campaignId).isEmpty()) {
            throw new NotFoundException("Campaign");
        }
    }

    private static void checkChannelAndDays(String channel, LocalDate from, LocalDate to, InputProblems problems) {
        if (channel == null || channel.isBlank()) {
            problems.add("channel", "Give the channel (" + Arrays.toString(Channel.values()) + ")");
        } else if (!isChannel(channel)) {
            problems.add("channel", notAChannel(channel));
        }
        if (from == null) {
            problems.add("from", "Give the first day");
        }
        if (to == null) {
            problems.add("to", "Give the last day");
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add("to", "The last day comes before the first: " + from + " to " + to);
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                problems.add("to", "At most " + MAX_DAYS + " days at once; " + from + " to " + to + " is "
                        + (ChronoUnit.DAYS.between(from, to) + 1));
            }
        }
    }

    private static String objectId(UUID campaignId, String channel) {
        return campaignId + ":" + channel;
    }

    private static boolean isChannel(String name) {
        return Arrays.stream(Channel.values()).anyMatch(c -> c.name().equals(name));
    }

    private static String notAChannel(String name) {
        return "Not a channel: " + name + " (one of " + Arrays.toString(Channel.values()) + ")";
    }
}
