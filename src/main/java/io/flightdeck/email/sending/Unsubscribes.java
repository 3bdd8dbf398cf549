package io.flightdeck.email.sending;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unsubscribing by the link in an email, without a session: the signed token names the email and the contact, and
 * the email names the workspace. One-click (RFC 8058) stops all the workspace's campaign mail to the person at once,
 * and the send's ledger row remembers it for the email's numbers. Doing it again changes nothing.
 */
@Service
public class Unsubscribes {

    private final TrackingLinks links;
    private final Contacts contacts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EmailSettings settings;
    private final Clock clock;

    Unsubscribes(TrackingLinks links, Contacts contacts, JdbcClient jdbc, TransactionTemplate tx,
            EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.links = links;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the confirmation page shows: the address (partly hidden) and whether it is already unsubscribed. */
    public record Recipient(String maskedAddress, boolean unsubscribed, String sender) {
    }

    /** Who a link is for; nothing for a forged or altered token, or a contact since erased. */
    public Optional<Recipient> recipient(String token) {
        return scoped(token, contactId -> {
            ContactView contact = contacts.get(contactId);
            return new Recipient(mask(contact.email()), contact.status() != ContactStatus.SUBSCRIBED,
                    settings.current().fromName());
        });
    }

    /** Unsubscribes the link's contact from all campaign mail of its workspace, at once. */
    public Optional<Recipient> unsubscribe(String token) {
        return scoped(token, contactId -> tx.execute(status -> {
            ContactView contact = contacts.get(contactId);
            if (contact.status() == ContactStatus.SUBSCRIBED) {
                contact = contacts.unsubscribe(contactId, "Unsubscribed with the link in an email");
            }
            return new Recipient(mask(contact.email()), true, settings.current().fromName());
        }));
    }

    private <T> Optional<T> scoped(String token, java.util.function.Function<UUID, T> work) {
        TrackingLinks.Unsubscribe link;
        try {
            link = links.unsubscribe(token);
        } catch (RuntimeException forged) {
            return Optional.empty();
        }
        UUID emailId = link.sendId();
        Optional<UUID> workspace = TenantScope.system("unsubscribe link", () -> jdbc
                .sql("select tenant_id from email_campaigns where id = ?").param(emailId).query(UUID.class).optional());
        if (workspace.isEmpty()) {
            return Optional.empty();
        }
        return TenantScope.call(workspace.get(), () -> {
            try {
                T result = work.apply(link.contactId());
                jdbc.sql("update email_recipients set unsubscribed_at = coalesce(unsubscribed_at, ?) where tenant_id = ?"
                        + " and email_campaign_id = ? and contact_id = ?")
                        .params(Timestamp.from(clock.instant()), workspace.get(), emailId, link.contactId()).update();
                return Optional.of(result);
            } catch (NotFoundException erased) {
                return Optional.empty();
            }
        });
    }

    /** a•••@example.com: enough for the person to know it is theirs, little for anyone who forwards the link. */
    static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "•••" : address.charAt(0) + "•••" + address.substring(at);
    }
}
