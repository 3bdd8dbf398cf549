package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.delivery.DeliverySettings;
import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.TrackedEmail;
import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional moments of a send's job: a scheduled send that falls due passes its gate and writes its ledger
 * rows (or records what it waits for); a sending one gets what its next batch needs; one with nothing queued ends.
 */
@Component
class SendSteps {

    static final Duration GATE_RECHECK = Duration.ofMinutes(1);
    /** How long an A/B test that said wait waits before it looks at its numbers again. */
    static final Duration AB_LOOK_AGAIN = Duration.ofHours(1);

    private final EmailCampaignRepository emails;
    private final SendLedger ledger;
    private final SendGate gate;
    private final EmailReadinessCheck readiness;
    private final AudienceQuery audiences;
    private final AbTests abTests;
    private final EmailSettings settings;
    private final DeliverySettings delivery;
    private final TrackingLinks links;
    private final PublicUrls urls;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    SendSteps(EmailCampaignRepository emails, SendLedger ledger, SendGate gate, EmailReadinessCheck readiness,
            AudienceQuery audiences, AbTests abTests, EmailSettings settings, DeliverySettings delivery,
            TrackingLinks links, PublicUrls urls, JsonMapper json, TransactionTemplate tx, Clock clock) {
        this.emails = emails;
        this.ledger = ledger;
        this.gate = gate;
        this.readiness = readiness;
        this.audiences = audiences;
        this.abTests = abTests;
        this.settings = settings;
        this.delivery = delivery;
        this.links = links;
        this.urls = urls;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    /** Either when to come back ({@code next}), a batch to send, or neither: the send is over. */
    record Turn(Instant next, SendRunner.Batch batch) {
    }

    Turn turn(UUID id) {
        return tx.execute(status -> {
            EmailCampaign email = emails.findById(id).orElse(null);
            Instant now = clock.instant();
            if (email == null) {
                return new Turn(null, null);
            }
            switch (email.status()) {
                case SCHEDULED -> {
                    if (email.scheduledAt() != null && email.scheduledAt().isAfter(now)) {
                        return new Turn(email.scheduledAt(), null);
                    }
                    if (waits(email, readiness.of(email).blockers(), now)) {
                        return new Turn(now.plus(GATE_RECHECK), null);
                    }
                    start(email, now);
                    return new Turn(now, null);
                }
                case SENDING -> {
                    // under way: only the gate (a paused campaign, an approval withdrawn) holds it back
                    if (waits(email, gate.blockers(email), now)) {
                        return new Turn(now.plus(GATE_RECHECK), null);
                    }
                    return new Turn(null, batch(email));
                }
                default -> {
                    return new Turn(null, null);
                }
            }
        });
    }

    /**
     * Whether a send whose batch a run already holds may go on with another: still sending, and its gate open (a
     * paused campaign or a withdrawn approval stops it here, as at the start of a run). Its content cannot change
     * while it sends, so the run keeps its composers.
     */
    boolean goesOn(UUID id) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            EmailCampaign email = emails.findById(id).orElse(null);
            return email != null && email.status() == EmailCampaignStatus.SENDING
                    && gate.blockers(email).isEmpty();
        }));
    }

    /** Writes the ledger's rows and moves the email to SENDING; the caller's transaction holds both. */
    void start(EmailCampaign email, Instant now) {
        EmailDraft draft = email.draft();
        Instant at = email.scheduledAt() == null || email.scheduledAt().isBefore(now) ? now : email.scheduledAt();
        java.util.function.IntFunction<TestSplit> split = abTests.starting(email.getId(), now)
                .<java.util.function.IntFunction<TestSplit>>map(test -> size -> TestSplit.of(size, test.testShare(),
                        test.keys(), email.getId())).orElse(null);
        ledger.write(TenantScope.current(), email.getId(), audiences.of(draft.listIds(), draft.segmentId()), split, at,
                email.recipientZone() ? email.localTime() : null, email.fallbackZone(), now);
        email.start(now);
    }

    private boolean waits(EmailCampaign email, List<String> blockers, Instant now) {
        email.waitFor(blockers, now);
        return !blockers.isEmpty();
    }

    private SendRunner.Batch batch(EmailCampaign email) {
        EmailDraft draft = email.draft();
        java.util.Map<String, MessageComposer> composers = new java.util.HashMap<>();
        composers.put("A", composer(email, draft.subject(), draft.preheader(), draft.html()));
        for (AbVariant v : abTests.variantsOf(email.getId())) {
            composers.put(v.key(), composer(email, v.subject() != null ? v.subject() : draft.subject(),
                    v.preheader() != null ? v.preheader() : draft.preheader(), v.html() != null ? v.html() : draft.html()));
        }
        return new SendRunner.Batch(TenantScope.current(), email.getId(),
                draft.segmentId() == null ? draft.listIds() : List.of(), composers, delivery.account());
    }

    private MessageComposer composer(EmailCampaign email, String subject, String preheader, String html) {
        return new MessageComposer(TenantScope.current(), email.getId(),
                TrackedEmail.prepare(new EmailContent(subject, preheader, html)), settings.current(), links,
                urls.ofOrLocal(""), json);
    }

    /** When the next queued row falls due, or null after ending the send: nothing is left queued. */
    Instant finishOrWait(UUID id) {
        return tx.execute(status -> {
            Instant next = ledger.nextDue(TenantScope.current(), id);
            if (next != null) {
                return next;
            }
            if (ledger.held(TenantScope.current(), id) > 0) {
                // the test group has its messages: the rest waits for the winner
                return abTests.decideOrWait(id, clock.instant());
            }
            // a person's pause or cancel ended the send already: nothing is left to finish
            emails.findById(id).filter(email -> EmailCampaignMove.FINISH.allowedFrom(email.status()))
                    .ifPresent(email -> email.finish(clock.instant()));
            return null;
        });
    }
}
