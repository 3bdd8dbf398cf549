package io.flightdeck.email.sending;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.flightdeck.email.contacts.ContactListMembership;
import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The preference centre behind the link in every email's footer, without a session: the person sees their address
 * (partly hidden) and the workspace's lists they are on or left, leaves or rejoins single lists, unsubscribes from
 * everything, and subscribes again when the unsubscribe was their own. Every change goes through Contacts and the
 * list rules and is recorded as the person's own choice. Reading changes nothing (mail scanners fetch every link);
 * a forged or foreign token, or a list that is not theirs, is not found.
 */
@Service
public class EmailPreferences {

    static final String EVIDENCE = "Subscribed again by the person in the preference centre (link in an email)";
    static final String UNSUBSCRIBED_HERE = "Unsubscribed by the person in the preference centre";

    /** What the page shows. {@code mayResubscribe}: unsubscribed by their own hand, never after a bounce or complaint. */
    public record Centre(String maskedAddress, String sender, ContactStatus status, boolean subscribed,
            boolean mayResubscribe, List<ContactListMembership> lists) {
    }

    private final RecipientLinks links;
    private final Contacts contacts;
    private final EmailLists lists;
    private final EmailSettings settings;
    private final TransactionTemplate tx;

    EmailPreferences(RecipientLinks links, Contacts contacts, EmailLists lists, EmailSettings settings,
            TransactionTemplate tx) {
        this.links = links;
        this.contacts = contacts;
        this.lists = lists;
        this.settings = settings;
        this.tx = tx;
    }

    /** The person's preferences; empty for a forged token or a contact since erased. */
    public Optional<Centre> open(String token) {
        return change(token, link -> {
        });
    }

    /** The person leaves one list; their other lists and their status stay. */
    public Optional<Centre> leave(String token, UUID listId) {
        return change(token, link -> lists.unsubscribe(listId, link.contactId()));
    }

    /** The person comes back to a list they had left. */
    public Optional<Centre> rejoin(String token, UUID listId) {
        return change(token, link -> lists.rejoin(listId, link.contactId()));
    }

    /** No more campaign mail from the workspace at all, as the one-click link does. */
    public Optional<Centre> unsubscribeAll(String token) {
        return change(token, link -> {
            contacts.unsubscribeByThemselves(link.contactId(), UNSUBSCRIBED_HERE);
            links.recordUnsubscribe(link);
        });
    }

    /** Subscribed again on the person's own fresh consent; 409 {@code contact-suppressed} after a bounce or complaint. */
    public Optional<Centre> resubscribe(String token) {
        return change(token, link -> contacts.resubscribeByThemselves(link.contactId(), EVIDENCE));
    }

    /**
     * Applies {@code work} and reads the centre afresh in one transaction inside the link's workspace. A list that is
     * not the person's is a {@link NotFoundException} (thrown); an unknown token or an erased contact is empty.
     */
    private Optional<Centre> change(String token, Consumer<RecipientLinks.Link> work) {
        Optional<RecipientLinks.Link> found = links.resolve(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RecipientLinks.Link link = found.get();
        return TenantScope.call(link.workspaceId(), () -> tx.execute(status -> {
            // looked up without throwing: a NotFoundException would mark the transaction for rollback
            if (contacts.views(List.of(link.contactId())).isEmpty()) {
                return Optional.<Centre>empty(); // erased, or another workspace's contact
            }
            work.accept(link);
            ContactView contact = contacts.get(link.contactId());
            return Optional.of(new Centre(Unsubscribes.mask(contact.email()), settings.current().fromName(),
                    contact.status(), contact.status() == ContactStatus.SUBSCRIBED,
                    contacts.mayResubscribeThemselves(contact.id()), lists.membershipsOf(contact.id())));
        }));
    }
}
