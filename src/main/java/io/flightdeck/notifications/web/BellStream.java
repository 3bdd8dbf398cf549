package io.flightdeck.notifications.web;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import io.flightdeck.notifications.domain.Inbox;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.live.LiveStreams;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The bell's live count, as server-sent events, on whichever node the browser is connected to. A notification written
 * or marked on any node is signalled on {@link Inbox#CHANNEL} with its workspace; this node's open bells of that
 * workspace then read their own member's unseen count and send it when it changed. The count is read from the table,
 * so a missed signal only delays the bell until the next one (or the next page).
 */
@Component
class BellStream {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** One open bell; once listed, its count is touched only on the sender thread. */
    private static final class Bell extends LiveStreams.Subscriber {
        final UUID memberId;
        long shown = -1;

        Bell(UUID workspaceId, UUID memberId, SseEmitter emitter) {
            super(workspaceId, emitter);
            this.memberId = memberId;
        }

        /** Sends the count when it changed. */
        void show(long count) throws IOException {
            if (count != shown) {
                send(SseEmitter.event().name("unseen").data(count));
                shown = count;
            }
        }
    }

    private final Inbox inbox;
    private final LiveStreams<Bell> bells;

    BellStream(Inbox inbox, LiveSignals live) {
        this.inbox = inbox;
        this.bells = new LiveStreams<>("bell-stream", Inbox.CHANNEL, live,
                bell -> bell.show(TenantScope.call(bell.workspaceId(), () -> inbox.unseenCountOf(bell.memberId))));
    }

    /**
     * Opens the signed-in member's bell. The first event, the count as it is now, is read on the request's own thread,
     * so it goes out with the stream's headers whatever the sender thread is busy with.
     */
    SseEmitter open() throws IOException {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Bell bell = new Bell(TenantScope.require(), CurrentActor.require().userId(), emitter);
        bell.show(inbox.unseenCountOf(bell.memberId));
        bells.open(bell); // and looks again: a signal between the read and the listing would otherwise be missed
        return emitter;
    }

    @PreDestroy
    void stop() {
        bells.stop();
    }
}
