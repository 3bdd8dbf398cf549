package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A comment with its replies (one level of threading, replies in time order). */
public record CommentView(UUID id, UUID approvalId, UUID parentId, UUID authorId, String author, String kind,
        String body, List<Mention> mentions, boolean resolved, Instant resolvedAt, Instant createdAt,
        List<CommentView> replies) {

    public record Mention(UUID userId, String name) {
    }
}
