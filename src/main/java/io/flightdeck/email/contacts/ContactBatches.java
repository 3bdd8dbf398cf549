package io.flightdeck.email.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts written a batch at a time, for an import: one query finds the batch's existing contacts, new ones are
 * inserted together, attribute rows and list memberships are written in one statement each. Existing contacts are
 * skipped or have their details updated (an empty cell keeps what is there; attributes are merged), and someone
 * unsubscribed, bounced or complained is never touched: they stay suppressed. A row whose details are as they are
 * already changes nothing, so importing the same file twice writes nothing the second time.
 */
@Service
public class ContactBatches {

    /** What to do with a row whose address is already a contact. */
    public enum Existing {
        SKIP, UPDATE
    }

    /** What became of a row. */
    public enum Outcome {
        ADDED, UPDATED, UNCHANGED, SUPPRESSED_KEPT, REJECTED
    }

    /**
     * One row as read from the file: the address, and what the file says (null for a column not mapped or empty).
     */
    public record Row(EmailAddress address, String name, String timeZone, Map<String, String> attributes) {
    }

    /** A row's outcome, with the reason when it was rejected (details that do not fit once merged). */
    public record Result(Outcome outcome, String problem) {
    }

    private final ContactRepository contacts;
    private final ListMembershipRepository memberships;
    private final EmailListRepository lists;
    private final ContactAttributeRows attributeRows;
    private final Clock clock;

    ContactBatches(ContactRepository contacts, ListMembershipRepository memberships, EmailListRepository lists,
            ContactAttributeRows attributeRows, Clock clock) {
        this.contacts = contacts;
        this.memberships = memberships;
        this.lists = lists;
        this.attributeRows = attributeRows;
        this.clock = clock;
    }

    /** Whether the list is one of the workspace's. */
    @Transactional(readOnly = true)
    public boolean listExists(UUID listId) {
        return lists.existsById(listId);
    }

    /**
     * Writes the rows (their addresses distinct) in the caller's transaction; answers an outcome per row, in order.
     * {@code listId} (or null): everyone added, updated or left unchanged is put on it, except those who left it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Result> write(List<Row> rows, ContactConsent consent, Existing existing, UUID listId) {
        Instant now = clock.instant();
        Map<String, Contact> found = new HashMap<>();
        contacts.findByEmailKeyIn(rows.stream().map(r -> r.address().key()).toList())
                .forEach(c -> found.put(c.emailKey(), c));
        List<Result> results = new ArrayList<>(rows.size());
        List<Contact> added = new ArrayList<>();
        Map<UUID, Map<String, String>> attributes = new LinkedHashMap<>();
        List<UUID> onList = new ArrayList<>();
        for (Row row : rows) {
            Contact contact = found.get(row.address().key());
            try {
                if (contact == null) {
                    contact = new Contact(row.address(), new ContactDetails(row.name(), row.attributes(),
                            row.timeZone()), consent, null, now);
                    added.add(contact);
                    attributes.put(contact.getId(), contact.view().attributes());
                    results.add(new Result(Outcome.ADDED, null));
                } else if (contact.status().suppressed()) {
                    results.add(new Result(Outcome.SUPPRESSED_KEPT, null));
                    continue;
                } else if (existing == Existing.UPDATE && update(contact, row, now)) {
                    attributes.put(contact.getId(), contact.view().attributes());
                    results.add(new Result(Outcome.UPDATED, null));
                } else {
                    results.add(new Result(Outcome.UNCHANGED, null));
                }
                onList.add(contact.getId());
            } catch (InvalidInputException e) {
                results.add(new Result(Outcome.REJECTED, e.getMessage()));
            }
        }
        contacts.saveAll(added);
        contacts.flush();
        attributeRows.replace(attributes);
        if (listId != null && !onList.isEmpty() && lists.existsById(listId)) {
            join(listId, onList, now);
        }
        return results;
    }

    /** New details from the row, merged with what is there; false (and nothing changed) when they are the same. */
    private static boolean update(Contact contact, Row row, Instant now) {
        ContactView current = contact.view();
        Map<String, String> merged = new LinkedHashMap<>(current.attributes());
        if (row.attributes() != null) {
            merged.putAll(row.attributes());
        }
        ContactDetails details = new ContactDetails(row.name() != null ? row.name() : current.name(), merged,
                row.timeZone() != null ? row.timeZone() : current.timeZone());
        if (Objects.equals(details.name(), current.name()) && Objects.equals(details.timeZone(), current.timeZone())
                && details.attributes().equals(current.attributes())) {
            return false;
        }
        contact.change(details, now);
        return true;
    }

    /** Puts the contacts on the list; anyone on it already, or who left it, stays as they are. */
    private void join(UUID listId, List<UUID> contactIds, Instant now) {
        Set<UUID> there = new HashSet<>();
        memberships.findByListIdAndContactIdIn(listId, contactIds).forEach(m -> there.add(m.contactId()));
        List<ListMembership> joining = new ArrayList<>();
        for (UUID contact : contactIds) {
            if (there.add(contact)) {
                joining.add(new ListMembership(listId, contact, now));
            }
        }
        memberships.saveAll(joining);
        memberships.flush();
    }
}
