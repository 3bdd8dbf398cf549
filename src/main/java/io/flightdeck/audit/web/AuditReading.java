package io.flightdeck.audit.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.flightdeck.audit.domain.AuditChangeSet;
import io.flightdeck.audit.domain.AuditEntryView;
import io.flightdeck.audit.web.AuditLogEntry.AuditLogField;
import io.flightdeck.audit.web.AuditLogEntry.AuditLogRecord;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns change sets into entries a marketer reads: kinds and fields in the words their modules declared
 * ({@link RecordKind} beans), a link to each record that still exists, and people's names where the rows hold ids.
 * A page costs one look-up per kind of record on it and one for the names.
 */
@Component
class AuditReading {

    private static final int LONGEST = 80;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    /** The row's own id says nothing a reader needs; the link stands for it. */
    private static final Set<String> HIDDEN_FIELDS = Set.of("id");

    private final ObjectProvider<RecordKind> kindBeans;
    private final MemberDirectory members;
    private final JsonMapper json;

    AuditReading(ObjectProvider<RecordKind> kindBeans, MemberDirectory members, JsonMapper json) {
        this.kindBeans = kindBeans;
        this.members = members;
        this.json = json;
    }

    /** The kinds declared by the modules, by entity type. */
    Map<String, RecordKind> kinds() {
        return kindBeans.orderedStream().collect(Collectors.toMap(RecordKind::entityType, Function.identity(), (a, b) -> a));
    }

    /** What a kind of record is called, for the filter: declared, or derived from the class name. */
    String kindLabel(String entityType) {
        RecordKind kind = kinds().get(entityType);
        return kind != null ? kind.label() : RecordKind.words(entityType);
    }

    List<AuditLogEntry> read(Page<AuditChangeSet> page) {
        Map<String, RecordKind> kinds = kinds();
        List<AuditEntryView> rows = page.getContent().stream().flatMap(set -> set.rows().stream()).toList();
        Map<UUID, RecordLink> links = links(rows, kinds);
        Map<String, Map<String, Map<String, Object>>> changes = new HashMap<>();
        rows.forEach(row -> changes.put(row.id().toString(), parse(row.changes())));
        Map<UUID, String> names = names(rows, changes.values());

        List<AuditLogEntry> entries = new ArrayList<>();
        for (AuditChangeSet set : page.getContent()) {
            AuditEntryView first = set.rows().isEmpty() ? null : set.rows().get(0);
            List<AuditLogRecord> records = set.rows().stream()
                    .map(row -> record(row, kinds.get(row.entityType()), links.get(row.entityId()),
                            changes.get(row.id().toString()), names))
                    .toList();
            String who = first == null ? "" : first.actorUserId() != null
                    ? names.getOrDefault(first.actorUserId(), first.actorName()) : first.actorName();
            entries.add(new AuditLogEntry(set.key(), set.occurredAt(), who, first != null && first.actorApiKeyId() != null, records));
        }
        return entries;
    }

    private static AuditLogRecord record(AuditEntryView row, RecordKind kind, RecordLink link,
            Map<String, Map<String, Object>> changes, Map<UUID, String> names) {
        List<AuditLogField> fields = new ArrayList<>();
        changes.forEach((field, change) -> {
            if (HIDDEN_FIELDS.contains(field)) {
                return;
            }
            String from = value(change.get("from"), names);
            String to = value(change.get("to"), names);
            if ("created".equals(row.action()) && to == null) {
                return; // a new record's empty fields are not news
            }
            String label = kind == null ? null : kind.fieldLabel(field);
            fields.add(new AuditLogField(label != null ? label : RecordKind.words(field), from, to));
        });
        return new AuditLogRecord(row.action(), kind != null ? kind.label() : RecordKind.words(row.entityType()),
                link == null ? null : link.title(), link == null ? null : link.url(), row.entityId(), fields);
    }

    private Map<UUID, RecordLink> links(List<AuditEntryView> rows, Map<String, RecordKind> kinds) {
        Map<String, Set<UUID>> idsByType = new LinkedHashMap<>();
        rows.stream().filter(row -> !"deleted".equals(row.action()))
                .forEach(row -> idsByType.computeIfAbsent(row.entityType(), t -> new HashSet<>()).add(row.entityId()));
        Map<UUID, RecordLink> links = new HashMap<>();
        idsByType.forEach((type, ids) -> {
            RecordKind kind = kinds.get(type);
            if (kind != null) {
                links.putAll(kind.links(ids));
            }
        });
        return links;
    }

    /** Names for the people who acted, and for any value that is a member's id (an owner, an assignee). */
    private Map<UUID, String> names(List<AuditEntryView> rows, Collection<Map<String, Map<String, Object>>> changes) {
        Set<UUID> ids = new HashSet<>();
        rows.stream().map(AuditEntryView::actorUserId).filter(java.util.Objects::nonNull).forEach(ids::add);
        changes.forEach(fields -> fields.values().forEach(change -> change.values().forEach(value -> collectIds(value, ids))));
        return ids.isEmpty() ? Map.of() : members.displayNames(ids);
    }

    private static void collectIds(Object value, Set<UUID> ids) {
        if (value instanceof String text && UUID_TEXT.matcher(text).matches()) {
            ids.add(UUID.fromString(text));
        } else if (value instanceof Collection<?> list) {
            list.forEach(element -> collectIds(element, ids));
        }
    }

    /** A value as people read it: names for member ids, words for constants, lists joined, long text cut. */
    static String value(Object value, Map<UUID, String> names) {
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof Collection<?> list) {
            text = list.stream().map(element -> value(element, names)).collect(Collectors.joining(", "));
        } else if (value instanceof String s && UUID_TEXT.matcher(s).matches() && names.containsKey(UUID.fromString(s))) {
            text = names.get(UUID.fromString(s));
        } else if (value instanceof String s && CONSTANT.matcher(s).matches()) {
            text = constant(s);
        } else if (value instanceof Boolean b) {
            text = b ? "Yes" : "No";
        } else {
            text = value.toString();
        }
        return text.length() > LONGEST ? text.substring(0, LONGEST - 1) + "…" : text;
    }

    /** {@code SEARCH_ADS} as "Search ads"; short codes such as EUR or USD stay as they are. */
    private static String constant(String name) {
        if (name.length() <= 3) {
            return name;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Map<String, Map<String, Object>> parse(String changes) {
        if (changes == null || changes.isBlank()) {
            return Map.of();
        }
        return json.readValue(changes, new TypeReference<LinkedHashMap<String, Map<String, Object>>>() { });
    }
}
