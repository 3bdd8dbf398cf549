package io.flightdeck.approvals;

import java.util.UUID;

/**
 * The approval an {@link ApprovalSubject} describes.
 *
 * @param itemType                null for a scope approval
 * @param itemId                  null for a scope approval
 * @param strategyVersion         the campaign's strategy version the approval is reviewed against; null when none
 * @param approvedStrategyVersion for the strategy scope: the version it last approved; null before its first approval
 * @param member                  true on the member's approval page; false on the external reviewer page (no session)
 */
public record ApprovalSubjectRequest(UUID approvalId, UUID campaignId, String scopeKey, String itemType, UUID itemId,
        String title, Integer strategyVersion, Integer approvedStrategyVersion, boolean member) {
}
