package io.flightdeck.shared.web;

import io.flightdeck.shared.security.Role;

/**
 * An entry of the left navigation; {@code icon} names one of the icons in {@code templates/layout/icons.html}. Each
 * module declares its own as a bean, so the navigation shows only what exists and only to roles that may use it.
 *
 * @param group       where it sits; {@link NavGroup#SETTINGS} items are listed on the settings page instead
 * @param description what it is for, in a user's words: the settings page shows it under the label
 */
public record NavItem(String label, String path, String icon, int order, Role minimumRole, NavGroup group,
        String description) {

    public NavItem(String label, String path, String icon, int order, Role minimumRole, NavGroup group) {
        this(label, path, icon, order, minimumRole, group, null);
    }

    /** Whether a request for {@code path} is this item's page or one below it. */
    public boolean covers(String requested) {
        return requested != null && (requested.equals(path) || (!path.equals("/") && requested.startsWith(path + "/")));
    }
}
