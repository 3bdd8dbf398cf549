package io.flightdeck.audit.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the current workspace's audit log: filtered pages, and a CSV export streamed page by page. */
@Service
public class AuditLog {

    static final int EXPORT_PAGE = 500;
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by(Sort.Direction.DESC, "id"));

    private final AuditEntryRepository entries;
    private final java.time.Clock clock;
    private final EntityManager entityManager;

    AuditLog(AuditEntryRepository entries, java.time.Clock clock, EntityManager entityManager) {
        this.entries = entries;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /**
     * The log one entry per request, newest first: a page of change sets with a row matching the filter, each with
     * its matching rows. Paging counts entries, not rows, so a request that touched ten records is one line of a page.
     */
    @Transactional(readOnly = true)
    public Page<AuditChangeSet> changeSets(AuditFilter filter, Pageable pageable) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Object[]> keys = cb.createQuery(Object[].class);
        Root<AuditEntry> root = keys.from(AuditEntry.class);
        Expression<Instant> latest = cb.greatest(root.<Instant>get("occurredAt"));
        keys.multiselect(root.get("changeSet"), latest).where(filter.toSpecification().toPredicate(root, keys, cb))
                .groupBy(root.get("changeSet")).orderBy(cb.desc(latest), cb.desc(root.get("changeSet")));
        List<Object[]> page = entityManager.createQuery(keys).setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize()).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEntry> counted = count.from(AuditEntry.class);
        count.select(cb.countDistinct(counted.get("changeSet"))).where(filter.toSpecification().toPredicate(counted, count, cb));
        long total = entityManager.createQuery(count).getSingleResult();
        if (page.isEmpty()) {
            return new PageImpl<>(List.of(), pageable, total);
        }

        List<String> keyOrder = page.stream().map(key -> (String) key[0]).toList();
        Specification<AuditEntry> inPage = (r, q, b) -> r.get("changeSet").in(keyOrder);
        Map<String, List<AuditEntryView>> rows = new LinkedHashMap<>();
        entries.findAll(filter.toSpecification().and(inPage), Sort.by("occurredAt", "id"))
                .forEach(row -> rows.computeIfAbsent(row.view().changeSet(), k -> new ArrayList<>()).add(row.view()));
        List<AuditChangeSet> sets = page.stream().map(key -> new AuditChangeSet((String) key[0], (Instant) key[1],
                rows.getOrDefault((String) key[0], List.of()))).toList();
        return new PageImpl<>(sets, pageable, total);
    }

    @Transactional(readOnly = true)
    public Page<AuditEntryView> page(AuditFilter filter, Pageable pageable) {
        Pageable sorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST);
        return entries.findAll(filter.toSpecification(), sorted).map(AuditEntry::view);
    }

    @Transactional(readOnly = true)
    public List<String> entityTypes() {
        return entries.entityTypes();
    }

    /**
     * Text people typed (names, changed values) could start a spreadsheet formula; prefix such cells with an
     * apostrophe so Excel and LibreOffice show them as text (OWASP "CSV injection").
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }

    /** Writes every matching row as CSV, newest first, a page at a time so memory stays flat however long the log. */
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter requested, OutputStream out) throws IOException {
        // Rows written while the export runs would shift the pages; freeze the end of the range at its start.
        AuditFilter filter = requested.to() != null ? requested : new AuditFilter(requested.actorUserId(),
                requested.entityType(), requested.entityId(), requested.action(), requested.from(), clock.instant().plusNanos(1_000));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader("occurred_at", "actor", "actor_user_id", "actor_api_key_id", "action", "entity_type",
                        "entity_id", "changes", "request_id", "client_address", "change_set")
                .get();
        try (CSVPrinter csv = new CSVPrinter(writer, format)) {
            Page<AuditEntryView> page;
            int number = 0;
            do {
                page = entries.findAll(filter.toSpecification(), PageRequest.of(number++, EXPORT_PAGE, NEWEST_FIRST))
                        .map(AuditEntry::view);
                for (AuditEntryView e : page) {
                    csv.printRecord(e.occurredAt(), cell(e.actorName()), e.actorUserId(), e.actorApiKeyId(), e.action(),
                            e.entityType(), e.entityId(), cell(e.changes()), cell(e.requestId()), e.clientAddress(), e.changeSet());
                }
                csv.flush();
            } while (page.hasNext());
        }
    }
}
