package io.flightdeck.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log as a marketer reads it: one request, who made it, and each record it changed with its
 * fields in words and people's names instead of ids. The raw rows stay on {@code /api/v1/audit-log} for admins.
 */
@Schema(description = "One request's changes, in words")
record AuditLogEntry(
        @Schema(description = "Shared by the raw rows of this request (their changeSet)") String changeSet,
        Instant occurredAt,
        @Schema(example = "Dana Owner") String who,
        @Schema(description = "Made with an API key of that person") boolean viaApiKey,
        List<AuditLogRecord> records) {

    /** One record the request created, changed or deleted. */
    @Schema(description = "One record a request changed")
    public record AuditLogRecord(@Schema(example = "updated", allowableValues = {"created", "updated", "deleted"}) String action,
            @Schema(example = "Campaign") String kind,
            @Schema(example = "Autumn push", description = "The record's name, when it still exists") @Nullable String title,
            @Schema(example = "/campaigns/01a2...", description = "Its page, when it still exists and has one") @Nullable String url,
            UUID entityId, List<AuditLogField> fields) {

        /** Public: the template reads it. "Changed", "Created", "Deleted". */
        public String verb() {
            return switch (action) {
                case "created" -> "Created";
                case "deleted" -> "Deleted";
                default -> "Changed";
            };
        }
    }

    /** One field of a record, before and after, in words. */
    @Schema(description = "One changed field, in words")
    public record AuditLogField(@Schema(example = "Budget") String field,
            @Schema(example = "900 USD") @Nullable String from, @Schema(example = "1200 USD") String to) {
    }
}
