package io.flightdeck.approvals;

import java.util.UUID;

/**
 * A single item (a creative, a scheduled post, an email, an asset) that a module sends for review. It runs through
 * the given scope's stages, deadlines, history and comments like the scope itself.
 *
 * @param wordCount for auto-approval rules on short content; null when not text
 * @param urgency   null to follow the campaign's priority
 */
public record ItemSubmission(UUID campaignId, String scopeKey, String itemType, UUID itemId, String title,
        Integer wordCount, Urgency urgency) {
}
