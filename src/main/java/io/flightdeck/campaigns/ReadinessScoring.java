package io.flightdeck.campaigns;

import java.util.List;

/**
 * Scores readiness items by the rule campaigns scores a campaign with, against the workspace's launch threshold. For
 * a module that asks the {@link ReadinessCheck}s itself (guidance, which needs to know which module said what) and
 * must show the same score as the campaign page without asking every check twice.
 */
public interface ReadinessScoring {

    ReadinessScore score(List<ReadinessItem> items);
}
