package io.flightdeck.email.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's contacts as members manage them (the controllers check roles): find, add with a consent basis, change,
 * unsubscribe and subscribe again on fresh consent, export one person's data and erase it on request.
 */
@Service
public class Contacts {

    /** A contact to add: the address, what else is known, and the consent that lets the workspace mail them. */
    public record NewContact(String email, ContactDetails details, ContactConsent consent) {
    }

    /** Everything kept about one person, for a data request. */
    public record Export(ContactView contact, List<EmailListView> lists, Instant exportedAt) {
    }

    private final ContactRepository contacts;
    private final EmailLists lists;
    private final ContactAttributeRows attributeRows;
    private final OptIns optIns;
    private final Clock clock;

    Contacts(ContactRepository contacts, EmailLists lists, ContactAttributeRows attributeRows, OptIns optIns,
            Clock clock) {
        this.contacts = contacts;
        this.lists = lists;
        this.attributeRows = attributeRows;
        this.optIns = optIns;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<ContactView> search(String query, ContactStatus status, Pageable page) {
        String like = query == null || query.isBlank() ? null
                : "%" + query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        if (like != null && like.length() > 322) {
            throw new InvalidInputException("q", "Search for at most 320 characters");
        }
        return contacts.search(like, status, page).map(Contact::view);
    }

    @Transactional(readOnly = true)
    public ContactView get(UUID id) {
        return find(id).view();
    }

    /** These contacts, in the order of the ids given (an id that is not a contact of the workspace is left out). */
    @Transactional(readOnly = true)
    public List<ContactView> views(List<UUID> ids) {
        Map<UUID, ContactView> found = new java.util.HashMap<>();
        contacts.findAllById(ids).forEach(c -> found.put(c.getId(), c.view()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The contact with this address, in any case. */
    @Transactional(readOnly = true)
    public java.util.Optional<ContactView> byAddress(String email) {
        return contacts.findByEmailKey(EmailAddress.of(email).key()).map(Contact::view);
    }

    /** Counts by status, for the page's summary. */
    @Transactional(readOnly = true)
    public Map<ContactStatus, Long> counts() {
        Map<ContactStatus, Long> counts = new java.util.EnumMap<>(ContactStatus.class);
        for (ContactStatus status : ContactStatus.values()) {
            counts.put(status, contacts.countByStatus(status));
        }
        return counts;
    }

    /**
     * Refused when the address is already a contact (the answer names it), or the consent is dated in the future. While
     * the workspace asks for double opt-in, a contact from a form or the API is PENDING and their link is mailed.
     */
    @Transactional
    public ContactView add(NewContact contact) {
        EmailAddress address = EmailAddress.of(contact.email());
        Instant now = clock.instant();
        checkWhen(contact.consent(), now);
        contacts.findByEmailKey(address.key()).ifPresent(existing -> {
            throw new ConflictException("contact-exists", "A contact with this address exists already",
                    Map.of("contactId", existing.getId()));
        });
        boolean confirmFirst = optIns.required(contact.consent().source());
        Contact fresh = new Contact(address, contact.details(), contact.consent(),
                confirmFirst ? OptIns.AWAITING : null, now);
        if (confirmFirst) {
            optIns.issue(fresh, now);
        }
        ContactView made = contacts.saveAndFlush(fresh).view();
        attributeRows.replace(made.id(), made.attributes());
        return made;
    }

    /** New details; with {@code expectedVersion}, refused when someone changed the contact since it was read. */
    @Transactional
    public ContactView change(UUID id, ContactDetails details, Long expectedVersion) {
        Contact contact = find(id);
        if (expectedVersion != null && expectedVersion != contact.version()) {
            throw new PreconditionFailedException(contact.version());
        }
        contact.change(details, clock.instant());
        contacts.flush();
        ContactView changed = contact.view();
        attributeRows.replace(id, changed.attributes());
        return changed;
    }

    /** Unsubscribed from all campaign mail of the workspace, at once; {@code why} names who or what did it. */
    @Transactional
    public ContactView unsubscribe(UUID id, String why) {
        Contact contact = find(id);
        contact.suppress(ContactStatus.UNSUBSCRIBED, why, clock.instant());
        contacts.flush();
        return contact.view();
    }

    /**
     * Suppressed because a provider reported a hard bounce ({@code BOUNCED}) or a spam complaint ({@code COMPLAINED});
     * a complaint is never overwritten by a later bounce or unsubscribe. {@code why} names the provider.
     */
    @Transactional
    public ContactView suppress(UUID id, ContactStatus status, String why) {
        if (status != ContactStatus.BOUNCED && status != ContactStatus.COMPLAINED
                && status != ContactStatus.UNSUBSCRIBED) {
            throw new IllegalArgumentException("Not a suppressing status: " + status);
        }
        Contact contact = find(id);
        contact.suppress(status, why, clock.instant());
        contacts.flush();
        return contact.view();
    }

    /**
     * The person unsubscribed themselves (the link in an email, the preference centre): suppressed at once like any
     * unsubscribe, and remembered as their own doing, which alone lets them undo it ({@link #resubscribeByThemselves}).
     * Nothing changes for someone already suppressed.
     */
    @Transactional
    public ContactView unsubscribeByThemselves(UUID id, String how) {
        Contact contact = find(id);
        if (contact.status() == ContactStatus.SUBSCRIBED) {
            contact.suppress(ContactStatus.UNSUBSCRIBED, how, true, clock.instant());
            contacts.flush();
        }
        return contact.view();
    }

    /**
     * The person subscribes again themselves, which is fresh consent from them now, with {@code evidence} saying where
     * (the preference centre). Only someone who unsubscribed themselves may: a member's unsubscribe, a bounce or a
     * complaint is refused (409 {@code contact-suppressed}).
     */
    @Transactional
    public ContactView resubscribeByThemselves(UUID id, String evidence) {
        Contact contact = find(id);
        if (contact.status() == ContactStatus.SUBSCRIBED) {
            return contact.view();
        }
        if (!contact.unsubscribedByContact()) {
            throw new ConflictException("contact-suppressed", "This address cannot be subscribed again from here.");
        }
        Instant now = clock.instant();
        contact.resubscribe(new ContactConsent(ConsentSource.FORM, evidence, now), now);
        contacts.flush();
        return contact.view();
    }

    /** Whether the person may subscribe again themselves: they unsubscribed by their own hand, nothing worse. */
    @Transactional(readOnly = true)
    public boolean mayResubscribeThemselves(UUID id) {
        return find(id).unsubscribedByContact();
    }

    @Transactional
    public ContactView resubscribe(UUID id, ContactConsent consent) {
        Contact contact = find(id);
        checkWhen(consent, clock.instant());
        contact.resubscribe(consent, clock.instant());
        contacts.flush();
        return contact.view();
    }

    @Transactional(readOnly = true)
    public Export export(UUID id) {
        return new Export(find(id).view(), lists.listsOf(id), clock.instant());
    }

    /** Erased on the person's request: the row and their list memberships go; nothing keeps their address. */
    @Transactional
    public void erase(UUID id) {
        contacts.delete(find(id));
    }

    private Contact find(UUID id) {
        return contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact"));
    }

    private static void checkWhen(ContactConsent consent, Instant now) {
        if (consent.at() != null && consent.at().isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("consent.at", "Consent cannot be given in the future");
        }
    }
}
