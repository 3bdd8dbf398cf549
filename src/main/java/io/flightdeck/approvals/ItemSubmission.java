package io.flightdeck.approvals;

import java.util.UUID;

/**
 * A single item (a creative, a scheduled post, an email, an asset) that a module sends for review. It runs through
 * the given scope's stages, deadlines, history and comments like the scope itself.
 *
 * @param wordCount for auto-approval rules on short content; null when not text
 * @param urgency   null to follow the campaign's priority
 * @param revision  the subject's revision under review (a creative's version, a post's revision), so that what was
 *                  approved can be told from what changed since ({@link ApprovalItems#check}); null when it has none
 */
public record ItemSubmission(UUID campaignId, String scopeKey, String itemType, UUID itemId, String title,
        Integer wordCount, Urgency urgency, Integer revision) {

    public ItemSubmission(UUID campaignId, String scopeKey, String itemType, UUID itemId, String title,
            Integer wordCount, Urgency urgency) {
        this(campaignId, scopeKey, itemType, itemId, title, wordCount, urgency, null);
    }
}
