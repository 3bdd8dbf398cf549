package io.flightdeck.approvals;

import java.util.Optional;

/**
 * Extension point: describes what an approval is about, so the approval page and the external reviewer page show the
 * thing under review, not just its scope's name. A module that submits objects for approval (content, schedule, ads)
 * declares one as a bean for its scope or item type; approvals asks the first bean that {@link #describes} the
 * approval, and falls back to the item's type and title. A scope approval (no item) also lists the items submitted to
 * its scope, each described the same way.
 *
 * <p>{@link #describe} runs inside the approval's workspace ({@code TenantScope}) and a read-only transaction, but
 * perhaps without a signed-in member: the reviewer page is opened through a token. When
 * {@link ApprovalSubjectRequest#member()} is false, leave out links to member pages and anything a client should not see.
 */
public interface ApprovalSubject {

    /**
     * @param scopeKey the approval's scope, e.g. {@code content}
     * @param itemType the submitted item's type, e.g. {@code post}; null for the approval of a whole scope
     */
    boolean describes(String scopeKey, String itemType);

    /** What is under review; empty when the object is gone (then the fallback shows the approval's title). */
    Optional<ApprovalSubjectPreview> describe(ApprovalSubjectRequest request);

    /**
     * HTML the preview shows in a frame of its own address rather than inline (an email version, styled inline as
     * email is, which the page's Content-Security-Policy would refuse), by the part's name; empty for none. The
     * preview's fragment frames {@code ${subjectFrames} + part}; the answer gets {@code FramedHtml}'s policy. Called
     * like {@link #describe}, for a member or a reviewer's link.
     */
    default Optional<String> framedHtml(ApprovalSubjectRequest request, String part) {
        return Optional.empty();
    }
}
