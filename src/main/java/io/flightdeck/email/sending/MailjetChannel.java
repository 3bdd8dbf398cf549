package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.email.delivery.ProviderClients;
import io.flightdeck.email.providers.EmailProviderException;
import io.flightdeck.email.providers.MailjetSendApi;
import io.flightdeck.email.providers.OutgoingEmail;
import io.flightdeck.email.providers.SendResult;
import io.flightdeck.shared.jobs.CrashHold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mailjet's Send API v3.1: a call of up to 50 messages, whose rows are all handed over (committed) before the call, so
 * a crash never sends anyone twice, and whose outcomes are recorded as soon as it is answered. Rows a crash or a lost
 * answer left unconfirmed are looked up by their ledger key (Mailjet's CustomID) before the send goes on
 * ({@link #settleInDoubt}).
 * <p>
 * {@code flightdeck.email.sending.hold-at} can hold a call's thread, for the crash test only, once {@code hold-after}
 * messages went from this node: before-provider-call (its rows handed over, the call not made) or after-provider-call
 * (the call answered, the answer not yet recorded).
 */
@Component
class MailjetChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(MailjetChannel.class);
    private static final int LOOK_UPS_PER_STEP = 50;

    private final SendLedger ledger;
    private final SendThrottle throttle;
    private final ProviderClients clients;
    private final ProviderSending answers;
    private final SendingProperties properties;
    private final Clock clock;
    private final CrashHold hold;
    /** Messages handed to Mailjet from this node, for the crash test's hold. */
    private final AtomicInteger handedOver = new AtomicInteger();

    MailjetChannel(SendLedger ledger, SendThrottle throttle, ProviderClients clients, ProviderSending answers,
            SendingProperties properties, Clock clock) {
        this.ledger = ledger;
        this.throttle = throttle;
        this.clients = clients;
        this.answers = answers;
        this.properties = properties;
        this.clock = clock;
        this.hold = CrashHold.of("flightdeck.email.sending.hold-at", properties.holdAt(), SendRunner.BOUNDARIES);
    }

    @Override
    public DeliveryProvider provider() {
        return DeliveryProvider.MAILJET;
    }

    @Override
    public int callSize() {
        return MailjetSendApi.MAX_MESSAGES;
    }

    @Override
    public boolean recordsEachCall() {
        return true;
    }

    /** One Mailjet call for up to 50 rows; the outcome of each row that was made or sent. */
    @Override
    public List<Outcome> send(SendRunner.Batch batch, List<SendLedger.Due> rows) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        Map<UUID, SendLedger.Due> byId = new LinkedHashMap<>();
        Map<UUID, OutgoingEmail> messages = new LinkedHashMap<>();
        for (SendLedger.Due row : rows) {
            try {
                messages.put(row.id(), ProviderSending.email(batch.composer(row.variant()).compose(row)));
                byId.put(row.id(), row);
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(row.id(), "Could not be made: " + e.getMessage(), true, false));
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            throttle.acquire();
        }
        Set<UUID> handed = ledger.handOverAll(batch.tenantId(), new ArrayList<>(messages.keySet()), clock.instant());
        messages.keySet().retainAll(handed);
        if (messages.isEmpty()) {
            return outcomes;
        }
        MailjetSendApi api = clients.mailjet(batch.tenantId(), batch.account());
        String call = "email recipients " + messages.keySet().iterator().next() + " and " + (messages.size() - 1) + " more";
        if (handedOver.get() >= properties.holdAfter()) {
            hold.reached("before-provider-call", call);
        }
        try {
            List<SendResult> results = api.send(new ArrayList<>(messages.values()));
            if (handedOver.addAndGet(messages.size()) > properties.holdAfter()) {
                hold.reached("after-provider-call", call);
            }
            for (SendResult result : results) {
                SendLedger.Due row = byId.get(UUID.fromString(result.ledgerKey()));
                outcomes.add(answers.outcome(row, result, "Mailjet"));
            }
        } catch (EmailProviderException e) {
            messages.keySet().forEach(id -> outcomes.add(answers.outcome(byId.get(id), e)));
        }
        return outcomes;
    }

    /**
     * Looks up the rows of a Mailjet send left handed over and unconfirmed (a crash, a lost answer) once Mailjet's
     * message list had time to show them: found, they are sent, with Mailjet's id; not found, they are queued again.
     * Answers when to look again, or null when nothing is in doubt.
     */
    @Override
    public Instant settleInDoubt(SendRunner.Batch batch) {
        Duration wait = clients.lookUpAfter();
        Instant now = clock.instant();
        List<UUID> rows = ledger.inDoubt(batch.tenantId(), batch.emailCampaignId(), now.minus(wait), LOOK_UPS_PER_STEP);
        if (!rows.isEmpty()) {
            MailjetSendApi api = clients.mailjet(batch.tenantId(), batch.account());
            for (UUID id : rows) {
                List<String> found;
                try {
                    found = api.lookUp(id.toString());
                } catch (EmailProviderException e) {
                    log.warn("Email {}: could not look up unconfirmed messages at Mailjet: {}",
                            batch.emailCampaignId(), e.getMessage());
                    return now.plus(e.retryAfter().orElse(properties.retryPause()));
                }
                if (found.isEmpty()) {
                    ledger.requeueUnsent(batch.tenantId(), id, "Not found at Mailjet after its answer was lost: sent again", now);
                } else {
                    ledger.confirmSent(batch.tenantId(), id, found.get(0), now);
                }
            }
        }
        Instant oldest = ledger.oldestInDoubt(batch.tenantId(), batch.emailCampaignId());
        return oldest == null ? null : oldest.plus(wait).isBefore(now) ? now : oldest.plus(wait);
    }
}
