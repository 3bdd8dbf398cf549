package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.email.delivery.ProviderAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One step of a send, as a straight line: the turn (the gate and the batch's composers, from {@link SendSteps}); what
 * is in doubt settled by the workspace's {@link DeliveryChannel} (SMTP, Mailjet or SendGrid); the next batch of due
 * rows handed to that channel a call at a time on this node's sending threads; the batch's outcomes recorded together;
 * and the send ended, or told when to come back, once nothing is queued.
 */
@Component
class SendRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SendRunner.class);
    /** Crash-test boundaries: the SMTP path's ({@link SmtpChannel}), and a Mailjet call's ({@link MailjetChannel}). */
    static final Set<String> BOUNDARIES = Set.of("before-hand-over", "after-hand-over", "before-provider-call",
            "after-provider-call");
    /**
     * How long one run of the send's job goes on sending before it hands the send back to the scheduler, which finds
     * it again within a poll (a second): long enough that those gaps stay under 5 % of a send, short enough to share
     * the job threads. A pause is heard before the next batch either way.
     */
    static final java.time.Duration RUN_FOR = java.time.Duration.ofSeconds(20);
    /** A batch went: the run goes on with the next (compared by identity). */
    private static final Instant AGAIN = Instant.ofEpochSecond(0, 1);

    private final SendSteps steps;
    private final SendLedger ledger;
    private final Map<DeliveryProvider, DeliveryChannel> channels = new EnumMap<>(DeliveryProvider.class);
    private final SendingProperties properties;
    private final Clock clock;
    private final ExecutorService senders;

    SendRunner(SendSteps steps, SendLedger ledger, List<DeliveryChannel> channels, SendingProperties properties,
            Clock clock) {
        this.steps = steps;
        this.ledger = ledger;
        channels.forEach(channel -> this.channels.put(channel.provider(), channel));
        this.properties = properties;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "email-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The send's next step; empty when it is over (sent, paused, cancelled or gone). One run sends batch after batch
     * for up to {@link #RUN_FOR}, passing the gate before each, so the send does not idle until the scheduler's next
     * poll after every batch (which put the rate a fifth under its setting).
     */
    Optional<Instant> step(UUID emailCampaignId) {
        long until = System.nanoTime() + RUN_FOR.toNanos();
        SendSteps.Turn turn = steps.turn(emailCampaignId);
        if (turn.next() != null || turn.batch() == null) {
            return Optional.ofNullable(turn.next());
        }
        DeliveryChannel channel = channels.get(turn.batch().account().provider());
        while (true) {
            Instant next = once(channel, turn.batch());
            if (next != AGAIN) {
                return Optional.ofNullable(next);
            }
            if (System.nanoTime() - until >= 0 || !steps.goesOn(emailCampaignId)) {
                // a stopped send's next run finds out why, and says so
                return Optional.of(clock.instant());
            }
        }
    }

    /** One batch: {@link #AGAIN} after sending one, else when to come back, or null when the send is over. */
    private Instant once(DeliveryChannel channel, Batch batch) {
        UUID emailCampaignId = batch.emailCampaignId();
        // what a crash or a lost answer left in doubt is settled before anything else, where the channel can tell
        Instant lookUp = channel.settleInDoubt(batch);
        List<SendLedger.Due> due = ledger.due(batch.tenantId(), emailCampaignId, batch.listsOnly(), clock.instant(),
                batchSize());
        if (due.isEmpty()) {
            if (lookUp != null) {
                Instant queued = ledger.nextDue(batch.tenantId(), emailCampaignId);
                return queued != null && queued.isBefore(lookUp) ? queued : lookUp;
            }
            return steps.finishOrWait(emailCampaignId);
        }
        ledger.record(batch.tenantId(), send(channel, batch, due), clock.instant());
        return AGAIN;
    }

    private int batchSize() {
        int size = properties.batch();
        if (properties.ratePerSecond() > 0) {
            // a batch takes about two seconds at most, so a pause is heard soon
            size = Math.min(size, Math.max(properties.concurrency(), 2 * properties.ratePerSecond()));
        }
        return size;
    }

    /**
     * The batch's rows a call at a time on the sending threads; answers the outcomes to record with the batch (a
     * channel that records each call's as it is answered has none left).
     */
    private List<Outcome> send(DeliveryChannel channel, Batch batch, List<SendLedger.Due> due) {
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>(due.size());
        List<SendLedger.Due> call = new ArrayList<>();
        for (SendLedger.Due row : due) {
            if (!row.inAudience()) {
                outcomes.add(Outcome.skipped(row.id(), row.status().equals("SUBSCRIBED") ? "Left the list before their turn"
                        : "Suppressed before their turn: " + row.status().toLowerCase()));
                continue;
            }
            call.add(row);
            if (call.size() == channel.callSize()) {
                running.add(call(channel, batch, List.copyOf(call), outcomes));
                call.clear();
            }
        }
        if (!call.isEmpty()) {
            running.add(call(channel, batch, List.copyOf(call), outcomes));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while sending", e);
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("A message of email {} could not be made: {}", batch.emailCampaignId(), e.getCause().toString());
            }
        }
        return new ArrayList<>(outcomes);
    }

    private Future<?> call(DeliveryChannel channel, Batch batch, List<SendLedger.Due> rows, Queue<Outcome> outcomes) {
        return senders.submit(() -> {
            List<Outcome> answered = channel.send(batch, rows);
            if (channel.recordsEachCall()) {
                ledger.record(batch.tenantId(), answered, clock.instant());
            } else {
                outcomes.addAll(answered);
            }
            return null;
        });
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    /**
     * What a step needs to send a batch of one email campaign: a composer for the email itself and one for each
     * variant of its A/B test, and the workspace's delivery account.
     */
    record Batch(UUID tenantId, UUID emailCampaignId, List<UUID> listsOnly, java.util.Map<String, MessageComposer> composers,
            ProviderAccount account) {

        MessageComposer composer(String variant) {
            MessageComposer composer = variant == null ? null : composers.get(variant);
            return composer != null ? composer : composers.get("A");
        }
    }
}
