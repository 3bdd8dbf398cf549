package io.flightdeck.rendering.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.flightdeck.rendering.jobs.RenderJobView;
import io.flightdeck.rendering.jobs.RenderJobs;
import io.flightdeck.rendering.jobs.RenderJobSignals;
import io.flightdeck.shared.live.LiveListener;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live job updates as server-sent events, on whichever node the browser is connected to. A job written on any node
 * is signalled on {@link RenderJobSignals#CHANNEL} with its workspace; this node's streams of that workspace
 * then read the jobs changed since what they last sent. The table carries the news, the signal only says when to
 * look, so a missed signal costs time, not a lost update. A browser that reconnects sends the last event id (a change
 * time) and carries on from there.
 */
@Component
class RenderStream implements LiveListener {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /**
     * Each read looks this far behind the last change sent: a job's change time is taken before its transaction
     * commits, on the clock of the node that wrote it, so a change can become visible after a later-stamped one.
     */
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RenderStream.class);

    /** What one row of a live list needs. */
    record JobUpdate(UUID id, UUID creativeId, String status, String statusLabel, Integer percent, String progressLabel,
            boolean ended) {

        static JobUpdate of(RenderJobView v) {
            return new JobUpdate(v.id(), v.creativeId(), v.status().name(), RenderDisplay.statusLabel(v),
                    v.progress().percent(), RenderDisplay.progressLabel(v), v.status().isTerminal());
        }
    }

    /** One open stream; touched only on the sender thread once opened. */
    private static final class Subscriber {
        final UUID workspaceId;
        final UUID creativeId;
        final SseEmitter emitter;
        /** What the page already showed when the stream opened: never sent again (the editor would reload anew). */
        final Instant floor;
        /** The latest change sent, and each job's change sent within the overlap before it. */
        Instant latest;
        final Map<UUID, Instant> sent = new HashMap<>();
        long lastSent = System.nanoTime();

        Subscriber(UUID workspaceId, UUID creativeId, SseEmitter emitter, Instant since) {
            this.workspaceId = workspaceId;
            this.creativeId = creativeId;
            this.emitter = emitter;
            this.floor = since;
            this.latest = since;
        }
    }

    private final RenderJobs jobs;
    private final Clock clock;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** Workspaces signalled since the sender last looked. */
    private final Set<UUID> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "render-stream");
        t.setDaemon(true);
        return t;
    });

    RenderStream(RenderJobs jobs, Clock clock, LiveSignals live) {
        this.jobs = jobs;
        this.clock = clock;
        live.subscribe(RenderJobSignals.CHANNEL, this);
        sender.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter open(UUID creativeId, String lastEventId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Instant since = clock.instant();
        if (lastEventId != null) {
            try {
                since = Instant.parse(lastEventId);
            } catch (DateTimeParseException ignored) {
                // an id we did not send: start from now
            }
        }
        Subscriber s = new Subscriber(TenantScope.require(), creativeId, emitter, since);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        // a reconnecting browser gets what it missed at once
        look(s.workspaceId);
        return emitter;
    }

    @Override
    public void signalled(String workspaceId) {
        look(UUID.fromString(workspaceId));
    }

    @Override
    public void resync() {
        subscribers.forEach(s -> look(s.workspaceId));
    }

    private void look(UUID workspaceId) {
        changed.add(workspaceId);
        sender.execute(this::sendChanges);
    }

    private void sendChanges() {
        for (Iterator<UUID> it = changed.iterator(); it.hasNext(); ) {
            UUID workspaceId = it.next();
            // removed before reading: a signal that comes meanwhile makes the next look read again
            it.remove();
            for (Subscriber s : subscribers) {
                if (s.workspaceId.equals(workspaceId)) {
                    sendChanges(s);
                }
            }
        }
    }

    private void sendChanges(Subscriber s) {
        try {
            List<RenderJobView> views = TenantScope.call(s.workspaceId, () -> jobs.changedSince(s.latest.minus(OVERLAP), 100));
            for (RenderJobView v : views) {
                Instant before = s.sent.get(v.id());
                if (!v.updatedAt().isAfter(s.floor) || before != null && !before.isBefore(v.updatedAt())) {
                    continue;
                }
                s.sent.put(v.id(), v.updatedAt());
                if (v.updatedAt().isAfter(s.latest)) {
                    s.latest = v.updatedAt();
                }
                if (s.creativeId == null || s.creativeId.equals(v.creativeId())) {
                    s.emitter.send(SseEmitter.event().name("job").id(v.updatedAt().toString())
                            .data(JobUpdate.of(v), MediaType.APPLICATION_JSON));
                    s.lastSent = System.nanoTime();
                }
            }
            s.sent.values().removeIf(at -> at.isBefore(s.latest.minus(OVERLAP)));
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(s);
        } catch (RuntimeException e) {
            log.warn("Render stream: could not read changes for workspace {}", s.workspaceId, e);
        }
    }

    private void keepAlive() {
        for (Subscriber s : subscribers) {
            if (System.nanoTime() - s.lastSent > KEEP_ALIVE.toNanos()) {
                try {
                    s.emitter.send(SseEmitter.event().comment("keep-alive"));
                    s.lastSent = System.nanoTime();
                } catch (IOException | IllegalStateException gone) {
                    subscribers.remove(s);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        subscribers.forEach(s -> s.emitter.complete());
    }
}
