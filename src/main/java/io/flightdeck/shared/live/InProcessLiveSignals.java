package io.flightdeck.shared.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Live signals within this JVM, for H2: an embedded database serves one process. Every application on the same
 * database in the JVM hears them (the tests run several contexts on one in-memory database, and a job one of them
 * queued may run in another). Delivered after the publishing transaction commits, on a thread of their own as on
 * PostgreSQL.
 */
class InProcessLiveSignals extends LiveSignals implements AutoCloseable {

    private static final Map<String, Set<InProcessLiveSignals>> ON_DATABASE = new ConcurrentHashMap<>();

    private final String database;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-signals");
        t.setDaemon(true);
        return t;
    });

    InProcessLiveSignals(String database) {
        this.database = database;
        ON_DATABASE.computeIfAbsent(database, d -> ConcurrentHashMap.newKeySet()).add(this);
    }

    @Override
    protected void send(String channel, String payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            fanOut(channel, payload);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                fanOut(channel, payload);
            }
        });
    }

    private void fanOut(String channel, String payload) {
        for (InProcessLiveSignals application : ON_DATABASE.getOrDefault(database, Set.of())) {
            application.delivery.execute(() -> application.deliver(channel, payload));
        }
    }

    @Override
    public void close() {
        ON_DATABASE.getOrDefault(database, Set.of()).remove(this);
        delivery.shutdownNow();
    }
}
