package io.flightdeck.shared.web;

import io.flightdeck.shared.security.Role;

/**
 * A section of the home page ("what needs me") another module adds. The home page belongs to identity, which may
 * depend on no other module, so each module declares its sections as beans and serves their fragments from its own
 * controller; the page loads each with {@code hx-get} and reloads it after any action ({@code fd:changed}).
 *
 * @param key         the section's element id, e.g. {@code approvals-waiting}
 * @param title       the heading shown while it loads
 * @param path        the fragment's path, answered for the signed-in member
 * @param order       position among the sections; lower comes first
 * @param minimumRole the least role that sees the section
 */
public record HomeSection(String key, String title, String path, int order, Role minimumRole) {
}
