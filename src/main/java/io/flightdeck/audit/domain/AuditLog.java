package io.flightdeck.audit.domain;

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

import io.flightdeck.shared.export.ExportRows;
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
     * Every row the filter keeps, newest first, read a page at a time (each page its own read) for an export. Rows
     * written while the export runs would shift the pages, so the end of the range is frozen at its start.
     */
    public ExportRows<AuditEntryView> exportRows(AuditFilter requested) {
        AuditFilter filter = requested.to() != null ? requested : new AuditFilter(requested.actorUserId(),
                requested.entityType(), requested.entityId(), requested.action(), requested.from(), clock.instant().plusNanos(1_000));
        return ExportRows.paged(NEWEST_FIRST, page -> entries.findAll(filter.toSpecification(), page).map(AuditEntry::view));
    }
}
