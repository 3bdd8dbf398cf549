package io.flightdeck.shared.web;

/**
 * The groups of the left navigation, in the order shown. Settings are one entry there, leading to the settings page,
 * which lists every settings item with what it is for; modules still to come add to a group rather than to a flat list.
 */
public enum NavGroup {
    WORK("Work"),
    CONTENT("Content"),
    PUBLISHING("Publishing"),
    TEAM("Team"),
    SETTINGS("Settings");

    private final String label;

    NavGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
