package io.flightdeck.notifications.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.ops.AlertOpened;
import io.flightdeck.ops.AlertResolved;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A system alert opened: the workspace's admins and owners hear it once, in the app, by email, in Slack where they
 * linked themselves and at the webhooks that take {@code alert.opened}; a critical one is urgent (it passes quiet
 * hours). Resolved: the opening notifications are settled, and {@code alert.resolved} tells the rest.
 */
@Component
class AlertTriggers {

    static final String SUBJECT = "system-alert";
    private static final String PAGE = "/settings/system";

    private final Notifier notifier;
    private final OncePerEvent once;
    private final MemberDirectory members;

    AlertTriggers(Notifier notifier, OncePerEvent once, MemberDirectory members) {
        this.notifier = notifier;
        this.once = once;
        this.members = members;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AlertOpened event) {
        NotificationDraft draft = NotificationDraft.of("alert-opened:" + event.alertId(), NotificationTrigger.ALERT_OPENED,
                severityWord(event.severity()) + " alert: " + event.ruleName(), PAGE, null, SUBJECT, event.alertId(),
                null, null).withBody(event.message());
        NotificationDraft sent = event.severity().equals("CRITICAL") ? draft.withPriority(NotificationPriority.URGENT)
                : draft;
        TenantScope.run(event.workspaceId(), () -> once.run(() -> notifier.notify(sent, admins())));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AlertResolved event) {
        String words = event.resolvedBy() == null ? "Resolved: the condition cleared." : "Resolved by an admin.";
        NotificationDraft draft = NotificationDraft.of("alert-resolved:" + event.alertId(),
                NotificationTrigger.ALERT_RESOLVED, "Alert resolved: " + event.ruleName(), PAGE, null, SUBJECT,
                event.alertId(), null, event.resolvedBy()).withBody(words);
        TenantScope.run(event.workspaceId(), () -> {
            notifier.settle(SUBJECT, event.alertId(), NotificationTrigger.ALERT_OPENED, words);
            once.run(() -> notifier.notify(draft, admins()));
        });
    }

    private static String severityWord(String severity) {
        return switch (severity) {
            case "CRITICAL" -> "Critical";
            case "WARNING" -> "Warning";
            default -> "Information";
        };
    }

    /** Who sees to the system, each told why they hear of it. */
    private Map<UUID, String> admins() {
        Map<UUID, String> reasons = new HashMap<>();
        for (MemberSummary member : members.members()) {
            if (member.role().includes(Role.ADMIN)) {
                reasons.put(member.userId(), "You are an admin of this workspace: you see to its system alerts.");
            }
        }
        return reasons;
    }
}
