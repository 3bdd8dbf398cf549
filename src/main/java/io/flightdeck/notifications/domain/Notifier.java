package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a notification in its recipients' inboxes, in the current workspace. Never to the person who caused it, never
 * twice to one recipient for one event (a listener retried by the publication registry writes nothing new), and
 * every open bell of the workspace hears of it on whichever node it is connected to.
 */
@Service
class Notifier {

    private final NotificationRepository notifications;
    private final MemberDirectory members;
    private final LiveSignals live;
    private final Clock clock;

    Notifier(NotificationRepository notifications, MemberDirectory members, LiveSignals live, Clock clock) {
        this.notifications = notifications;
        this.members = members;
        this.live = live;
        this.clock = clock;
    }

    /**
     * The number of notifications written: the actor, anyone who is not a member of the workspace and recipients who
     * already have this event get none.
     */
    @Transactional
    int notify(NotificationDraft draft, Collection<UUID> recipients) {
        UUID workspaceId = TenantScope.require();
        Set<UUID> to = new HashSet<>(recipients);
        to.remove(null);
        if (draft.actorId() != null) {
            to.remove(draft.actorId());
        }
        if (to.isEmpty()) {
            return 0;
        }
        to.retainAll(members.displayNames(to).keySet());
        if (to.isEmpty()) {
            return 0;
        }
        notifications.findRecipientsHaving(draft.eventKey(), to).forEach(to::remove);
        Instant now = clock.instant();
        List<Notification> rows = to.stream().sorted().map(recipient -> new Notification(recipient, draft, now)).toList();
        notifications.saveAll(rows);
        if (!rows.isEmpty()) {
            live.publish(Inbox.CHANNEL, workspaceId.toString());
        }
        return rows.size();
    }
}
