package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.ApprovalSubjectPreview;
import org.jspecify.annotations.Nullable;

/**
 * What an approval is about, as its page and the reviewer page show it: the object itself (a strategy version with
 * its diff, an item's preview) and, for a scope approval, the items submitted to that scope.
 *
 * @param approvalId the approval whose subject this is (its preview's frames are addressed by it)
 * @param main      the approval's own subject
 * @param items     for a scope approval: the items of its scope in the campaign, newest first (at most 50)
 * @param emptyNote what to say when a scope approval has no items; null otherwise
 */
record ApprovalSubjectView(UUID approvalId, ApprovalSubjectPreview main, List<SubjectItem> items, @Nullable String emptyNote) {

    /** @param href the item's approval page for members; null on the reviewer page */
    public record SubjectItem(UUID approvalId, String itemType, String title, ApprovalState state,
            ApprovalSubjectPreview preview, String href) {
    }
}
