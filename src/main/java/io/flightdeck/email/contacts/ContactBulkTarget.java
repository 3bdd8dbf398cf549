package io.flightdeck.email.contacts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.bulk.BulkAction;
import io.flightdeck.shared.bulk.BulkParams;
import io.flightdeck.shared.bulk.BulkTargetSupport;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * Contacts for bulk operations: unsubscribe (contributors) and erase (admins), each through the method the
 * single-contact endpoint uses ({@link Contacts#unsubscribe}, {@link Contacts#erase}). Neither can be undone: a
 * subscription comes back only on fresh consent, never the old one, and an erasure keeps nothing to bring back.
 * Contacts have no tags, so there is no tag action.
 */
@Component
class ContactBulkTarget extends BulkTargetSupport {

    static final String UNSUBSCRIBE = "unsubscribe";
    static final String ERASE = "erase";

    private static final List<BulkAction> ACTIONS = List.of(
            new BulkAction(UNSUBSCRIBE, "Unsubscribe", Role.CONTRIBUTOR, List.of(), false),
            new BulkAction(ERASE, "Erase", Role.ADMIN, List.of(), false));

    private final Contacts contacts;
    private final ContactRepository repository;

    ContactBulkTarget(Contacts contacts, ContactRepository repository) {
        super("contacts", "Contacts", "contact", ACTIONS);
        this.contacts = contacts;
        this.repository = repository;
    }

    @Override
    public void check(String action, BulkParams params) {
        // neither action reads a parameter
    }

    @Override
    public String name(UUID id) {
        return repository.findById(id).map(Contact::email).orElse(null);
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        return namesOf(repository.findAllById(ids), Contact::getId, Contact::email);
    }

    @Override
    public Map<String, String> apply(UUID id, String action, BulkParams params) {
        switch (action) {
            case UNSUBSCRIBE -> {
                Contact contact = repository.findById(id).orElseThrow(() -> new NotFoundException("Contact"));
                // a bounce or a complaint is the reason to keep; unsubscribing over it would hide it
                if (contact.status() != ContactStatus.SUBSCRIBED) {
                    throw new ConflictException("contact-suppressed", "The contact is already "
                            + contact.status().name().toLowerCase(Locale.ROOT) + "; nothing to unsubscribe");
                }
                contacts.unsubscribe(id, "By " + CurrentActor.require().displayName() + " (bulk action)");
            }
            case ERASE -> contacts.erase(id);
            default -> throw new InvalidInputException("action", "contacts have no action " + action);
        }
        return Map.of();
    }

    @Override
    public void undo(UUID id, String action, Map<String, String> restore) {
        throw new ConflictException("bulk-not-undoable", "A contact's unsubscribe or erasure cannot be undone");
    }
}
