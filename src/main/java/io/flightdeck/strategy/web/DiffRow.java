package io.flightdeck.strategy.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.strategy.domain.AdObjective;
import io.flightdeck.strategy.domain.FieldComparison;

/**
 * One row of the side-by-side diff as people read it: platform and objective labels instead of names, list items
 * marked when only one side has them.
 */
record DiffRow(String label, boolean changed, boolean list, String before, String after, List<Item> beforeItems,
        List<Item> afterItems) {

    record Item(String text, boolean marked) {
    }

    static DiffRow of(FieldComparison c) {
        if (c.added() == null) {
            return new DiffRow(c.label(), c.changed(), false, text(c.field(), c.before()), text(c.field(), c.after()),
                    List.of(), List.of());
        }
        return new DiffRow(c.label(), c.changed(), true, null, null, items(c.before(), c.removed()),
                items(c.after(), c.added()));
    }

    private static String text(String field, Object value) {
        if (value == null) {
            return null;
        }
        return "adsConfig.objective".equals(field) ? AdObjective.valueOf(value.toString()).label() : value.toString();
    }

    /** List items, or budget split entries, each marked when the other side lacks it. */
    private static List<Item> items(Object value, List<String> marked) {
        List<Item> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> items.add(new Item(readable(item.toString()), marked.contains(item.toString()))));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((platform, percent) -> items.add(new Item(readable(platform.toString()) + " " + percent + "%",
                    marked.contains(platform + "=" + percent))));
        }
        return items;
    }

    /** A platform's label for its name; any other item as written. */
    private static String readable(String item) {
        return Arrays.stream(Channel.values()).filter(c -> c.name().equals(item)).map(Channel::label).findFirst().orElse(item);
    }
}
