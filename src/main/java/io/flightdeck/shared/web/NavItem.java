package io.flightdeck.shared.web;

import io.flightdeck.shared.security.Role;

/**
 * An entry of the left navigation; {@code icon} names one of the icons in {@code templates/layout/icons.html}. Each module declares its own as a bean, so the navigation shows only what exists
 * and only to roles that may use it.
 */
public record NavItem(String label, String path, String icon, int order, Role minimumRole) {
}
