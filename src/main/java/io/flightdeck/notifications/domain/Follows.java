package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.persistence.ConcurrentWrites;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following a campaign: any member, a viewer included, follows the campaigns they care about and hears what the
 * campaign's owner hears. Following twice is following; a campaign of another workspace is not found.
 */
@Service
public class Follows {

    /** Whether the signed-in member follows the campaign, and how many members do. */
    public record FollowState(UUID campaignId, boolean following, long followers) {
    }

    private static final RetryTemplate AGAIN = ConcurrentWrites.retrying(
            e -> e instanceof DataIntegrityViolationException, 3, java.time.Duration.ofMillis(5));

    private final CampaignFollowRepository follows;
    private final CampaignDirectory campaigns;
    private final Clock clock;

    Follows(CampaignFollowRepository follows, CampaignDirectory campaigns, Clock clock) {
        this.follows = follows;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public FollowState state(UUID campaignId) {
        requireCampaign(campaignId);
        return new FollowState(campaignId, follows.findByCampaignIdAndMemberId(campaignId, me()).isPresent(),
                follows.countByCampaignId(campaignId));
    }

    /** Follows the campaign (a second click changes nothing; two at once are one follow). */
    public FollowState follow(UUID campaignId) {
        requireCampaign(campaignId);
        UUID me = me();
        AGAIN.invoke(() -> {
            if (follows.findByCampaignIdAndMemberId(campaignId, me).isEmpty()) {
                follows.saveAndFlush(new CampaignFollow(campaignId, me, clock.instant()));
            }
            return null;
        });
        return state(campaignId);
    }

    @Transactional
    public FollowState unfollow(UUID campaignId) {
        requireCampaign(campaignId);
        follows.findByCampaignIdAndMemberId(campaignId, me()).ifPresent(follows::delete);
        follows.flush();
        return state(campaignId);
    }

    /** The campaign's followers, for the triggers. */
    List<UUID> followers(UUID campaignId) {
        return follows.findMemberIds(campaignId);
    }

    private void requireCampaign(UUID campaignId) {
        if (campaigns.find(campaignId).isEmpty()) {
            throw new NotFoundException("The campaign");
        }
    }

    private static UUID me() {
        return CurrentActor.require().userId();
    }
}
