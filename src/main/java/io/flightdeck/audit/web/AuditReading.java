package io.flightdeck.audit.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.audit.domain.AuditChangeSet;
import io.flightdeck.audit.domain.AuditEntryView;
import io.flightdeck.audit.web.AuditLogEntry.AuditLogField;
import io.flightdeck.audit.web.AuditLogEntry.AuditLogRecord;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.web.Dates;
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
 * Ids in fields that {@link RecordKind#referenceTo point at a record} read as that record's name, and every value in
 * the words of {@link ReadableValues}. A page costs one look-up per kind of record on it or referred to, and one for the
 * names.
 */
@Component
class AuditReading {

    /** The row's own id says nothing a reader needs; the link stands for it. */
    private static final Set<String> HIDDEN_FIELDS = Set.of("id");

    private final ObjectProvider<RecordKind> kindBeans;
    private final MemberDirectory members;
    private final JsonMapper json;
    private final Dates dates;

    AuditReading(ObjectProvider<RecordKind> kindBeans, MemberDirectory members, JsonMapper json, Dates dates) {
        this.kindBeans = kindBeans;
        this.members = members;
        this.json = json;
        this.dates = dates;
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
        Map<String, Map<String, Map<String, Object>>> changes = new HashMap<>();
        rows.forEach(row -> changes.put(row.id().toString(), parse(row.changes())));
        Map<UUID, RecordLink> links = links(rows, changes, kinds);
        Map<UUID, String> names = names(rows, changes.values());
        ReadableValues values = new ReadableValues(names, links, dates, json);

        List<AuditLogEntry> entries = new ArrayList<>();
        for (AuditChangeSet set : page.getContent()) {
            AuditEntryView first = set.rows().isEmpty() ? null : set.rows().get(0);
            List<AuditLogRecord> records = set.rows().stream()
                    .map(row -> record(row, kinds.get(row.entityType()), links.get(row.entityId()),
                            changes.get(row.id().toString()), values, kinds))
                    .toList();
            String who = first == null ? "" : first.actorUserId() != null
                    ? names.getOrDefault(first.actorUserId(), first.actorName()) + through(first.actorName())
                    : first.actorName();
            entries.add(new AuditLogEntry(set.key(), set.occurredAt(), who, first != null && first.actorApiKeyId() != null, records));
        }
        return entries;
    }

    /** " (through Claude Desktop 1.2)" when an assistant made the change on the person's behalf, else nothing. */
    private static String through(String actorName) {
        int at = actorName == null ? -1 : actorName.lastIndexOf(" (through ");
        return at < 0 ? "" : actorName.substring(at);
    }

    private static AuditLogRecord record(AuditEntryView row, RecordKind kind, RecordLink link,
            Map<String, Map<String, Object>> changes, ReadableValues values, Map<String, RecordKind> kinds) {
        List<AuditLogField> fields = new ArrayList<>();
        changes.forEach((field, change) -> {
            if (HIDDEN_FIELDS.contains(field)) {
                return;
            }
            String target = kind == null ? null : kind.referenceTo(field);
            String targetLabel = target == null ? null : kinds.containsKey(target) ? kinds.get(target).label() : RecordKind.words(target);
            String from = values.read(kind, field, targetLabel, change.get("from"));
            String to = values.read(kind, field, targetLabel, change.get("to"));
            if ("created".equals(row.action()) && to == null) {
                return; // a new record's empty fields are not news
            }
            if (ReadableValues.CHANGED.equals(from)) {
                from = null; // "changed → changed" says less than "changed"
            }
            String label = kind == null ? null : kind.fieldLabel(field);
            fields.add(new AuditLogField(label != null ? label : RecordKind.words(field), from, to));
        });
        return new AuditLogRecord(row.action(), kind != null ? kind.label() : RecordKind.words(row.entityType()),
                link == null ? null : link.title(), link == null ? null : link.url(), row.entityId(), fields);
    }

    /**
     * Links for the records on the page and for the records their fields point at (a task's campaign), in one
     * look-up per kind of record.
     */
    private static Map<UUID, RecordLink> links(List<AuditEntryView> rows,
            Map<String, Map<String, Map<String, Object>>> changes, Map<String, RecordKind> kinds) {
        Map<String, Set<UUID>> idsByType = new LinkedHashMap<>();
        for (AuditEntryView row : rows) {
            if (!"deleted".equals(row.action())) {
                idsByType.computeIfAbsent(row.entityType(), t -> new HashSet<>()).add(row.entityId());
            }
            RecordKind kind = kinds.get(row.entityType());
            if (kind == null) {
                continue;
            }
            changes.get(row.id().toString()).forEach((field, change) -> {
                String target = kind.referenceTo(field);
                if (target != null) {
                    change.values().forEach(value -> collectIds(value, idsByType.computeIfAbsent(target, t -> new HashSet<>())));
                }
            });
        }
        Map<UUID, RecordLink> links = new HashMap<>();
        idsByType.forEach((type, ids) -> {
            RecordKind kind = kinds.get(type);
            if (kind != null && !ids.isEmpty()) {
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
        if (value instanceof String text && ReadableValues.UUID_TEXT.matcher(text).matches()) {
            ids.add(UUID.fromString(text));
        } else if (value instanceof Collection<?> list) {
            list.forEach(element -> collectIds(element, ids));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(element -> collectIds(element, ids));
        }
    }

    private Map<String, Map<String, Object>> parse(String changes) {
        if (changes == null || changes.isBlank()) {
            return Map.of();
        }
        return json.readValue(changes, new TypeReference<LinkedHashMap<String, Map<String, Object>>>() { });
    }
}
