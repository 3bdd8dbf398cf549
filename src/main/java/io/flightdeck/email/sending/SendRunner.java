package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.email.delivery.ProviderAccount;
import io.flightdeck.email.providers.MailjetSendApi;
import io.flightdeck.shared.jobs.CrashHold;
import io.flightdeck.shared.mail.MailFailure;
import io.flightdeck.shared.mail.MailTransport;
import io.flightdeck.shared.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One step of a send: the next batch of due rows, each composed, paced and handed to the mail transport by this
 * node's sending threads, with its hand-over committed just before the end of its data, and the batch's outcomes
 * recorded together. A workspace that sends through Mailjet or SendGrid goes through {@link ProviderSending} instead,
 * on the same threads. A 4xx answer puts the recipient back in the queue with a growing pause; a 5xx fails it; no answer
 * after the hand-over leaves it handed over, never sent twice. The step ends the send when nothing is queued.
 */
@Component
class SendRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SendRunner.class);
    /** Crash-test boundaries: the SMTP path's, and a Mailjet call's (see {@link ProviderSending}). */
    static final Set<String> BOUNDARIES = Set.of("before-hand-over", "after-hand-over", "before-provider-call",
            "after-provider-call");
    /** Leftover unconfirmed rows settled at a run's start: a crash leaves at most two per sending thread. */
    private static final int LEFT_OVER = 1_000;
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
    private final ProviderSending providers;
    private final MailTransport transport;
    private final SendThrottle throttle;
    private final SendingProperties properties;
    private final Clock clock;
    private final ExecutorService senders;
    private final CrashHold hold;
    private final AtomicInteger handedOver = new AtomicInteger();
    private final HandOvers handOvers;
    private final HandOverTimes times;
    /** The row of the message this sending thread's server last accepted, recorded with the thread's next hand-over. */
    private final ThreadLocal<HandOvers.Answered> answered = new ThreadLocal<>();

    SendRunner(SendSteps steps, SendLedger ledger, HandOvers handOvers, HandOverTimes times, ProviderSending providers,
            MailTransport transport, SendThrottle throttle, SendingProperties properties, Clock clock) {
        this.steps = steps;
        this.handOvers = handOvers;
        this.times = times;
        this.ledger = ledger;
        this.providers = providers;
        this.transport = transport;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "email-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.hold = CrashHold.of("flightdeck.email.sending.hold-at", properties.holdAt(), BOUNDARIES);
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
        if (turn.batch().account().provider() == DeliveryProvider.SMTP) {
            settleLeftOver(turn.batch());
        }
        while (true) {
            Instant next = once(turn.batch());
            if (next != AGAIN) {
                return Optional.ofNullable(next);
            }
            if (System.nanoTime() - until >= 0 || !steps.goesOn(emailCampaignId)) {
                // a stopped send's next run finds out why, and says so
                return Optional.of(clock.instant());
            }
        }
    }

    /**
     * Rows a run that died left handed over and unconfirmed, settled by the transport when it can tell: the outbox
     * has the message's file or it does not (an SMTP server keeps no record a client can ask for, so those stay for
     * a person). A run of a send is the only one, so at its start every unconfirmed row is such a leftover.
     */
    private void settleLeftOver(Batch batch) {
        Instant now = clock.instant();
        for (UUID id : ledger.inDoubt(batch.tenantId(), batch.emailCampaignId(), now, LEFT_OVER)) {
            transport.sent(batch.tenantId(), id.toString()).ifPresent(arrived -> {
                if (arrived) {
                    ledger.confirmSent(batch.tenantId(), id, null, now);
                } else {
                    ledger.requeueUnsent(batch.tenantId(), id, "Sending stopped before the " + transport.name()
                            + " had it: sent again", now);
                }
            });
        }
    }

    /** One batch: {@link #AGAIN} after sending one, else when to come back, or null when the send is over. */
    private Instant once(Batch batch) {
        UUID emailCampaignId = batch.emailCampaignId();
        // with Mailjet, what a crash or a lost answer left in doubt is looked up before anything else
        Instant lookUp = batch.account().provider() == DeliveryProvider.MAILJET ? providers.settleInDoubt(batch) : null;
        List<SendLedger.Due> due = ledger.due(batch.tenantId(), emailCampaignId, batch.listsOnly(), clock.instant(),
                batchSize());
        if (due.isEmpty()) {
            if (lookUp != null) {
                Instant queued = ledger.nextDue(batch.tenantId(), emailCampaignId);
                return queued != null && queued.isBefore(lookUp) ? queued : lookUp;
            }
            return steps.finishOrWait(emailCampaignId);
        }
        ledger.record(batch.tenantId(), send(batch, due), clock.instant());
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

    private List<Outcome> send(Batch batch, List<SendLedger.Due> due) {
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>(due.size());
        List<SendLedger.Due> mailjetCall = new ArrayList<>();
        DeliveryProvider provider = batch.account().provider();
        for (SendLedger.Due row : due) {
            if (!row.inAudience()) {
                outcomes.add(Outcome.skipped(row.id(), row.status().equals("SUBSCRIBED") ? "Left the list before their turn"
                        : "Suppressed before their turn: " + row.status().toLowerCase()));
                continue;
            }
            if (provider == DeliveryProvider.MAILJET) {
                mailjetCall.add(row);
                if (mailjetCall.size() == MailjetSendApi.MAX_MESSAGES) {
                    running.add(mailjet(batch, List.copyOf(mailjetCall)));
                    mailjetCall.clear();
                }
            } else if (provider == DeliveryProvider.SENDGRID) {
                running.add(senders.submit(() -> {
                    Outcome outcome = providers.sendGrid(batch, row);
                    if (outcome != null) {
                        outcomes.add(outcome);
                    }
                    return null;
                }));
            } else {
                running.add(senders.submit(() -> outcomes.add(sendOne(batch, row))));
            }
        }
        if (!mailjetCall.isEmpty()) {
            running.add(mailjet(batch, List.copyOf(mailjetCall)));
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

    /**
     * One Mailjet call, its outcomes recorded as soon as it is answered rather than with the batch's: after a crash
     * only the calls on their way are left in doubt, to be looked up (not a whole batch of a thousand).
     */
    private Future<?> mailjet(Batch batch, List<SendLedger.Due> rows) {
        return senders.submit(() -> {
            ledger.record(batch.tenantId(), providers.mailjet(batch, rows), clock.instant());
            return null;
        });
    }

    private Outcome sendOne(Batch batch, SendLedger.Due row) {
        boolean[] handed = {false};
        long[] committedAt = {0};
        try {
            OutgoingMail mail = batch.composer(row.variant()).compose(row);
            throttle.acquire();
            transport.send(mail, () -> {
                if (handedOver.get() >= properties.holdAfter()) {
                    hold.reached("before-hand-over", "email recipient " + row.id());
                }
                long start = System.nanoTime();
                if (!handOvers.handOver(batch.tenantId(), row.id(), answered.get(), clock.instant())) {
                    throw new IllegalStateException("Recipient " + row.id() + " is no longer queued");
                }
                committedAt[0] = times.committed(start);
                answered.remove();
                handed[0] = true;
                if (handedOver.incrementAndGet() > properties.holdAfter()) {
                    hold.reached("after-hand-over", "email recipient " + row.id());
                }
            });
            if (handed[0]) {
                times.answered(committedAt[0]);
            }
            answered.set(new HandOvers.Answered(batch.tenantId(), row.id()));
            return Outcome.sent(row.id());
        } catch (MailFailure failure) {
            return outcome(row, failure, handed[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry(row.id(), "Stopped before its turn", clock.instant(), false);
        } catch (RuntimeException e) {
            log.warn("Recipient {} of email {}: {}", row.id(), batch.emailCampaignId(), e.toString());
            return handed[0] ? Outcome.unconfirmed(row.id(), "Stopped after the hand-over: " + e.getMessage())
                    : Outcome.failed(row.id(), "Could not be made: " + e.getMessage(), true, false);
        }
    }

    private Outcome outcome(SendLedger.Due row, MailFailure failure, boolean handed) {
        String why = failure.getMessage().length() > 480 ? failure.getMessage().substring(0, 479) + "…" : failure.getMessage();
        if (failure.permanent()) {
            return Outcome.failed(row.id(), why, true, handed);
        }
        if (handed && !failure.answered()) {
            return Outcome.unconfirmed(row.id(), why);
        }
        return Retries.later(row, why, null, handed, properties, clock.instant());
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
