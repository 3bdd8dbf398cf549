package io.flightdeck.notifications.domain;

import java.util.List;

import io.flightdeck.publishing.ChannelAccountTrouble;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * A network account's permission ends soon and cannot be renewed, or it ended or was refused: whoever connected it
 * hears it, with the reason and a link to the channels, since only a person can connect it again.
 */
@Component
class ChannelTriggers {

    private final Notifier notifier;
    private final OncePerEvent once;

    ChannelTriggers(Notifier notifier, OncePerEvent once) {
        this.notifier = notifier;
        this.once = once;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ChannelAccountTrouble event) {
        if (event.connectedBy() == null) {
            return;
        }
        boolean broken = event.health().equals("BROKEN");
        String title = event.channel().label() + " account " + event.displayName()
                + (broken ? " can no longer post" : " needs connecting again soon");
        NotificationDraft draft = NotificationDraft.of("channel-" + event.health().toLowerCase() + ":"
                        + event.accountId() + ":" + event.at().toEpochMilli(),
                broken ? NotificationTrigger.CHANNEL_BROKEN : NotificationTrigger.CHANNEL_EXPIRING, title, "/channels",
                "You connected this account.", "channel-account", event.accountId(), null, null)
                .withBody(event.reason());
        TenantScope.run(event.workspaceId(), () -> once.run(() -> notifier.notify(draft, List.of(event.connectedBy()))));
    }
}
