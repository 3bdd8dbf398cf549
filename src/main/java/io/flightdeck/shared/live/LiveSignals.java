package io.flightdeck.shared.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals that reach every node, so a browser gets live updates whichever node it is connected to (server-sent
 * events, the notification bell). A module publishes that something changed on a channel, with a small payload (ids,
 * never bodies), and the subscribers on every node read the rest from the database. Published inside a transaction, a
 * signal leaves only if the transaction commits. On PostgreSQL signals travel by LISTEN/NOTIFY
 * ({@link PostgresLiveSignals}); on H2, which serves one node, they stay in the JVM ({@link InProcessLiveSignals}).
 * Listeners run on the one delivery thread of the node: they hand their work off and return at once.
 */
public abstract class LiveSignals {

    /** PostgreSQL's limit is 8000 bytes; ids need far less, and a body has no place here. */
    static final int MAX_PAYLOAD = 256;
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Logger log = LoggerFactory.getLogger(LiveSignals.class);

    private final Map<String, List<LiveListener>> listeners = new ConcurrentHashMap<>();

    /** Tells every node's subscribers of the channel; within a transaction, once it has committed. */
    public final void publish(String channel, String payload) {
        checkChannel(channel);
        if (payload == null || payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("A live signal's payload is an id or a few, at most " + MAX_PAYLOAD
                    + " characters");
        }
        send(channel, payload);
    }

    /** Subscribes for the life of the application; the listener hears every node's signals on the channel. */
    public final void subscribe(String channel, LiveListener listener) {
        checkChannel(channel);
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        listen(channel);
    }

    protected abstract void send(String channel, String payload);

    /** A channel got its first listener on this node. */
    protected void listen(String channel) {
    }

    protected final Set<String> channels() {
        return listeners.keySet();
    }

    protected final void deliver(String channel, String payload) {
        for (LiveListener listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.signalled(payload);
            } catch (RuntimeException e) {
                log.warn("Live signal on {} ({}): a listener failed", channel, payload, e);
            }
        }
    }

    protected final void resync() {
        listeners.values().stream().flatMap(List::stream).forEach(listener -> {
            try {
                listener.resync();
            } catch (RuntimeException e) {
                log.warn("Live signals: a listener failed to resync", e);
            }
        });
    }

    private static void checkChannel(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("A live channel is a lower-case name like render_jobs, not " + channel);
        }
    }
}
