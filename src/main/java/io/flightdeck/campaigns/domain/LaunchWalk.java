package io.flightdeck.campaigns.domain;

import java.util.List;

import io.flightdeck.campaigns.CampaignStatus;

/**
 * The moves one Launch makes from where a campaign stands: from a draft it starts planning and marks the campaign
 * ready on the way, so a manager does not click through three buttons that each check the same gate.
 *
 * @param steps the moves in order, the last one the launch; empty where a campaign cannot be launched
 */
public record LaunchWalk(List<CampaignTransition> steps) {

    public static LaunchWalk of(CampaignStatus status) {
        return new LaunchWalk(switch (status) {
            case DRAFT -> List.of(CampaignTransition.PLAN, CampaignTransition.MARK_READY, CampaignTransition.LAUNCH);
            case PLANNING -> List.of(CampaignTransition.MARK_READY, CampaignTransition.LAUNCH);
            case READY -> List.of(CampaignTransition.LAUNCH);
            default -> List.of();
        });
    }

    public boolean walks() {
        return steps.size() > 1;
    }

    /** The moves before the launch itself. */
    public List<CampaignTransition> before() {
        return steps.isEmpty() ? List.of() : steps.subList(0, steps.size() - 1);
    }

    /** What the confirmation says the walk does, such as: starts planning, marks the campaign ready and launches it. */
    public String inWords() {
        List<String> verbs = steps.stream().map(step -> switch (step) {
            case PLAN -> "starts planning";
            case MARK_READY -> "marks the campaign ready";
            default -> "launches it";
        }).toList();
        if (verbs.size() == 1) {
            return verbs.get(0);
        }
        return String.join(", ", verbs.subList(0, verbs.size() - 1)) + " and " + verbs.get(verbs.size() - 1);
    }
}
