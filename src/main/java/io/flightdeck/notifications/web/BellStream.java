package io.flightdeck.notifications.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.flightdeck.notifications.domain.Inbox;
import io.flightdeck.shared.live.LiveListener;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The bell's live count, as server-sent events, on whichever node the browser is connected to. A notification written
 * or marked on any node is signalled on {@link Inbox#CHANNEL} with its workspace; this node's open bells of that
 * workspace then read their own member's unseen count and send it when it changed. The count is read from the table,
 * so a missed signal only delays the bell until the next one (or the next page).
 */
@Component
class BellStream implements LiveListener {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(BellStream.class);

    /** One open bell; once it is listed, its count is touched only on the sender thread. */
    private static final class Bell {
        final UUID workspaceId;
        final UUID memberId;
        final SseEmitter emitter;
        long shown = -1;

        Bell(UUID workspaceId, UUID memberId, SseEmitter emitter) {
            this.workspaceId = workspaceId;
            this.memberId = memberId;
            this.emitter = emitter;
        }
    }

    private final Inbox inbox;
    private final List<Bell> bells = new CopyOnWriteArrayList<>();
    /** Workspaces signalled since the sender last looked. */
    private final Set<UUID> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bell-stream");
        t.setDaemon(true);
        return t;
    });

    BellStream(Inbox inbox, LiveSignals live) {
        this.inbox = inbox;
        live.subscribe(Inbox.CHANNEL, this);
        sender.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the signed-in member's bell. The first event, the count as it is now, is read on the request's own thread,
     * so it goes out with the stream's headers whatever the sender thread is busy with.
     */
    SseEmitter open() throws IOException {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Bell bell = new Bell(TenantScope.require(), CurrentActor.require().userId(), emitter);
        long count = inbox.unseenCountOf(bell.memberId);
        emitter.send(SseEmitter.event().name("unseen").data(count));
        bell.shown = count;
        emitter.onCompletion(() -> bells.remove(bell));
        emitter.onTimeout(() -> bells.remove(bell));
        emitter.onError(e -> bells.remove(bell));
        bells.add(bell);
        look(bell.workspaceId); // a signal between the read and the add would otherwise be missed
        return emitter;
    }

    @Override
    public void signalled(String workspaceId) {
        look(UUID.fromString(workspaceId));
    }

    @Override
    public void resync() {
        bells.forEach(b -> look(b.workspaceId));
    }

    private void look(UUID workspaceId) {
        changed.add(workspaceId);
        sender.execute(this::sendCounts);
    }

    private void sendCounts() {
        for (Iterator<UUID> it = changed.iterator(); it.hasNext(); ) {
            UUID workspaceId = it.next();
            it.remove(); // before reading: a signal that comes meanwhile makes the next look read again
            for (Bell bell : bells) {
                if (bell.workspaceId.equals(workspaceId)) {
                    send(bell);
                }
            }
        }
    }

    private void send(Bell bell) {
        try {
            long count = TenantScope.call(bell.workspaceId, () -> inbox.unseenCountOf(bell.memberId));
            if (count != bell.shown) {
                bell.emitter.send(SseEmitter.event().name("unseen").data(count));
                bell.shown = count;
            }
        } catch (IOException | IllegalStateException e) {
            bells.remove(bell); // the browser went away
        } catch (RuntimeException e) {
            log.warn("Could not update a bell in workspace {}: {}", bell.workspaceId, e.toString());
        }
    }

    private void keepAlive() {
        for (Bell bell : bells) {
            try {
                bell.emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                bells.remove(bell);
            }
        }
    }
}
