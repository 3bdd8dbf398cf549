package io.flightdeck.email.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's lists as members manage them (the controllers check roles): make, rename, remove; put contacts on a
 * list and take them off; a contact leaving one list (unsubscribing from it) stays on the others.
 */
@Service
public class EmailLists {

    /** How many contacts one request may put on a list. */
    public static final int MAX_ADD = 1000;

    private final EmailListRepository lists;
    private final ListMembershipRepository memberships;
    private final ContactRepository contacts;
    private final Clock clock;

    EmailLists(EmailListRepository lists, ListMembershipRepository memberships, ContactRepository contacts,
            Clock clock) {
        this.lists = lists;
        this.memberships = memberships;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<EmailListView> page(Pageable page) {
        Page<EmailList> found = lists.findAllBy(page);
        Map<UUID, Long> counts = counts(found.map(EmailList::getId).getContent());
        return found.map(list -> list.view(counts.getOrDefault(list.getId(), 0L)));
    }

    @Transactional(readOnly = true)
    public EmailListView get(UUID id) {
        EmailList list = find(id);
        return list.view(counts(List.of(id)).getOrDefault(id, 0L));
    }

    /** The names of those of these lists the workspace still has, in one query; a deleted one is absent. */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : lists.findAllById(ids).stream()
                .collect(Collectors.toMap(EmailList::getId, list -> list.view(0).name()));
    }

    @Transactional
    public EmailListView create(String name, String description) {
        EmailList list = new EmailList(name, description, clock.instant());
        refuseTaken(list.nameKey(), null);
        return lists.saveAndFlush(list).view(0);
    }

    @Transactional
    public EmailListView change(UUID id, String name, String description) {
        EmailList list = find(id);
        refuseTaken(EmailList.key(name == null ? "" : name), id); // before the change, which a query would flush
        list.change(name, description, clock.instant());
        lists.flush();
        return get(id);
    }

    /** Removes the list and who was on it; the contacts themselves stay. */
    @Transactional
    public void delete(UUID id) {
        EmailList list = find(id);
        memberships.deleteByListId(id);
        lists.delete(list);
    }

    /**
     * Puts contacts on the list (back on it for those who had left); answers how many were not on it before. Every id
     * must be a contact of this workspace, or nothing is added.
     */
    @Transactional
    public int add(UUID listId, Collection<UUID> contactIds) {
        find(listId);
        Set<UUID> wanted = checkedIds(contactIds);
        Set<UUID> known = contacts.findAllById(wanted).stream().map(Contact::getId).collect(Collectors.toSet());
        if (known.size() < wanted.size()) {
            wanted.removeAll(known);
            throw new InvalidInputException("contactIds", "Not contacts of this workspace: "
                    + wanted.stream().limit(5).map(UUID::toString).collect(Collectors.joining(", ")));
        }
        Instant now = clock.instant();
        Map<UUID, ListMembership> existing = memberships.findByListIdAndContactIdIn(listId, wanted).stream()
                .collect(Collectors.toMap(ListMembership::contactId, Function.identity()));
        int added = 0;
        for (UUID contact : wanted) {
            ListMembership membership = existing.get(contact);
            if (membership == null) {
                memberships.save(new ListMembership(listId, contact, now));
                added++;
            } else if (!membership.active()) {
                membership.rejoin(now);
                added++;
            }
        }
        return added;
    }

    /** Takes the contact off the list (an admin's tidy-up), as if they had never been on it. */
    @Transactional
    public void remove(UUID listId, UUID contactId) {
        find(listId);
        memberships.findByListIdAndContactId(listId, contactId).ifPresent(memberships::delete);
    }

    /** The contact left this list: its sends skip them; their other lists keep them. */
    @Transactional
    public void unsubscribe(UUID listId, UUID contactId) {
        find(listId);
        memberships.findByListIdAndContactId(listId, contactId)
                .orElseThrow(() -> new NotFoundException("Contact on this list")).leave(clock.instant());
    }

    /**
     * The person comes back to a list they left (in the preference centre). Only a list they were on: nobody is put
     * on a new list by a link.
     */
    @Transactional
    public void rejoin(UUID listId, UUID contactId) {
        find(listId);
        memberships.findByListIdAndContactId(listId, contactId)
                .orElseThrow(() -> new NotFoundException("Contact on this list")).rejoin(clock.instant());
    }

    /** Every list the contact is on or has left, by name: what their preference centre offers. */
    @Transactional(readOnly = true)
    public List<ContactListMembership> membershipsOf(UUID contactId) {
        Map<UUID, Boolean> active = new HashMap<>();
        memberships.findByContactId(contactId).forEach(m -> active.put(m.listId(), m.active()));
        return lists.findAllById(active.keySet()).stream()
                .map(list -> new ContactListMembership(list.getId(), list.view(0).name(), active.get(list.getId())))
                .sorted(java.util.Comparator.comparing(ContactListMembership::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Transactional(readOnly = true)
    public Page<ContactView> members(UUID listId, Pageable page) {
        find(listId);
        return memberships.members(listId, page).map(Contact::view);
    }

    /** The lists the contact is on (and has not left), by name. */
    @Transactional(readOnly = true)
    public List<EmailListView> listsOf(UUID contactId) {
        Set<UUID> ids = memberships.findByContactId(contactId).stream().filter(ListMembership::active)
                .map(ListMembership::listId).collect(Collectors.toSet());
        Map<UUID, Long> counts = counts(ids);
        return lists.findAllById(ids).stream().map(list -> list.view(counts.getOrDefault(list.getId(), 0L)))
                .sorted(java.util.Comparator.comparing(EmailListView::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private Map<UUID, Long> counts(Collection<UUID> ids) {
        Map<UUID, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            memberships.countActive(ids).forEach(c -> counts.put(c.getListId(), c.getMembers()));
        }
        return counts;
    }

    private static Set<UUID> checkedIds(Collection<UUID> contactIds) {
        if (contactIds == null || contactIds.isEmpty()) {
            throw new InvalidInputException("contactIds", "Name at least one contact");
        }
        if (contactIds.size() > MAX_ADD) {
            throw new InvalidInputException("contactIds", "At most " + MAX_ADD + " contacts at a time");
        }
        if (contactIds.stream().anyMatch(java.util.Objects::isNull)) { // List.of refuses contains(null)
            throw new InvalidInputException("contactIds", "A contact id is missing (null) in the list");
        }
        return new LinkedHashSet<>(contactIds);
    }

    private void refuseTaken(String nameKey, UUID self) {
        lists.findByNameKey(nameKey).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new ConflictException("list-name-taken", "A list with this name exists already",
                    Map.of("listId", other.getId()));
        });
    }

    private EmailList find(UUID id) {
        return lists.findById(id).orElseThrow(() -> new NotFoundException("List"));
    }
}
