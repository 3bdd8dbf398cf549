package io.flightdeck.notifications.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.mcp.McpConnectionHealthChanged;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * An outside MCP server the workspace connected stopped answering, or refuses Flightdeck: the workspace's admins and
 * owners hear it once, with what went wrong and a link to the MCP servers page, since only they can mend a connection
 * (an admin who found it by checking by hand saw it already). When it answers again, the alarm is settled.
 */
@Component
class McpServerTriggers {

    static final String SUBJECT = "mcp-connection";

    private final Notifier notifier;
    private final OncePerEvent once;
    private final MemberDirectory members;

    McpServerTriggers(Notifier notifier, OncePerEvent once, MemberDirectory members) {
        this.notifier = notifier;
        this.once = once;
        this.members = members;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(McpConnectionHealthChanged event) {
        if (!event.health().equals("BROKEN")) {
            TenantScope.run(event.workspaceId(), () -> notifier.settle(SUBJECT, event.connectionId(),
                    NotificationTrigger.MCP_SERVER_BROKEN, "It answered again."));
            return;
        }
        NotificationDraft draft = NotificationDraft.of("mcp-server-broken:" + event.connectionId() + ":"
                        + event.at().toEpochMilli(), NotificationTrigger.MCP_SERVER_BROKEN,
                "MCP server " + event.name() + " is broken", "/settings/mcp-connections", null, SUBJECT,
                event.connectionId(), null, event.checkedBy()).withBody(event.error());
        TenantScope.run(event.workspaceId(), () -> once.run(() -> notifier.notify(draft, admins())));
    }

    /** Who may mend a connection, each told why they hear of it. */
    private Map<UUID, String> admins() {
        Map<UUID, String> reasons = new HashMap<>();
        for (MemberSummary member : members.members()) {
            if (member.role() == Role.OWNER) {
                reasons.put(member.userId(), "You own this workspace, and its MCP servers with it.");
            } else if (member.role().includes(Role.ADMIN)) {
                reasons.put(member.userId(), "You are an admin of this workspace: you manage its MCP servers.");
            }
        }
        return reasons;
    }
}
