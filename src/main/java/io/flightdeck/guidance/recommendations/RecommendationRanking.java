package io.flightdeck.guidance.recommendations;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order recommendations are shown in, by consequence first and then by size:
 * <ol>
 *   <li>the {@link Consequence}: recovering failed posts and sends, then money (pacing), then performance
 *   (underperforming channels, worn-out content), then what is nice to have (posting times);</li>
 *   <li>within one consequence, the larger gap first, with priorities compared in steps of
 *   {@value #PRIORITY_STEP} so that near-equal gaps count as equal;</li>
 *   <li>between near-equal gaps, the lighter {@link Effort} first;</li>
 *   <li>then the exact priority, and the rule's and the target's ids, so the same recommendations always come in
 *   the same order.</li>
 * </ol>
 */
final class RecommendationRanking {

    static final double PRIORITY_STEP = 0.05;

    private static final Comparator<Recommendation> ORDER = Comparator
            .comparing(Recommendation::consequence)
            .thenComparing(Comparator.comparingLong(RecommendationRanking::priorityStep).reversed())
            .thenComparing(Recommendation::effort)
            .thenComparing(Comparator.comparingDouble(Recommendation::priority).reversed())
            .thenComparing(Recommendation::ruleId)
            .thenComparing(r -> r.target().id());

    private RecommendationRanking() {
    }

    public static List<Recommendation> rank(Collection<Recommendation> recommendations) {
        return recommendations.stream().sorted(ORDER).toList();
    }

    private static long priorityStep(Recommendation recommendation) {
        return (long) Math.floor(recommendation.priority() / PRIORITY_STEP + 1e-9);
    }
}
