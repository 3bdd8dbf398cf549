package io.flightdeck.shared.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A member's role in a workspace. Roles nest: an OWNER has every right of an ADMIN, who has a MANAGER's, and so on;
 * an APPROVER reads everything and approves what is routed to them. Endpoints check with
 * {@code @PreAuthorize("hasRole('MANAGER')")}, which the nested authorities make true for OWNER and ADMIN too.
 */
public enum Role {
    VIEWER("Viewer", "Reads everything, changes nothing"),
    APPROVER("Approver", "Reads everything; approves, rejects and comments on what is routed to them"),
    CONTRIBUTOR("Contributor", "Creates and edits strategies, content, assets, tasks, posts and emails"),
    MANAGER("Manager", "Creates and runs campaigns, budgets and approval stages; assigns work"),
    ADMIN("Admin", "Manages members, roles, API keys, settings and integrations"),
    OWNER("Owner", "Everything, including deleting the workspace and transferring ownership");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The roles whose rights this role has, itself included. */
    public Set<Role> implied() {
        return switch (this) {
            case OWNER -> EnumSet.allOf(Role.class);
            case ADMIN -> EnumSet.of(ADMIN, MANAGER, CONTRIBUTOR, VIEWER);
            case MANAGER -> EnumSet.of(MANAGER, CONTRIBUTOR, VIEWER);
            case CONTRIBUTOR -> EnumSet.of(CONTRIBUTOR, VIEWER);
            case APPROVER -> EnumSet.of(APPROVER, VIEWER);
            case VIEWER -> EnumSet.of(VIEWER);
        };
    }

    public boolean includes(Role other) {
        return implied().contains(other);
    }

    /**
     * The role an API key acts with: the member's role, capped by the key's ceiling. Where neither includes the other
     * (APPROVER against CONTRIBUTOR) only what both share remains: VIEWER.
     */
    public Role cappedBy(Role ceiling) {
        if (ceiling.includes(this)) {
            return this;
        }
        if (this.includes(ceiling)) {
            return ceiling;
        }
        return VIEWER;
    }

    public List<GrantedAuthority> authorities() {
        return implied().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }
}
