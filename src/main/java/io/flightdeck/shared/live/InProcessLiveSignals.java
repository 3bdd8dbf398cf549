package io.flightdeck.shared.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Live signals within this process, for H2: an embedded database serves one node, so there is no other to tell.
 * Delivered after the publishing transaction commits, on a thread of their own as on PostgreSQL.
 */
class InProcessLiveSignals extends LiveSignals implements AutoCloseable {

    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-signals");
        t.setDaemon(true);
        return t;
    });

    @Override
    protected void send(String channel, String payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delivery.execute(() -> deliver(channel, payload));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.execute(() -> deliver(channel, payload));
            }
        });
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
