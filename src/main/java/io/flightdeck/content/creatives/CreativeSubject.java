package io.flightdeck.content.creatives;

import java.util.Optional;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalSubject;
import io.flightdeck.approvals.ApprovalSubjectPreview;
import io.flightdeck.approvals.ApprovalSubjectRequest;
import org.springframework.stereotype.Component;

/**
 * What a creative's approval is about: the approver sees the post as each network shows it, and the parts that
 * changed since the last approval with the approved text beside the new one.
 */
@Component
class CreativeSubject implements ApprovalSubject {

    private final CreativeReviews reviews;
    private final CreativePostPreviews previews;

    CreativeSubject(CreativeReviews reviews, CreativePostPreviews previews) {
        this.reviews = reviews;
        this.previews = previews;
    }

    @Override
    public boolean describes(String scopeKey, String itemType) {
        return CreativeReviews.SCOPE.equals(scopeKey) && CreativeReviews.ITEM_TYPE.equals(itemType);
    }

    @Override
    public Optional<ApprovalSubjectPreview> describe(ApprovalSubjectRequest request) {
        // the approver sees each network's post as the editor shows it: the account's place taken by the brand, the media
        return reviews.review(request.itemId()).map(r -> previews.forReview(r, request.member()))
                .map(r -> new ApprovalSubjectPreview("Creative “" + r.creative().title() + "”", summary(r),
                        request.member() ? "/creatives/" + r.creative().id() : null, "content/fragments/approval",
                        "creative", r));
    }

    private static String summary(CreativeReview review) {
        String channels = review.creative().channels().stream().map(c -> c.label()).collect(Collectors.joining(", "));
        if (review.firstReview()) {
            return "For " + channels + ". Its first review: every part is new.";
        }
        if (review.changes().isEmpty()) {
            return "For " + channels + ". Nothing changed since it was last approved.";
        }
        return "For " + channels + ". Changed since the last approval: " + review.changes().stream()
                .map(c -> c.kind().label().toLowerCase()).collect(Collectors.joining(", ")) + ".";
    }
}
