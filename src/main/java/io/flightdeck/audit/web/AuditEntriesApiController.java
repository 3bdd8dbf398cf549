package io.flightdeck.audit.web;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.audit.domain.AuditChangeSet;
import io.flightdeck.audit.domain.AuditFilter;
import io.flightdeck.audit.domain.AuditLog;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log in words, one entry per request: for managers, who may not read the raw rows. */
@RestController
@Tag(name = "Audit log")
@PreAuthorize("hasRole('MANAGER')")
class AuditEntriesApiController {

    private final AuditLog auditLog;
    private final AuditReading reading;

    AuditEntriesApiController(AuditLog auditLog, AuditReading reading) {
        this.auditLog = auditLog;
        this.reading = reading;
    }

    @Operation(summary = "The audit log in words, one entry per request with its changes, newest first (managers)")
    @GetMapping("/api/v1/audit-log/entries")
    PageResponse<AuditLogEntry> entries(@RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Page<AuditChangeSet> sets = auditLog.changeSets(new AuditFilter(actorId, entityType, entityId, action, from, to),
                Paging.of(page, size, Sort.unsorted()));
        return new PageResponse<>(reading.read(sets), sets.getNumber(), sets.getSize(), sets.getTotalElements(),
                sets.getTotalPages());
    }
}
