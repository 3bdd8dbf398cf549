package io.flightdeck.approvals.web;

import io.flightdeck.approvals.domain.DeadlineSettings;

/** Hours per urgency; boxed so an empty field is an error message, not a binding failure page. */
record DeadlineForm(Integer urgentHours, Integer highHours, Integer normalHours, Integer lowHours) {

    static DeadlineForm of(DeadlineSettings d) {
        return new DeadlineForm(d.urgentHours(), d.highHours(), d.normalHours(), d.lowHours());
    }

    /** By field name, as the page shows them (the same shape as the posted parameters). */
    java.util.Map<String, Object> values() {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("urgentHours", urgentHours);
        values.put("highHours", highHours);
        values.put("normalHours", normalHours);
        values.put("lowHours", lowHours);
        return values;
    }

    /** A missing value becomes 0, which the service refuses with the field's name. */
    DeadlineSettings toSettings() {
        return new DeadlineSettings(orZero(urgentHours), orZero(highHours), orZero(normalHours), orZero(lowHours));
    }

    private static int orZero(Integer hours) {
        return hours == null ? 0 : hours;
    }
}
