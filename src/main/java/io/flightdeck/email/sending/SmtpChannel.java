package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.shared.jobs.CrashHold;
import io.flightdeck.shared.mail.MailFailure;
import io.flightdeck.shared.mail.MailTransport;
import io.flightdeck.shared.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mail transport (SMTP, or the outbox offline): a message a call, its hand-over committed just before the end of
 * its data. A 4xx answer puts the recipient back in the queue with a growing pause; a 5xx fails it; no answer after
 * the hand-over leaves it handed over, never sent twice.
 * <p>
 * {@code flightdeck.email.sending.hold-at} can hold a sending thread, for the crash test only, once {@code hold-after}
 * messages went from this node: before-hand-over or after-hand-over.
 */
@Component
class SmtpChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(SmtpChannel.class);
    /** Unconfirmed rows settled at a time: a crash leaves at most two per sending thread. */
    private static final int LEFT_OVER = 1_000;

    private final MailTransport transport;
    private final SendLedger ledger;
    private final HandOvers handOvers;
    private final HandOverTimes times;
    private final SendThrottle throttle;
    private final SendingProperties properties;
    private final Clock clock;
    private final CrashHold hold;
    private final AtomicInteger handedOver = new AtomicInteger();
    /** The row of the message this sending thread's server last accepted, recorded with the thread's next hand-over. */
    private final ThreadLocal<HandOvers.Answered> answered = new ThreadLocal<>();

    SmtpChannel(MailTransport transport, SendLedger ledger, HandOvers handOvers, HandOverTimes times,
            SendThrottle throttle, SendingProperties properties, Clock clock) {
        this.transport = transport;
        this.ledger = ledger;
        this.handOvers = handOvers;
        this.times = times;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.hold = CrashHold.of("flightdeck.email.sending.hold-at", properties.holdAt(), SendRunner.BOUNDARIES);
    }

    @Override
    public DeliveryProvider provider() {
        return DeliveryProvider.SMTP;
    }

    @Override
    public List<Outcome> send(SendRunner.Batch batch, List<SendLedger.Due> call) {
        return call.stream().map(row -> sendOne(batch, row)).toList();
    }

    /**
     * Rows left handed over and unconfirmed (a run that died, a connection lost after the hand-over), settled when
     * the transport can tell: the outbox has the message's file or it does not. An SMTP server keeps no record a
     * client can ask for, so there they stay for a person. Nothing to wait for either way.
     */
    @Override
    public Instant settleInDoubt(SendRunner.Batch batch) {
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
        return null;
    }

    private Outcome sendOne(SendRunner.Batch batch, SendLedger.Due row) {
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
        String why = failure.getMessage().length() > 480 ? failure.getMessage().substring(0, 479) + "…"
                : failure.getMessage();
        if (failure.permanent()) {
            return Outcome.failed(row.id(), why, true, handed);
        }
        if (handed && !failure.answered()) {
            return Outcome.unconfirmed(row.id(), why);
        }
        return Retries.later(row, why, null, handed, properties, clock.instant());
    }
}
