package io.flightdeck.email.sending;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.providers.ProviderEvent;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a provider's event does to the send ledger and the contact, inside the caller's transaction and workspace.
 * The row's state only moves up: SENT (or still unconfirmed) to DELIVERED, then BOUNCED, then COMPLAINED, so events
 * that arrive out of order, or twice, leave the strongest one. A hard bounce suppresses the contact as BOUNCED, a
 * complaint as COMPLAINED and an unsubscribe as UNSUBSCRIBED, by the contacts' own rules (a complaint is never
 * overwritten). A block (the provider did not send it) fails the row for good and leaves the contact alone.
 */
@Component
class ProviderEventLedger {

    private static final Map<String, Integer> RANK = Map.of("DELIVERED", 1, "BOUNCED", 2, "COMPLAINED", 3);

    private final JdbcClient jdbc;
    private final Contacts contacts;
    private final Clock clock;

    ProviderEventLedger(JdbcClient jdbc, Contacts contacts, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.clock = clock;
    }

    private record Row(UUID id, UUID contactId, String state) {
    }

    /** False when the event names no row of this workspace (acknowledged, and ignored). */
    boolean apply(UUID rowId, ProviderEvent event, String provider) {
        UUID tenant = TenantScope.require();
        Optional<Row> found = jdbc.sql("select id, contact_id, state from email_recipients where tenant_id = ? and id = ?")
                .params(tenant, rowId).query((r, i) -> new Row(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                        r.getString(3))).optional();
        if (found.isEmpty()) {
            return false;
        }
        Row row = found.get();
        Timestamp at = Timestamp.from(event.at());
        switch (event.kind()) {
            case DELIVERED -> {
                moveUp(row, "DELIVERED", event, "delivered_at");
            }
            case BOUNCED_HARD -> {
                moveUp(row, "BOUNCED", event, "bounced_at");
                suppress(row, ContactStatus.BOUNCED, "Hard bounce reported by " + provider);
            }
            case COMPLAINED -> {
                moveUp(row, "COMPLAINED", event, "complained_at");
                suppress(row, ContactStatus.COMPLAINED, "Marked as spam, reported by " + provider);
            }
            case UNSUBSCRIBED -> {
                jdbc.sql("update email_recipients set unsubscribed_at = coalesce(unsubscribed_at, ?), updated_at = ?"
                        + " where tenant_id = ? and id = ?")
                        .params(at, Timestamp.from(clock.instant()), tenant, row.id()).update();
                suppress(row, ContactStatus.UNSUBSCRIBED, "Unsubscribed through " + provider + "'s link");
            }
            case DROPPED -> {
                jdbc.sql("update email_recipients set state = 'FAILED', permanent = true, error = ?, updated_at = ?"
                        + " where tenant_id = ? and id = ? and state in ('HANDED_OVER', 'SENT')")
                        .params(provider + " did not send it: the address or the message was blocked",
                                Timestamp.from(clock.instant()), tenant,
                                row.id()).update();
            }
            default -> {
                // soft bounces and deferrals pass (the provider tries again); opens and clicks come from our own links
            }
        }
        return true;
    }

    /**
     * The row to {@code state} unless it holds a stronger one already; a provider's event also proves that a row left
     * unconfirmed (or queued again after a look-up missed it) was sent, so it is never sent again.
     */
    private void moveUp(Row row, String state, ProviderEvent event, String timeColumn) {
        Timestamp at = Timestamp.from(event.at());
        String next = RANK.getOrDefault(row.state(), 0) >= RANK.get(state) ? row.state() : state;
        if (row.state().equals("SKIPPED")) {
            return;
        }
        jdbc.sql("update email_recipients set state = ?, " + timeColumn + " = coalesce(" + timeColumn + ", ?),"
                + " sent_at = coalesce(sent_at, ?), provider_id = coalesce(provider_id, ?), updated_at = ?"
                + " where tenant_id = ? and id = ?")
                .params(next, at, at, event.providerMessageId(), Timestamp.from(clock.instant()), TenantScope.require(),
                        row.id()).update();
    }

    private void suppress(Row row, ContactStatus status, String why) {
        try {
            ContactView contact = contacts.get(row.contactId());
            if (contact.status() == status || (status == ContactStatus.UNSUBSCRIBED && contact.status().suppressed())) {
                return; // already so: a repeat changes nothing, and an unsubscribe adds nothing to a bounce
            }
            contacts.suppress(row.contactId(), status, why);
        } catch (NotFoundException erased) {
            // the person was erased on request: nothing of theirs is kept to suppress
        }
    }
}
