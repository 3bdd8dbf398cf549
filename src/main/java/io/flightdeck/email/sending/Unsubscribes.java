package io.flightdeck.email.sending;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unsubscribing by the link in an email, without a session: the signed token names the email and the contact, and
 * the email names the workspace. One-click (RFC 8058) stops all the workspace's campaign mail to the person at once,
 * as their own doing, and the send's ledger row remembers it for the email's numbers. Doing it again changes nothing;
 * only reading who the link is for changes nothing at all.
 */
@Service
public class Unsubscribes {

    static final String BY_LINK = "Unsubscribed with the link in an email";

    private final RecipientLinks links;
    private final Contacts contacts;
    private final TransactionTemplate tx;
    private final EmailSettings settings;

    Unsubscribes(RecipientLinks links, Contacts contacts, TransactionTemplate tx, EmailSettings settings) {
        this.settings = settings;
        this.links = links;
        this.contacts = contacts;
        this.tx = tx;
    }

    /** What the confirmation page shows: the address (partly hidden) and whether it is already unsubscribed. */
    public record Recipient(String maskedAddress, boolean unsubscribed, String sender) {
    }

    /** Who a link is for; nothing for a forged or altered token, or a contact since erased. Changes nothing. */
    public Optional<Recipient> recipient(String token) {
        return scoped(token, link -> {
            ContactView contact = contacts.get(link.contactId());
            return new Recipient(mask(contact.email()), contact.status() != ContactStatus.SUBSCRIBED,
                    settings.current().fromName());
        });
    }

    /** Unsubscribes the link's contact from all campaign mail of its workspace, at once. */
    public Optional<Recipient> unsubscribe(String token) {
        return scoped(token, link -> tx.execute(status -> {
            ContactView contact = contacts.unsubscribeByThemselves(link.contactId(), BY_LINK);
            links.recordUnsubscribe(link);
            return new Recipient(mask(contact.email()), true, settings.current().fromName());
        }));
    }

    private <T> Optional<T> scoped(String token, Function<RecipientLinks.Link, T> work) {
        return links.resolve(token).flatMap(link -> TenantScope.call(link.workspaceId(), () -> {
            try {
                return Optional.of(work.apply(link));
            } catch (NotFoundException erased) {
                return Optional.<T>empty();
            }
        }));
    }

    /** a•••@example.com: enough for the person to know it is theirs, little for anyone who forwards the link. */
    static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "•••" : address.charAt(0) + "•••" + address.substring(at);
    }
}
