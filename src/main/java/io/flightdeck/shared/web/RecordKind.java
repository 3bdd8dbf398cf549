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

    /**
     * The kind of record whose id a field holds (the campaign for a task's {@code campaignId}), so the log shows that
     * record's name; null when the field holds no record's id (member ids are named without this).
     */
    default String referenceTo(String field) {
        return null;
    }

    /**
     * A structured value of a field (an approval's stages, say) in a few words; null when this kind has none, and the
     * log then shows a short marker, leaving the stored value to the admins' raw view. The value is as the
     * audit log stored it: maps, lists, strings and numbers (older rows may hold a Java {@code toString()} text).
     */
    default String summary(String field, Object value) {
        return null;
    }

    /** This kind, with fields that hold the ids of records of other kinds: field to entity type. */
    default RecordKind withReferences(Map<String, String> references) {
        RecordKind base = this;
        return new Delegating(base) {
            @Override
            public String referenceTo(String field) {
                String target = references.get(field);
                return target != null ? target : base.referenceTo(field);
            }
        };
    }

    /** This kind, with words for the structured values of some fields: field to summary. */
    default RecordKind withSummaries(Map<String, Function<Object, String>> summaries) {
        RecordKind base = this;
        return new Delegating(base) {
            @Override
            public String summary(String field, Object value) {
                Function<Object, String> summary = summaries.get(field);
                return summary != null ? summary.apply(value) : base.summary(field, value);
            }
        };
    }

    /** A kind that answers as another does, for the {@code with...} methods to override one answer each. */
    class Delegating implements RecordKind {
        private final RecordKind base;

        Delegating(RecordKind base) {
            this.base = base;
        }

        @Override
        public String entityType() {
            return base.entityType();
        }

        @Override
        public String label() {
            return base.label();
        }

        @Override
        public String fieldLabel(String field) {
            return base.fieldLabel(field);
        }

        @Override
        public Map<UUID, RecordLink> links(Collection<UUID> ids) {
            return base.links(ids);
        }

        @Override
        public String referenceTo(String field) {
            return base.referenceTo(field);
        }

        @Override
        public String summary(String field, Object value) {
            return base.summary(field, value);
        }
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
