package io.flightdeck.rendering.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.rendering.jobs.RenderJobView;
import io.flightdeck.rendering.jobs.RenderJobs;
import io.flightdeck.rendering.jobs.RenderJobSignals;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.live.LiveStreams;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.annotation.PreDestroy;
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
class RenderStream {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    /**
     * Each read looks this far behind the last change sent: a job's change time is taken before its transaction
     * commits, on the clock of the node that wrote it, so a change can become visible after a later-stamped one.
     */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    /** What one row of a live list needs. */
    record JobUpdate(UUID id, UUID creativeId, String status, String statusLabel, Integer percent, String progressLabel,
            boolean ended) {

        static JobUpdate of(RenderJobView v) {
            return new JobUpdate(v.id(), v.creativeId(), v.status().name(), RenderDisplay.statusLabel(v),
                    v.progress().percent(), RenderDisplay.progressLabel(v), v.status().isTerminal());
        }
    }

    /** One open stream; touched only on the sender thread once opened. */
    private static final class Subscriber extends LiveStreams.Subscriber {
        final UUID creativeId;
        /** What the page already showed when the stream opened: never sent again (the editor would reload anew). */
        final Instant floor;
        /** The latest change sent, and each job's change sent within the overlap before it. */
        Instant latest;
        final Map<UUID, Instant> sent = new HashMap<>();

        Subscriber(UUID workspaceId, UUID creativeId, SseEmitter emitter, Instant since) {
            super(workspaceId, emitter);
            this.creativeId = creativeId;
            this.floor = since;
            this.latest = since;
        }
    }

    private final RenderJobs jobs;
    private final Clock clock;
    private final LiveStreams<Subscriber> streams;

    RenderStream(RenderJobs jobs, Clock clock, LiveSignals live) {
        this.jobs = jobs;
        this.clock = clock;
        this.streams = new LiveStreams<>("render-stream", RenderJobSignals.CHANNEL, live, this::sendChanges);
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
        // a reconnecting browser gets what it missed at once
        streams.open(new Subscriber(TenantScope.require(), creativeId, emitter, since));
        return emitter;
    }

    private void sendChanges(Subscriber s) throws IOException {
        List<RenderJobView> views = TenantScope.call(s.workspaceId(), () -> jobs.changedSince(s.latest.minus(OVERLAP), 100));
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
                s.send(SseEmitter.event().name("job").id(v.updatedAt().toString())
                        .data(JobUpdate.of(v), MediaType.APPLICATION_JSON));
            }
        }
        s.sent.values().removeIf(at -> at.isBefore(s.latest.minus(OVERLAP)));
    }

    @PreDestroy
    void stop() {
        streams.stop();
    }
}
