package io.flightdeck.audit.web;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.audit.domain.AuditEntryView;
import io.flightdeck.audit.domain.AuditFilter;
import io.flightdeck.audit.domain.AuditLog;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.export.ExportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-log")
@Tag(name = "Audit log")
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private final AuditLog auditLog;
    private final AuditExport export;

    AuditApiController(AuditLog auditLog, AuditExport export) {
        this.auditLog = auditLog;
        this.export = export;
    }

    @Operation(summary = "Every write in the workspace, newest first, filtered and paged (admins)")
    @GetMapping
    PageResponse<AuditEntryView> list(@RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(auditLog.page(new AuditFilter(actorId, entityType, entityId, action, from, to),
                Paging.of(page, size, Sort.unsorted())), e -> e);
    }

    /** Written straight to the response on the request thread (which holds the workspace scope), a page at a time. */
    @Operation(summary = "The same rows as CSV or Excel (format=csv, the default, or xlsx), streamed (admins); cells "
            + "that could start a spreadsheet formula are written as text")
    @GetMapping(value = "/export", produces = {"text/csv", ExportFormat.XLSX_TYPE})
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) UUID entityId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            HttpServletResponse response) throws IOException {
        export.send(response, format, new AuditFilter(actorId, entityType, entityId, action, from, to));
    }
}
