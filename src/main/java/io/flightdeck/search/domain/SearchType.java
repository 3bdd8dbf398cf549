package io.flightdeck.search.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.flightdeck.shared.security.Role;

/**
 * The kinds of item the search box finds, as {@code searchType} holds them, each with the least role that may open
 * it. A kind a role may not open is filtered out in the query itself, so neither hits nor facet counts show it. Today
 * every member may read every kind (the read endpoints of all of them carry no role check), so each is VIEWER;
 * raising one here is all it takes to hide it.
 */
public enum SearchType {
    CAMPAIGN("campaign", "Campaign", Role.VIEWER),
    TASK("task", "Task", Role.VIEWER),
    CREATIVE("creative", "Creative", Role.VIEWER),
    POST("post", "Post", Role.VIEWER),
    EMAIL_CAMPAIGN("email-campaign", "Email campaign", Role.VIEWER),
    CONTACT("contact", "Contact", Role.VIEWER),
    COMMENT("comment", "Comment", Role.VIEWER),
    ASSET("asset", "Asset", Role.VIEWER),
    TEMPLATE("template", "Template", Role.VIEWER);

    private final String key;
    private final String label;
    private final Role minimumRole;

    SearchType(String key, String label, Role minimumRole) {
        this.key = key;
        this.label = label;
        this.minimumRole = minimumRole;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean visibleTo(Role role) {
        return role.includes(minimumRole);
    }

    public static Optional<SearchType> of(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.key.equals(wanted)).findFirst();
    }

    /** The keys a role may not see. */
    static List<String> hiddenFrom(Role role) {
        return Arrays.stream(values()).filter(type -> !type.visibleTo(role)).map(SearchType::key).toList();
    }

    static String labelOf(String key) {
        return of(key).map(SearchType::label).orElse(key);
    }
}
