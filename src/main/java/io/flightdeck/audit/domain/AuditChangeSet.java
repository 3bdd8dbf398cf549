package io.flightdeck.audit.domain;

import java.time.Instant;
import java.util.List;

/** The rows one request wrote, as one entry of the log: when it happened and every record it changed. */
public record AuditChangeSet(String key, Instant occurredAt, List<AuditEntryView> rows) {
}
