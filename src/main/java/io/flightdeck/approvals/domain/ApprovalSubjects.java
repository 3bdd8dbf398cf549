package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.flightdeck.approvals.ApprovalSubject;
import io.flightdeck.approvals.ApprovalSubjectPreview;
import io.flightdeck.approvals.ApprovalSubjectRequest;

/**
 * What an approval is about, from the {@link ApprovalSubject} beans of the modules that own the objects, or from the
 * approval itself when no module describes it. The beans are looked up lazily: a module that describes its objects
 * may itself use approvals.
 */
@Service
@Transactional(readOnly = true)
public class ApprovalSubjects {

    private final ApprovalLookup lookup;
    private final ApprovalRepository approvals;
    private final ObjectProvider<ApprovalSubject> subjects;

    ApprovalSubjects(ApprovalLookup lookup, ApprovalRepository approvals, ObjectProvider<ApprovalSubject> subjects) {
        this.lookup = lookup;
        this.approvals = approvals;
        this.subjects = subjects;
    }

    /** For the member's approval page: with links to the members' pages. */
    public ApprovalSubjectView of(UUID approvalId) {
        return of(lookup.live(approvalId), true);
    }

    /** @param member false on the external reviewer page: no links into the app */
    ApprovalSubjectView of(Approval approval, boolean member) {
        ApprovalSubjectPreview main = describe(approval, member);
        if (approval.getItemType() != null) {
            return new ApprovalSubjectView(approval.getId(), main, List.of(), null);
        }
        List<ApprovalSubjectView.SubjectItem> items = approvals
                .findTop50ByCampaignIdAndScopeKeyAndItemTypeIsNotNullOrderByUpdatedAtDesc(approval.getCampaignId(),
                        approval.getScopeKey())
                .stream()
                .map(item -> new ApprovalSubjectView.SubjectItem(item.getId(), item.getItemType(), item.getTitle(), item.getState(),
                        describe(item, member), member ? "/approvals/" + item.getId() : null))
                .toList();
        String emptyNote = items.isEmpty() && !hasOwnSubject(approval)
                ? "Nothing has been submitted to the " + approval.getScopeName()
                        + " scope yet: approving it approves the scope as a whole."
                : null;
        return new ApprovalSubjectView(approval.getId(), main, items, emptyNote);
    }

    /** For the member's approval page: the HTML its subject's preview frames from its own address (an email version). */
    public Optional<String> framedHtml(UUID approvalId, String part) {
        return framed(lookup.live(approvalId), part, true);
    }

    /**
     * For the reviewer page of {@code reviewed}: the same, for that approval or an item of its scope (what the page
     * shows), and nothing else.
     */
    Optional<String> framedHtml(Approval reviewed, UUID approvalId, String part) {
        if (approvalId.equals(reviewed.getId())) {
            return framed(reviewed, part, false);
        }
        Approval item = lookup.live(approvalId);
        boolean shown = reviewed.getItemType() == null && item.getItemType() != null
                && Objects.equals(reviewed.getCampaignId(), item.getCampaignId())
                && Objects.equals(reviewed.getScopeKey(), item.getScopeKey());
        return shown ? framed(item, part, false) : Optional.empty();
    }

    private Optional<String> framed(Approval approval, String part, boolean member) {
        return subjects.orderedStream()
                .filter(s -> s.describes(approval.getScopeKey(), approval.getItemType()))
                .findFirst()
                .flatMap(s -> s.framedHtml(request(approval, member), part));
    }

    /**
     * What an item under review is, in its module's sentence or two, for a message about it; null for a whole scope
     * or an item its module says nothing more about than its title.
     */
    String summary(Approval approval) {
        return approval.getItemType() == null ? null
                : described(approval, true).map(ApprovalSubjectPreview::summary).orElse(null);
    }

    private ApprovalSubjectPreview describe(Approval approval, boolean member) {
        return described(approval, member).orElseGet(() -> fallback(approval));
    }

    private Optional<ApprovalSubjectPreview> described(Approval approval, boolean member) {
        ApprovalSubjectRequest request = request(approval, member);
        return subjects.orderedStream()
                .filter(s -> s.describes(approval.getScopeKey(), approval.getItemType()))
                .findFirst()
                .flatMap(s -> s.describe(request));
    }

    private static ApprovalSubjectRequest request(Approval approval, boolean member) {
        return new ApprovalSubjectRequest(approval.getId(), approval.getCampaignId(), approval.getScopeKey(),
                approval.getItemType(), approval.getItemId(), approval.getTitle(), approval.getStrategyVersion(),
                approval.getApprovedStrategyVersion(), member);
    }

    private boolean hasOwnSubject(Approval approval) {
        return subjects.orderedStream().anyMatch(s -> s.describes(approval.getScopeKey(), null));
    }

    /** What the approval alone says: an item's type and title, or the scope as a whole. */
    private static ApprovalSubjectPreview fallback(Approval approval) {
        if (approval.getItemType() != null) {
            return ApprovalSubjectPreview.text(capitalized(approval.getItemType()) + " “" + approval.getTitle() + "”",
                    "Submitted for review in the " + approval.getScopeName() + " scope.", null);
        }
        return ApprovalSubjectPreview.text("The " + approval.getScopeName() + " scope",
                "The campaign's " + approval.getScopeName().toLowerCase(java.util.Locale.ROOT)
                        + " as a whole, with the items submitted to it.", null);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
