package io.flightdeck.strategy.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.strategy.AdObjective;
import io.flightdeck.strategy.StrategyDiffRow;
import io.flightdeck.strategy.StrategyDiffRow.DiffItem;

/** Turns the diff's comparisons into rows people read; the diff page and the approval pages show the same rows. */
public final class ReadableDiff {

    private ReadableDiff() {
    }

    public static StrategyDiffRow row(FieldComparison c) {
        if (c.added() == null) {
            return new StrategyDiffRow(c.label(), c.changed(), false, text(c.field(), c.before()),
                    text(c.field(), c.after()), List.of(), List.of());
        }
        return new StrategyDiffRow(c.label(), c.changed(), true, null, null, items(c.before(), c.removed()),
                items(c.after(), c.added()));
    }

    private static String text(String field, Object value) {
        if (value == null) {
            return null;
        }
        return "adsConfig.objective".equals(field) ? AdObjective.valueOf(value.toString()).label() : value.toString();
    }

    /** List items, or budget split entries, each marked when the other side lacks it. */
    private static List<DiffItem> items(Object value, List<String> marked) {
        List<DiffItem> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> items.add(new DiffItem(readable(item.toString()), marked.contains(item.toString()))));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((platform, percent) -> items.add(new DiffItem(readable(platform.toString()) + " " + percent + "%",
                    marked.contains(platform + "=" + percent))));
        }
        return items;
    }

    /** A platform's label for its name; any other item as written. */
    private static String readable(String item) {
        return Arrays.stream(Channel.values()).filter(c -> c.name().equals(item)).map(Channel::label).findFirst().orElse(item);
    }
}
