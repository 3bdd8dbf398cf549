package io.flightdeck.planning.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.planning.settings.PlanningSettingsChange;
import io.flightdeck.planning.settings.PlanningSettingsView;

/**
 * The planning settings form as typed: text fields so that a bad number or date comes back beside its field instead of
 * a binding failure. Holidays are one ISO date per line (commas work too).
 */
record PlanningSettingsForm(String autoTimeline, String bufferUrgent, String bufferHigh, String bufferMedium,
        String bufferLow, String holidays) {

    static final List<String> BUFFERS = List.of("bufferUrgent", "bufferHigh", "bufferMedium", "bufferLow");

    static PlanningSettingsForm of(PlanningSettingsView v) {
        return new PlanningSettingsForm(String.valueOf(v.autoTimeline()), String.valueOf(v.bufferUrgent()),
                String.valueOf(v.bufferHigh()), String.valueOf(v.bufferMedium()), String.valueOf(v.bufferLow()),
                String.join("\n", v.holidays().stream().map(LocalDate::toString).toList()));
    }

    /** By field name, for the template. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bufferUrgent", bufferUrgent);
        values.put("bufferHigh", bufferHigh);
        values.put("bufferMedium", bufferMedium);
        values.put("bufferLow", bufferLow);
        return values;
    }

    public boolean autoTimelineOn() {
        return "true".equals(autoTimeline) || "on".equals(autoTimeline);
    }

    /**
     * The change; what it cannot read adds a message by field to {@code errors} and stands in as 0 (or is left out,
     * a holiday), so the service can still check the ranges of the rest.
     */
    PlanningSettingsChange toChange(Map<String, String> errors) {
        int[] pct = new int[4];
        for (int i = 0; i < 4; i++) {
            String raw = values().get(BUFFERS.get(i));
            try {
                pct[i] = Integer.parseInt(raw == null ? "" : raw.strip());
            } catch (NumberFormatException e) {
                errors.put(BUFFERS.get(i), "must be a whole number from 0 to 100");
            }
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String part : (holidays == null ? "" : holidays).split("[\\s,;]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(part.strip()));
            } catch (DateTimeParseException e) {
                errors.putIfAbsent("holidays", "'" + part.strip() + "' is not a date such as 2026-12-25");
            }
        }
        return new PlanningSettingsChange(autoTimelineOn(), pct[0], pct[1], pct[2], pct[3], dates);
    }
}
