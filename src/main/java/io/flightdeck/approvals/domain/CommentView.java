package io.flightdeck.approvals.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A comment with its replies (one level of threading, replies in time order). */
public record CommentView(UUID id, UUID approvalId, @Nullable UUID parentId, @Nullable UUID authorId, String author,
        String kind, String body, List<Mention> mentions, boolean resolved, @Nullable Instant resolvedAt,
        Instant createdAt, List<CommentView> replies) {

    public record Mention(UUID userId, String name) {
    }
}
