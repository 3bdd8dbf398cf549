package io.flightdeck.strategy.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Two versions field by field, in form order; lists also say which items came and went. */
final class StrategyDiff {

    private StrategyDiff() {
    }

    /** Only the fields that differ, as the API answers them. */
    static List<FieldChange> between(StrategyDetails older, StrategyDetails newer) {
        return compare(older, newer).stream().filter(FieldComparison::changed).map(FieldComparison::change).toList();
    }

    /** Every field, changed or not, for a side-by-side view. */
    static List<FieldComparison> compare(StrategyDetails older, StrategyDetails newer) {
        List<FieldComparison> rows = new ArrayList<>();
        for (StrategyField field : StrategyField.all()) {
            Object before = blankToNull(field.valueOf(older));
            Object after = blankToNull(field.valueOf(newer));
            boolean changed = !Objects.equals(before, after);
            if (before instanceof List<?> || after instanceof List<?>) {
                List<String> from = strings(before);
                List<String> to = strings(after);
                rows.add(new FieldComparison(field.key(), field.label(), from, to, changed, minus(to, from), minus(from, to)));
            } else if (before instanceof Map<?, ?> || after instanceof Map<?, ?>) {
                List<String> from = entries(before);
                List<String> to = entries(after);
                rows.add(new FieldComparison(field.key(), field.label(), before, after, changed, minus(to, from),
                        minus(from, to)));
            } else {
                rows.add(new FieldComparison(field.key(), field.label(), before, after, changed, null, null));
            }
        }
        return rows;
    }

    private static Object blankToNull(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    /** A budget split as {@code PLATFORM=percent} items, so a changed share reads as one removed and one added. */
    private static List<String> entries(Object value) {
        return value == null ? List.of()
                : ((Map<?, ?>) value).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<String> minus(List<String> items, List<String> others) {
        Set<String> result = new LinkedHashSet<>(items);
        result.removeAll(new LinkedHashSet<>(others));
        return List.copyOf(result);
    }
}
