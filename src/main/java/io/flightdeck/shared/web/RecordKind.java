package io.flightdeck.shared.web;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * How people call one kind of record a module stores, its fields in words, and where a record is shown. Each module
 * declares one bean per entity it wants read well (the audit log shows "Campaign · Budget" with a link instead of
 * {@code Campaign.budgetAmount} and an id), so a reader never depends on the modules that own the records.
 * A kind nobody declared still reads acceptably: {@link #words} turns the class and field names into words.
 */
public interface RecordKind {

    /** The entity's simple class name, as Hibernate and the audit log know it: {@code StrategyVersion}. */
    String entityType();

    /** What people call it: "Strategy version". */
    String label();

    /** A field in words ("Budget" for {@code budgetAmount}); null leaves it to {@link #words}. */
    default String fieldLabel(String field) {
        return null;
    }

    /**
     * The records of this kind that still exist, by id, each with what it is called and its page, in one look-up.
     * A record that is gone, or has no page of its own, is left out and shows without a link.
     */
    default Map<UUID, RecordLink> links(Collection<UUID> ids) {
        return Map.of();
    }

    /** A record's name as people know it ("Autumn push"), and its page. */
    record RecordLink(String title, String url) {
    }

    /** A kind with a fixed field vocabulary and a look-up for its links. */
    static RecordKind of(String entityType, String label, Map<String, String> fields,
            Function<Collection<UUID>, Map<UUID, RecordLink>> links) {
        return new RecordKind() {
            @Override
            public String entityType() {
                return entityType;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public String fieldLabel(String field) {
                return fields.get(field);
            }

            @Override
            public Map<UUID, RecordLink> links(Collection<UUID> ids) {
                return ids.isEmpty() ? Map.of() : links.apply(ids);
            }
        };
    }

    /** {@code budgetAmount} as "Budget amount", {@code ownerId} as "Owner", {@code StrategyVersion} as "Strategy version". */
    static String words(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.length() > 2 && name.endsWith("Id") ? name.substring(0, name.length() - 2) : name;
        String spaced = trimmed.replace('_', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).strip();
        return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
