package io.flightdeck.shared.live;

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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The machinery of a live page part on this node: its open server-sent event streams by workspace, one sender thread
 * that, when the channel is signalled for a workspace (or after the listening connection came back), has each of that
 * workspace's streams read what changed and send it, and a keep-alive comment to a stream quiet for a while, which is
 * also how one whose browser went away is noticed and dropped. The stream itself decides what to read and send.
 *
 * @param <S> the stream's subscriber: its workspace, its emitter and whatever it remembers of what it sent
 */
public final class LiveStreams<S extends LiveStreams.Subscriber> implements LiveListener {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** One open stream; once opened, touched only on the sender thread. */
    public abstract static class Subscriber {

        // package-private, not private: LiveStreams reaches them through its type variable
        final UUID workspaceId;
        final SseEmitter emitter;
        long lastSent = System.nanoTime();

        protected Subscriber(UUID workspaceId, SseEmitter emitter) {
            this.workspaceId = workspaceId;
            this.emitter = emitter;
        }

        public UUID workspaceId() {
            return workspaceId;
        }

        /** Sends one event and notes when, so the keep-alive leaves a busy stream alone. */
        public void send(SseEmitter.SseEventBuilder event) throws IOException {
            emitter.send(event);
            lastSent = System.nanoTime();
        }
    }

    /** Reads what changed for one subscriber and sends it; an IOException means its browser went away. */
    @FunctionalInterface
    public interface Sender<S> {
        void sendChanges(S subscriber) throws IOException;
    }

    private final String name;
    private final Sender<S> sender;
    private final List<S> subscribers = new CopyOnWriteArrayList<>();
    /** Workspaces signalled since the sender last looked. */
    private final Set<UUID> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread;

    /** Streams of this channel, each sending through {@code sender} on one thread named {@code name}. */
    public LiveStreams(String name, String channel, LiveSignals live, Sender<S> sender) {
        this.name = name;
        this.sender = sender;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        live.subscribe(channel, this);
        thread.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lists the subscriber until its stream ends, and has it look at once (a reconnecting browser catches up). */
    public void open(S subscriber) {
        subscribers.add(subscriber);
        subscriber.emitter.onCompletion(() -> subscribers.remove(subscriber));
        subscriber.emitter.onTimeout(() -> subscribers.remove(subscriber));
        subscriber.emitter.onError(e -> subscribers.remove(subscriber));
        look(subscriber.workspaceId);
    }

    @Override
    public void signalled(String workspaceId) {
        look(UUID.fromString(workspaceId));
    }

    @Override
    public void resync() {
        subscribers.forEach(s -> look(s.workspaceId));
    }

    /** Ends every stream (the node is stopping); browsers reconnect to another. */
    public void stop() {
        thread.shutdownNow();
        subscribers.forEach(s -> s.emitter.complete());
    }

    private void look(UUID workspaceId) {
        changed.add(workspaceId);
        thread.execute(this::sendChanges);
    }

    private void sendChanges() {
        for (Iterator<UUID> it = changed.iterator(); it.hasNext(); ) {
            UUID workspaceId = it.next();
            it.remove(); // before reading: a signal that comes meanwhile makes the next look read again
            for (S s : subscribers) {
                if (s.workspaceId.equals(workspaceId)) {
                    try {
                        sender.sendChanges(s);
                    } catch (IOException | IllegalStateException gone) {
                        subscribers.remove(s);
                    } catch (RuntimeException e) {
                        log.warn("{}: could not send the changes of workspace {}", name, workspaceId, e);
                    }
                }
            }
        }
    }

    private void keepAlive() {
        for (S s : subscribers) {
            if (System.nanoTime() - s.lastSent > KEEP_ALIVE.toNanos()) {
                try {
                    s.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException gone) {
                    subscribers.remove(s);
                }
            }
        }
    }
}
