package io.flightdeck.notifications.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flightdeck.notifications.domain.DeliveryMode;
import io.flightdeck.notifications.domain.NotificationCategory;
import io.flightdeck.notifications.domain.NotificationChannel;
import io.flightdeck.notifications.domain.PreferenceChange;
import io.flightdeck.notifications.domain.PreferenceSetting;
import io.flightdeck.shared.InvalidInputException;

/**
 * The preferences grid as a form: one select per category and channel, named {@code pref.<CATEGORY>.<CHANNEL>},
 * whose value is a mode or empty for “the default”. Shared by the member's page and the workspace defaults.
 */
final class PreferenceForms {

    private PreferenceForms() {
    }

    static String field(NotificationCategory category, NotificationChannel channel) {
        return "pref." + category.name() + "." + channel.name();
    }

    /** The changes a posted form asks for: every cell it names, set or back to the default. */
    static List<PreferenceChange> changes(Map<String, String> form) {
        List<PreferenceChange> changes = new ArrayList<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                String value = form.get(field(category, channel));
                if (value != null) {
                    changes.add(new PreferenceChange(category, channel, mode(field(category, channel), value)));
                }
            }
        }
        return changes;
    }

    static DeliveryMode mode(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryMode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be IMMEDIATE, DAILY, WEEKLY (email only), OFF or empty for the default");
        }
    }

    /** The grid as rows: one per category, its cells in channel order. */
    record Row(NotificationCategory category, List<PreferenceSetting> cells) {
    }

    static List<Row> rows(List<PreferenceSetting> grid) {
        List<Row> rows = new ArrayList<>();
        for (NotificationCategory category : NotificationCategory.values()) {
            rows.add(new Row(category, grid.stream().filter(s -> s.category() == category).toList()));
        }
        return rows;
    }
}
