package io.flightdeck.email.sending;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.email.delivery.DeliverySettings;
import io.flightdeck.email.providers.MailjetEvents;
import io.flightdeck.email.providers.ProviderEvent;
import io.flightdeck.email.providers.SendGridEvents;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.webhooks.WebhookDeliveries;
import io.flightdeck.shared.webhooks.WebhookRejectedException;
import io.flightdeck.shared.webhooks.WebhookRequest;
import org.springframework.stereotype.Service;

/**
 * The providers' event webhooks, through the webhook kit. The address's token names the workspace; the delivery is
 * verified before its body is read (SendGrid's ECDSA signature with the workspace's verification key and a 300 s
 * window, Mailjet's Basic credentials), so an address of one workspace with another's key or password is refused and
 * nothing is written. Each event is then applied once ({@link WebhookDeliveries}, by SendGrid's {@code sg_event_id}
 * or a hash of what tells Mailjet's events apart), each in its own transaction inside the workspace: a resent delivery
 * changes nothing, and an event whose ledger key names no row of this workspace is acknowledged and ignored.
 */
@Service
public class ProviderEventIntake {

    /** How many events of a delivery did something, were seen before, or named nothing Flightdeck sent. */
    public record ProviderEventReceipt(int applied, int duplicates, int ignored) {
    }

    private final DeliverySettings settings;
    private final WebhookDeliveries deliveries;
    private final ProviderEventLedger ledger;

    ProviderEventIntake(DeliverySettings settings, WebhookDeliveries deliveries, ProviderEventLedger ledger) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.ledger = ledger;
    }

    /** Refused (401) unless the delivery verifies for the workspace its address names. */
    public ProviderEventReceipt receive(DeliveryProvider provider, String token, WebhookRequest delivery) {
        DeliverySettings.EventEndpoint endpoint = settings.eventEndpoint(provider, token)
                .orElseThrow(() -> new WebhookRejectedException("No workspace takes " + provider.label()
                        + " events at this address"));
        endpoint.scheme().verify(delivery);
        List<ProviderEvent> events = provider == DeliveryProvider.MAILJET ? MailjetEvents.parse(delivery.body())
                : SendGridEvents.parse(delivery.body());
        int applied = 0;
        int duplicates = 0;
        int ignored = 0;
        String source = "email-" + provider.name().toLowerCase(java.util.Locale.ROOT);
        for (ProviderEvent event : events) {
            Optional<UUID> row = rowId(event.ledgerKey());
            if (row.isEmpty()) {
                ignored++;
                continue;
            }
            boolean[] known = {false};
            // the id within the workspace: no workspace's deliveries can use up another's event ids
            String id = endpoint.workspaceId() + ":" + event.dedupKey();
            boolean once = TenantScope.call(endpoint.workspaceId(), () -> deliveries.once(source, id,
                    () -> known[0] = ledger.apply(row.get(), event, provider.label())));
            if (!once) {
                duplicates++;
            } else if (known[0]) {
                applied++;
            } else {
                ignored++;
            }
        }
        return new ProviderEventReceipt(applied, duplicates, ignored);
    }

    /** The ledger key is the row's id; anything else was not sent by Flightdeck. */
    private static Optional<UUID> rowId(String ledgerKey) {
        if (ledgerKey == null || ledgerKey.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ledgerKey));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
