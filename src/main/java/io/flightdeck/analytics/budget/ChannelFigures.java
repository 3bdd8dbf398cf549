package io.flightdeck.analytics.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.Money;

/**
 * Each channel's row of the budget: the channels of the strategy's split in its order, then any other channel that
 * spent, earned or converted (by name), then the numbers that came without a channel. A channel's plan to date is its
 * share of the budget spread over the campaign's days like the whole; its efficiency is return on ad spend and cost
 * per acquisition, from its sums to date.
 */
final class ChannelFigures {

    private ChannelFigures() {
    }

    static List<ChannelBudget> rows(Map<String, Integer> split, SpendSums sums, Money budget, CampaignDays days) {
        Set<String> names = new LinkedHashSet<>(split.keySet());
        Set<String> others = new TreeSet<>(sums.channels.keySet());
        others.remove("");
        names.addAll(others);
        if (sums.channels.containsKey("")) {
            names.add("");
        }
        boolean money = budget != null;
        List<ChannelBudget> rows = new ArrayList<>();
        for (String name : names) {
            SpendSums.Channel channel = sums.channels.getOrDefault(name, new SpendSums.Channel());
            Integer percent = split.get(name);
            BigDecimal plannedAmount = money && percent != null
                    ? BudgetCalculation.cents(budget.amount().multiply(BigDecimal.valueOf(percent)), 100) : null;
            BigDecimal plannedToDate = plannedAmount == null || !days.dated() ? null
                    : BudgetCalculation.cents(budget.amount().multiply(BigDecimal.valueOf(percent))
                            .multiply(BigDecimal.valueOf(days.elapsed())), 100 * days.total());
            rows.add(new ChannelBudget(name, label(name), percent, plannedAmount, plannedToDate,
                    money ? channel.spent.setScale(2, RoundingMode.HALF_UP) : null,
                    money ? BudgetCalculation.percent(channel.spent, sums.spent) : null,
                    money ? BudgetCalculation.percent(channel.spent, plannedToDate) : null,
                    money ? channel.revenue.setScale(2, RoundingMode.HALF_UP) : null,
                    plain(channel.conversions),
                    money ? BudgetCalculation.ratio(channel.revenue, channel.spent) : null,
                    money ? BudgetCalculation.ratio(channel.spent, channel.conversions) : null));
        }
        return rows;
    }

    /** The channel's name for people: the campaign channel's label, "No channel", or the name as it came. */
    static String label(String name) {
        if (name.isEmpty()) {
            return "No channel";
        }
        for (Channel c : Channel.values()) {
            if (c.name().equals(name)) {
                return c.label();
            }
        }
        return name;
    }

    private static BigDecimal plain(BigDecimal count) {
        BigDecimal stripped = count.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
