package io.flightdeck.approvals;

import org.jspecify.annotations.Nullable;

/**
 * What an {@link ApprovalSubject} says about the object under review.
 *
 * @param heading  a short name, e.g. "Strategy version 3" or "Post “Spring teaser” on Instagram"
 * @param summary  one or two sentences, e.g. what changed since the last approval; may be null
 * @param href     a link to the object's page for members; null on the reviewer page or when it has none
 * @param template a Thymeleaf template with the preview, e.g. {@code content/fragments/approval}; null for none
 * @param selector the fragment in that template; it is rendered with the {@code content} below as {@code ${subject}}
 * @param content  what the fragment shows (a record of the module's root API); null when there is no fragment
 */
public record ApprovalSubjectPreview(String heading, String summary, @Nullable String href, @Nullable String template,
        @Nullable String selector, Object content) {

    public static ApprovalSubjectPreview text(String heading, String summary, String href) {
        return new ApprovalSubjectPreview(heading, summary, href, null, null, null);
    }

    public boolean hasFragment() {
        return template != null && selector != null;
    }
}
