package io.flightdeck.email.web;

import java.util.ArrayList;
import java.util.List;

import io.flightdeck.email.segments.SegmentCondition;
import io.flightdeck.email.segments.SegmentField;
import io.flightdeck.email.segments.SegmentOperator;
import io.flightdeck.email.segments.SegmentRules;
import io.flightdeck.email.segments.SegmentView;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The segment editor's form: a name, a description, ALL or ANY, and condition rows (each a field, an operator, an
 * attribute's name and a value, posted as repeated parameters in row order). Read from the request's parameter arrays
 * rather than bound, because binding one value to a list splits it at its commas (a value of 1,000 would become two).
 */
record SegmentForm(String name, String description, String match, List<Row> rows) {

    /** At most this many rows; the rules refuse more anyway, and the page should not grow without end. */
    static final int MAX_ROWS = SegmentRules.MAX_CONDITIONS;

    /** One condition row as typed; the field and the operator fall back to the first that fits. */
    public record Row(String field, String operator, String key, String value) {

        public SegmentField fieldChoice() {
            SegmentField chosen = SegmentField.byWire(field);
            return chosen == null ? SegmentField.ATTRIBUTE : chosen;
        }

        public SegmentOperator operatorChoice() {
            SegmentOperator chosen = SegmentOperator.byWire(operator);
            return chosen != null && fieldChoice().operators().contains(chosen) ? chosen
                    : fieldChoice().operators().get(0);
        }

        /** The kind of input the value takes: none, text, number, date, days, status, list. */
        public String input() {
            SegmentOperator.Value kind = operatorChoice().value();
            if (kind != SegmentOperator.Value.CHOICE) {
                return kind.name().toLowerCase(java.util.Locale.ROOT);
            }
            return switch (fieldChoice()) {
                case STATUS -> "status";
                case LIST -> "list";
                default -> "text";
            };
        }

        SegmentCondition condition() {
            return new SegmentCondition(field, operator, key, value);
        }

        static Row of(SegmentCondition condition) {
            return new Row(condition.field(), condition.operator(), condition.key(), condition.value());
        }
    }

    public static SegmentForm empty() {
        return new SegmentForm("", "", "ALL", List.of(new Row("attribute", "equals", "", "")));
    }

    static SegmentForm of(SegmentView segment) {
        return new SegmentForm(segment.name(), segment.description() == null ? "" : segment.description(),
                segment.rules().match().name(), segment.rules().conditions().stream().map(Row::of).toList());
    }

    static SegmentForm from(HttpServletRequest request) {
        String[] fields = values(request, "field");
        String[] operators = values(request, "operator");
        String[] keys = values(request, "key");
        String[] conditionValues = values(request, "value");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(fields.length, MAX_ROWS + 1); i++) {
            rows.add(new Row(fields[i], at(operators, i), at(keys, i), at(conditionValues, i)));
        }
        return new SegmentForm(text(request.getParameter("name")), text(request.getParameter("description")),
                "ANY".equals(request.getParameter("match")) ? "ANY" : "ALL", rows);
    }

    SegmentRules rules() {
        return new SegmentRules(SegmentRules.Match.valueOf(match), rows.stream().map(Row::condition).toList());
    }

    /** The same form with a new row at the end, or without the row at {@code index}. */
    SegmentForm withRowAdded() {
        List<Row> more = new ArrayList<>(rows);
        if (more.size() < MAX_ROWS) {
            more.add(new Row("attribute", "equals", "", ""));
        }
        return new SegmentForm(name, description, match, more);
    }

    SegmentForm withoutRow(int index) {
        List<Row> fewer = new ArrayList<>(rows);
        if (index >= 0 && index < fewer.size()) {
            fewer.remove(index);
        }
        return new SegmentForm(name, description, match, fewer);
    }

    /** Rows whose field changed take that field's first operator, so the next inputs fit. */
    SegmentForm settled() {
        return new SegmentForm(name, description, match, rows.stream().map(r -> new Row(r.fieldChoice().wire(),
                r.operatorChoice().wire(), r.key(), r.value())).toList());
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : "";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
