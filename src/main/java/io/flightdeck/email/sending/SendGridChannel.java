package io.flightdeck.email.sending;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.email.delivery.ProviderClients;
import io.flightdeck.email.providers.EmailProviderException;
import io.flightdeck.email.providers.OutgoingEmail;
import org.springframework.stereotype.Component;

/**
 * SendGrid's Mail Send: a message a call, its hand-over committed before the call. SendGrid lists no message a client
 * could look up by its own key, so a call whose answer was lost stays unconfirmed for a person.
 */
@Component
class SendGridChannel implements DeliveryChannel {

    private final SendLedger ledger;
    private final SendThrottle throttle;
    private final ProviderClients clients;
    private final ProviderSending answers;
    private final Clock clock;

    SendGridChannel(SendLedger ledger, SendThrottle throttle, ProviderClients clients, ProviderSending answers,
            Clock clock) {
        this.ledger = ledger;
        this.throttle = throttle;
        this.clients = clients;
        this.answers = answers;
        this.clock = clock;
    }

    @Override
    public DeliveryProvider provider() {
        return DeliveryProvider.SENDGRID;
    }

    @Override
    public List<Outcome> send(SendRunner.Batch batch, List<SendLedger.Due> call) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>(call.size());
        for (SendLedger.Due row : call) {
            OutgoingEmail message;
            try {
                message = ProviderSending.email(batch.composer(row.variant()).compose(row));
            } catch (RuntimeException e) {
                outcomes.add(Outcome.failed(row.id(), "Could not be made: " + e.getMessage(), true, false));
                continue;
            }
            throttle.acquire();
            if (!ledger.handOver(batch.tenantId(), row.id(), clock.instant())) {
                continue; // no longer queued: it must not leave
            }
            try {
                outcomes.add(answers.outcome(row, clients.sendGrid(batch.tenantId(), batch.account()).send(message),
                        "SendGrid"));
            } catch (EmailProviderException e) {
                outcomes.add(answers.outcome(row, e));
            }
        }
        return outcomes;
    }
}
