package io.flightdeck.audit.web;

import java.time.Instant;
import java.time.LocalDate;
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
 * Ids in fields that {@link RecordKind#referenceTo point at a record} read as that record's name, days and times in the
 * workspace's format, structured values in their kind's words or as a short marker. A page costs one look-up per kind of
 * record on it or referred to, and one for the names.
 */
@Component
class AuditReading {

    private static final int LONGEST = 80;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MOMENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    /** A record's {@code toString()}, as rows written before structured values were stored as JSON hold them. */
    private static final Pattern JAVA_TEXT = Pattern.compile("(?s)[A-Z]\\w*\\[.*=.*\\]|\\{.*=.*\\}");
    /** Text that may be JSON (a column stored as text); a title such as [Draft] launch email is not, and stays text. */
    private static final Pattern JSON_TEXT = Pattern.compile("(?s)\\s*(\\{.*\\}|\\[.*\\])\\s*");
    /** What a structured value without words of its kind shows; the stored JSON is in the admins' raw view. */
    static final String CHANGED = "changed";
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
        Values values = new Values(names, links, dates, json);

        List<AuditLogEntry> entries = new ArrayList<>();
        for (AuditChangeSet set : page.getContent()) {
            AuditEntryView first = set.rows().isEmpty() ? null : set.rows().get(0);
            List<AuditLogRecord> records = set.rows().stream()
                    .map(row -> record(row, kinds.get(row.entityType()), links.get(row.entityId()),
                            changes.get(row.id().toString()), values, kinds))
                    .toList();
            String who = first == null ? "" : first.actorUserId() != null
                    ? names.getOrDefault(first.actorUserId(), first.actorName()) : first.actorName();
            entries.add(new AuditLogEntry(set.key(), set.occurredAt(), who, first != null && first.actorApiKeyId() != null, records));
        }
        return entries;
    }

    private static AuditLogRecord record(AuditEntryView row, RecordKind kind, RecordLink link,
            Map<String, Map<String, Object>> changes, Values values, Map<String, RecordKind> kinds) {
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
            if (CHANGED.equals(from)) {
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
        if (value instanceof String text && UUID_TEXT.matcher(text).matches()) {
            ids.add(UUID.fromString(text));
        } else if (value instanceof Collection<?> list) {
            list.forEach(element -> collectIds(element, ids));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(element -> collectIds(element, ids));
        }
    }

    /** A value as people read it, with what the page looked up: people's names, records' names, dates. */
    record Values(Map<UUID, String> names, Map<UUID, RecordLink> links, Dates dates, JsonMapper json) {

        /** One field's value: its kind's words for a structured value, or {@link #plain}; never a Java toString. */
        String read(RecordKind kind, String field, String targetLabel, Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof String text && JSON_TEXT.matcher(text).matches()) {
                value = jsonOrText(text); // a JSON column stored as its text reads as the structure it holds
            }
            if (isStructured(value)) {
                String summary = kind == null ? null : kind.summary(field, value);
                if (summary == null) {
                    summary = generic(value);
                }
                return cut(summary == null ? CHANGED : summary);
            }
            return cut(plain(value, targetLabel));
        }

        private String plain(Object value, String targetLabel) {
            if (value instanceof Collection<?> list) {
                return list.stream().map(element -> plain(element, targetLabel)).collect(Collectors.joining(", "));
            }
            if (value instanceof Boolean b) {
                return b ? "Yes" : "No";
            }
            if (value instanceof Number number) {
                return number(number);
            }
            String text = value.toString();
            if (UUID_TEXT.matcher(text).matches()) {
                return id(UUID.fromString(text), targetLabel);
            }
            if (CONSTANT.matcher(text).matches()) {
                return constant(text);
            }
            if (DAY.matcher(text).matches()) {
                return dates.day(LocalDate.parse(text));
            }
            if (MOMENT.matcher(text).matches()) {
                try {
                    return dates.dateTime(Instant.parse(text));
                } catch (java.time.DateTimeException notAnInstant) {
                    return text;
                }
            }
            return text;
        }

        /** A person's name, a record's name, or, when the record is gone or not visible here, its kind. */
        private String id(UUID id, String targetLabel) {
            RecordLink link = links.get(id);
            if (link != null && link.title() != null) {
                return link.title();
            }
            if (names.containsKey(id)) {
                return names.get(id);
            }
            String what = targetLabel == null ? "record" : targetLabel.toLowerCase(Locale.ROOT);
            String article = "aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ";
            return article + what + (link != null ? "" : " no longer here");
        }

        private Object jsonOrText(String text) {
            try {
                return json.readValue(text, Object.class);
            } catch (RuntimeException notJson) {
                return text;
            }
        }

        /** Maps and lists with a name in each, or a short map of plain values; null when there are no fitting words. */
        private String generic(Object value) {
            if (value instanceof Map<?, ?> map) {
                if (map.get("name") instanceof String name) {
                    return name;
                }
                if (map.values().stream().allMatch(v -> v == null || !isStructured(v))) {
                    return map.entrySet().stream().map(e -> RecordKind.words(constant(String.valueOf(e.getKey())))
                            + ": " + (e.getValue() == null ? "–" : plain(e.getValue(), null))).collect(Collectors.joining(", "));
                }
                return null;
            }
            if (value instanceof Collection<?> list) {
                List<String> parts = list.stream().map(this::generic).toList();
                return parts.contains(null) ? null : String.join(", ", parts);
            }
            return null;
        }
    }

    /** A map or a list of maps as the log stores structured values, or the Java or JSON text older rows hold. */
    static boolean isStructured(Object value) {
        if (value instanceof Map<?, ?>) {
            return true;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(AuditReading::isStructured);
        }
        return value instanceof String text && JAVA_TEXT.matcher(text).matches();
    }

    private static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return number.toString();
    }

    private static String cut(String text) {
        return text == null || text.length() <= LONGEST ? text : text.substring(0, LONGEST - 1) + "…";
    }

    /** {@code SEARCH_ADS} as "Search ads"; short codes such as EUR or USD stay as they are. */
    static String constant(String name) {
        if (name.length() <= 3 || !CONSTANT.matcher(name).matches()) {
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
