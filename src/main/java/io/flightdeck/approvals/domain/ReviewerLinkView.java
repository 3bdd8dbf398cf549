package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An external reviewer's link; {@code path} ({@code /review/<token>}) is set only in the answer that creates it, the one
 * time it is shown. The web layer makes it absolute.
 */
public record ReviewerLinkView(UUID id, UUID approvalId, String reviewerName, String reviewerEmail, boolean canApprove,
        Instant expiresAt, boolean revoked, boolean expired, Instant createdAt, String path) {
}
