package io.flightdeck.audit.web;

import java.io.IOException;

import io.flightdeck.audit.domain.AuditEntryView;
import io.flightdeck.audit.domain.AuditFilter;
import io.flightdeck.audit.domain.AuditLog;
import io.flightdeck.shared.export.ExportColumn;
import io.flightdeck.shared.export.ListExport;
import io.flightdeck.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The audit log's raw rows as a CSV or Excel file (admins), for the API and the page alike. The headings are the
 * ones the CSV export always had, so scripts that read it keep working.
 */
@Component
class AuditExport {

    private static final ListExport<AuditEntryView> COLUMNS = ListExport.of("Audit log",
            ExportColumn.moment("occurred_at", AuditEntryView::occurredAt),
            ExportColumn.text("actor", AuditEntryView::actorName),
            ExportColumn.text("actor_user_id", AuditEntryView::actorUserId),
            ExportColumn.text("actor_api_key_id", AuditEntryView::actorApiKeyId),
            ExportColumn.text("action", AuditEntryView::action),
            ExportColumn.text("entity_type", AuditEntryView::entityType),
            ExportColumn.text("entity_id", AuditEntryView::entityId),
            ExportColumn.text("changes", AuditEntryView::changes),
            ExportColumn.text("request_id", AuditEntryView::requestId),
            ExportColumn.text("client_address", AuditEntryView::clientAddress),
            ExportColumn.text("change_set", AuditEntryView::changeSet));

    private final AuditLog auditLog;
    private final ListExports exports;

    AuditExport(AuditLog auditLog, ListExports exports) {
        this.auditLog = auditLog;
        this.exports = exports;
    }

    /** Streams on the request thread, which holds the workspace's scope; a wrong format is a 400 first. */
    void send(HttpServletResponse response, String format, AuditFilter filter) throws IOException {
        exports.send(response, format, COLUMNS, auditLog.exportRows(filter));
    }
}
