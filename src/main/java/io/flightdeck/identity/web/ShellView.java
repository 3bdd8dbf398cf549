package io.flightdeck.identity.web;

import java.util.List;

import io.flightdeck.identity.domain.WorkspaceChoice;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.Role;

/** What the page shell shows of the signed-in member: name, workspace, and the workspaces to switch to. */
record ShellView(String displayName, String email, String initials, Role role, WorkspaceChoice workspace,
        List<WorkspaceChoice> workspaces) {

    static ShellView of(Actor actor, List<WorkspaceChoice> choices) {
        WorkspaceChoice current = choices.stream().filter(c -> c.workspaceId().equals(actor.workspaceId())).findFirst()
                .orElse(new WorkspaceChoice(actor.workspaceId(), "Workspace", "", actor.role()));
        return new ShellView(actor.displayName(), actor.email(), initials(actor.displayName()), actor.role(), current, choices);
    }

    private static String initials(String name) {
        String[] parts = name.trim().split("\\s+");
        String first = parts[0].isEmpty() ? "?" : parts[0].substring(0, 1);
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase();
    }
}
