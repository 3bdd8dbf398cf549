package io.flightdeck.guidance.situation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.guidance.recommendations.CampaignRecommendations;
import io.flightdeck.guidance.recommendations.Consequence;
import io.flightdeck.guidance.recommendations.ReactionKind;
import io.flightdeck.guidance.recommendations.ReactionMemory;
import io.flightdeck.guidance.recommendations.ReactionMemory.CampaignReactions;
import io.flightdeck.guidance.recommendations.ReactionMemory.ReactionView;
import io.flightdeck.guidance.recommendations.Recommendation;
import io.flightdeck.shared.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A real campaign's recommendations: its situation gathered from the modules, the workspace's rules run over it, and
 * the reactions people made remembered against what it has now.
 */
@Service
public class CampaignNextSteps {

    /** What the campaign's members see: the recommendations no reaction hides, ranked, and the reactions in force. */
    public record NextSteps(UUID campaignId, List<Recommendation> recommendations, CampaignReactions reactions) {
    }

    private final CampaignSituations situations;
    private final CampaignRecommendations recommendations;
    private final ReactionMemory reactions;

    CampaignNextSteps(CampaignSituations situations, CampaignRecommendations recommendations,
            ReactionMemory reactions) {
        this.situations = situations;
        this.recommendations = recommendations;
        this.reactions = reactions;
    }

    /** The campaign's visible recommendations and its reactions; another workspace's campaign is not found. */
    @Transactional(readOnly = true)
    public NextSteps of(UUID campaignId) {
        List<Recommendation> visible = recommendations.recommend(situations.of(campaignId));
        return new NextSteps(campaignId, visible, reactions.active(campaignId));
    }

    /**
     * What went wrong and needs a person (failed and in-doubt posts, failed sends), whatever people reacted: a failed
     * post stays on this list until it is recovered.
     */
    @Transactional(readOnly = true)
    public List<Recommendation> recovery(UUID campaignId) {
        return recommendations.current(situations.of(campaignId)).stream()
                .filter(r -> r.consequence() == Consequence.RECOVERY).toList();
    }

    /**
     * Remembers a reaction to the recommendation the campaign has now for this rule and target (shown or hidden by an
     * earlier reaction); one it does not have is a conflict, since the evidence that made it is gone.
     */
    @Transactional
    public ReactionView respond(UUID campaignId, String ruleId, String targetType, String targetId, ReactionKind kind,
            String reason, LocalDate until) {
        Recommendation.Key key = new Recommendation.Key(campaignId, ruleId, targetType, targetId);
        Recommendation current = recommendations.current(situations.of(campaignId)).stream()
                .filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new ConflictException("recommendation-not-current", "The campaign has no such "
                        + "recommendation now: its evidence changed, or its rule is off. Read the recommendations again."));
        return reactions.record(current, kind, reason, until);
    }

    /** Takes back one of the campaign's reactions. */
    public void undo(UUID campaignId, UUID reactionId) {
        situations.requireCampaign(campaignId);
        reactions.undo(campaignId, reactionId);
    }

    @Transactional(readOnly = true)
    public CampaignReactions reactions(UUID campaignId) {
        situations.requireCampaign(campaignId);
        return reactions.active(campaignId);
    }
}
