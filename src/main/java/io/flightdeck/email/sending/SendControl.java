package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting, scheduling, pausing and resuming sends. A send now is refused, before anything is written, while its
 * readiness has a blocker ({@link EmailReadinessCheck}), naming each; a scheduled send that falls due while blocked
 * waits and says why. The ledger is written by the send's job, so a large audience
 * never holds a person's request.
 */
@Service
public class SendControl {

    private final EmailCampaigns emails;
    private final SendLedger ledger;
    private final EmailReadinessCheck readiness;
    private final Jobs jobs;
    private final Clock clock;
    private final HandOvers handOvers;
    private final SendingProperties properties;

    SendControl(EmailCampaigns emails, SendLedger ledger, EmailReadinessCheck readiness, Jobs jobs, Clock clock,
            HandOvers handOvers, SendingProperties properties) {
        this.emails = emails;
        this.handOvers = handOvers;
        this.properties = properties;
        this.ledger = ledger;
        this.readiness = readiness;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional
    public EmailCampaignView sendNow(UUID id) {
        EmailCampaign email = emails.find(id);
        requireAudience(email);
        EmailReadiness ready = readiness.of(email);
        if (!ready.ready()) {
            throw blocked("This email cannot be sent yet: ", ready.blockers());
        }
        Instant now = clock.instant();
        email.schedule(now, false, ZoneId.of("UTC"), now);
        jobs.schedule(SendJobs.SEND, TenantScope.current(), id, now);
        return emails.view(email);
    }

    /**
     * Sends at {@code at}; with {@code recipientZone}, at that wall-clock time (read in {@code zone}) in each
     * recipient's own zone. Refused (409 {@code email-blocked}, naming every blocker) while anything but the
     * campaign's launch and its approval is missing; those two a scheduled send waits for.
     */
    @Transactional
    public EmailCampaignView schedule(UUID id, Instant at, boolean recipientZone, ZoneId zone) {
        EmailCampaign email = emails.find(id);
        requireAudience(email);
        Instant now = clock.instant();
        if (at == null || at.isBefore(now.minusSeconds(60))) {
            throw new InvalidInputException("at", "Choose a time that has not passed");
        }
        EmailReadiness ready = readiness.of(email);
        if (!ready.schedulingBlockers().isEmpty()) {
            throw blocked("This email cannot be scheduled yet: ", ready.blockers());
        }
        email.schedule(at, recipientZone, zone, now);
        jobs.wake(SendJobs.SEND, TenantScope.current(), id, email.scheduledAt());
        return emails.view(email);
    }

    @Transactional
    public EmailCampaignView unschedule(UUID id) {
        EmailCampaign email = emails.find(id);
        email.unschedule(clock.instant());
        jobs.cancel(SendJobs.SEND, id);
        return emails.view(email);
    }

    /** Stops after the messages already in flight; nobody is sent twice when it goes on. */
    @Transactional
    public EmailCampaignView pause(UUID id) {
        EmailCampaign email = emails.find(id);
        email.pause(clock.instant());
        return emails.view(email);
    }

    @Transactional
    public EmailCampaignView resume(UUID id) {
        EmailCampaign email = emails.find(id);
        email.resume(clock.instant());
        jobs.wake(SendJobs.SEND, TenantScope.current(), id, clock.instant());
        return emails.view(email);
    }

    /**
     * Sends to the rest: those who failed for a reason that may pass (no connection, a server that said later) are
     * queued again, and a paused or finished send goes on. Refused addresses and suppressed contacts stay out.
     */
    @Transactional
    public EmailCampaignView sendToRest(UUID id) {
        EmailCampaign email = emails.find(id);
        email.require(EmailCampaignMove.SEND_TO_REST);
        Instant now = clock.instant();
        int requeued = ledger.requeueFailed(TenantScope.current(), id, now);
        if (email.status() != EmailCampaignStatus.SENDING) {
            if (requeued == 0 && ledger.nextDue(TenantScope.current(), id) == null) {
                throw new ConflictException("nobody-left", "Everyone this email can still reach has it.");
            }
            email.resume(now);
        }
        jobs.wake(SendJobs.SEND, TenantScope.current(), id, now);
        return emails.view(email);
    }

    /**
     * Sends again to those whose message was handed over and never confirmed (the process stopped as it left), at a
     * person's deliberate request: the server may have some of them, so a few people may get it twice. Only rows
     * handed over longer ago than any message can be on its way are taken, so none still in flight is doubled. A
     * paused send keeps them queued until it is resumed.
     */
    @Transactional
    public EmailCampaignView sendToUnconfirmed(UUID id) {
        EmailCampaign email = emails.find(id);
        email.require(EmailCampaignMove.SEND_TO_UNCONFIRMED);
        Instant now = clock.instant();
        Instant before = now.minus(properties.inFlightLimit());
        int again = handOvers.sendAgain(TenantScope.current(), id, before, now);
        if (again == 0) {
            boolean inFlight = ledger.counts(TenantScope.current(), id).getOrDefault(RecipientState.HANDED_OVER, 0L) > 0;
            throw new ConflictException(inFlight ? "still-in-flight" : "nobody-unconfirmed", inFlight
                    ? "The unconfirmed messages were handed over less than " + properties.inFlightLimit().toMinutes()
                            + " minutes ago and may still be on their way. Try again later."
                    : "Nobody is unconfirmed: the server answered for every message handed to it.");
        }
        if (email.status() == EmailCampaignStatus.PAUSED) {
            // queued again, they go with the rest when the person resumes
            return emails.view(email);
        }
        if (email.status() == EmailCampaignStatus.SENT) {
            email.resume(now);
        }
        jobs.wake(SendJobs.SEND, TenantScope.current(), id, now);
        return emails.view(email);
    }

    @Transactional
    public EmailCampaignView cancel(UUID id) {
        EmailCampaign email = emails.find(id);
        email.cancel(clock.instant());
        jobs.cancel(SendJobs.SEND, id);
        return emails.view(email);
    }

    private static ConflictException blocked(String lead, List<String> blockers) {
        return new ConflictException("email-blocked", lead + String.join(" ", blockers), Map.of("blockers", blockers));
    }

    private static void requireAudience(EmailCampaign email) {
        if (!email.draft().hasAudience()) {
            throw new InvalidInputException("listIds", "Choose a list or a segment to send to");
        }
    }
}
