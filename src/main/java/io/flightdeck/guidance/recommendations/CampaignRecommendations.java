package io.flightdeck.guidance.recommendations;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The recommendations a campaign's members see: the workspace's rules that are on, run over the campaign's situation,
 * ranked, without those a reaction hides.
 */
@Service
public class CampaignRecommendations {

    private final RuleSwitches switches;
    private final ReactionMemory reactions;

    CampaignRecommendations(RuleSwitches switches, ReactionMemory reactions) {
        this.switches = switches;
        this.reactions = reactions;
    }

    public List<Recommendation> recommend(CampaignSituation situation) {
        return reactions.visible(current(situation));
    }

    /** Every recommendation the campaign has now, those a reaction hides included. */
    public List<Recommendation> current(CampaignSituation situation) {
        return Recommender.recommend(situation, switches.enabledRules());
    }
}
