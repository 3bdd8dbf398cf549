package io.flightdeck.rendering.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.flightdeck.rendering.jobs.RenderJobView;
import io.flightdeck.rendering.jobs.RenderJobs;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live job updates as server-sent events. Each open stream is checked once a second for jobs of its workspace that
 * changed since the last one it sent; reading the table (not an in-memory bus) means a job moved by another node
 * shows up too. A browser that reconnects sends the last event id (a change time) and carries on from there.
 */
@Component
class RenderStream {

    static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(RenderStream.class);

    /** What one row of a live list needs. */
    record JobUpdate(UUID id, UUID creativeId, String status, String statusLabel, Integer percent, String progressLabel,
            boolean ended) {

        static JobUpdate of(RenderJobView v) {
            return new JobUpdate(v.id(), v.creativeId(), v.status().name(), RenderDisplay.statusLabel(v),
                    v.progress().percent(), RenderDisplay.progressLabel(v), v.status().isTerminal());
        }
    }

    private record Subscriber(UUID workspaceId, UUID creativeId, SseEmitter emitter, Instant[] seen, long[] lastSent) {
    }

    private final RenderJobs jobs;
    private final Clock clock;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "render-stream");
        t.setDaemon(true);
        return t;
    });

    RenderStream(RenderJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
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
        Subscriber s = new Subscriber(TenantScope.require(), creativeId, emitter, new Instant[] {since},
                new long[] {System.nanoTime()});
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        return emitter;
    }

    private void tick() {
        for (Subscriber s : subscribers) {
            try {
                List<RenderJobView> changed = TenantScope.call(s.workspaceId(), () -> jobs.changedSince(s.seen()[0], 100));
                for (RenderJobView v : changed) {
                    s.seen()[0] = v.updatedAt();
                    if (s.creativeId() == null || s.creativeId().equals(v.creativeId())) {
                        s.emitter().send(SseEmitter.event().name("job").id(v.updatedAt().toString())
                                .data(JobUpdate.of(v), MediaType.APPLICATION_JSON));
                        s.lastSent()[0] = System.nanoTime();
                    }
                }
                if (System.nanoTime() - s.lastSent()[0] > KEEP_ALIVE.toNanos()) {
                    s.emitter().send(SseEmitter.event().comment("keep-alive"));
                    s.lastSent()[0] = System.nanoTime();
                }
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(s);
            } catch (RuntimeException e) {
                log.warn("Render stream: could not read changes for workspace {}", s.workspaceId(), e);
            }
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        subscribers.forEach(s -> s.emitter().complete());
    }
}
