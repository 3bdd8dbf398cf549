package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.content.brands.Brands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A creative's review in the campaign's content approval: sending it, what a change does to it, the decision coming
 * back, and what the approver sees. The creative decides which of these moves it takes; this tells approvals.
 */
@Service
public class CreativeReviews {

    static final String SCOPE = "content";
    static final String ITEM_TYPE = "creative";

    private static final Logger log = LoggerFactory.getLogger(CreativeReviews.class);

    private final CreativeRepository creatives;
    private final CampaignDirectory campaigns;
    private final ApprovalItems approvals;
    private final Brands brands;

    CreativeReviews(CreativeRepository creatives, CampaignDirectory campaigns, ApprovalItems approvals, Brands brands) {
        this.creatives = creatives;
        this.campaigns = campaigns;
        this.approvals = approvals;
        this.brands = brands;
    }

    /** Sends the creative for review: checked before the approval opens, so an empty one opens none. */
    void submit(Creative creative) {
        creative.requireSubmittable();
        creative.submitted(approvals.submit(submission(creative)));
    }

    /**
     * After a part changed: the creative's revision moves on, and a creative in review or approved goes back to review
     * with it (its item approval restarts for the new revision). The campaign's content scope stays as it is: posts
     * carrying an approved revision may still go out, and only the posts that carry the new one wait for its review.
     */
    void afterChange(Creative creative, UUID actor, Instant now) {
        if (creative.changed(actor, now)) {
            approvals.submit(submission(creative));
        }
    }

    ItemSubmission submission(Creative creative) {
        return new ItemSubmission(creative.getCampaignId(), SCOPE, ITEM_TYPE, creative.getId(), creative.getTitle(),
                creative.parts().wordCount(), null, creative.getRevision());
    }

    /**
     * An approval decided about the creative. Reads where its approval stands now rather than trusting the event, so a
     * late or repeated delivery of an earlier cycle's decision cannot approve what was changed since. A decision the
     * creative does not take (it was never sent) is logged and dropped, since delivering it again cannot change that.
     */
    @Transactional
    public void followReview(UUID id) {
        creatives.findById(id).ifPresent(c -> approvals.stateOf(ITEM_TYPE, id).ifPresent(state -> {
            switch (state) {
                case APPROVED -> decide(c, true);
                case REJECTED -> decide(c, false);
                default -> { }
            }
        }));
    }

    private static void decide(Creative creative, boolean approved) {
        if (creative.takesDecision(approved)) {
            creative.decided(approved);
        } else {
            log.warn("Creative {} is {} and takes no decision; its approval's is ignored", creative.getId(),
                    creative.getStatus());
        }
    }

    /** The creative as its approver sees it: previews, and what changed since the last approval. */
    @Transactional(readOnly = true)
    public Optional<CreativeReview> review(UUID id) {
        Optional<Creative> found = creatives.findById(id).filter(c -> !c.isDeleted());
        if (found.isEmpty() || campaigns.find(found.get().getCampaignId()).isEmpty()) {
            return Optional.empty();
        }
        Creative creative = found.get();
        CreativeView view = creative.view();
        Optional<ApprovedVersions> approved = creative.approved();
        List<CreativeReview.Change> changes = approved.map(a -> a.changes(creative.getComponents())).orElse(List.of());
        return Optional.of(new CreativeReview(view, CreativePreviews.of(view, brands.voiceFor(view.campaignId())),
                approved.isEmpty(), changes));
    }
}
