package io.flightdeck.guidance.recommendations;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.guidance.recommendations.CampaignSituation.PostingSlot;
import io.flightdeck.guidance.recommendations.CampaignSituation.ScheduledPost;

/**
 * The workspace's own best posting hours against the hours this campaign's scheduled posts use. Once the workspace has
 * published at least {@code minPastPosts} posts, its best {@code topSlots} weekday-and-hour slots among those with at
 * least {@code minPostsPerSlot} posts are compared with the slots of the campaign's posts outside them; when the best
 * slots earn at least {@code minLiftPercent} % more clicks per post, moving those posts is recommended. A slot with too
 * few posts of its own counts at the workspace's overall clicks per post. One recommendation per campaign.
 */
final class BestPostingTimesRule {

    /** The posts to move that are cited one by one, the weakest slots first; the rest are counted. */
    static final int POSTS_CITED = 5;

    private BestPostingTimesRule() {
    }

    private record Slot(DayOfWeek day, int hour) {
    }

    static List<Recommendation> evaluate(RuleDefinition rule, CampaignSituation situation) {
        int minPostsPerSlot = (int) Math.ceil(rule.threshold("minPostsPerSlot"));
        List<PostingSlot> slots = situation.workspaceSlots();
        long pastPosts = slots.stream().mapToLong(PostingSlot::posts).sum();
        if (pastPosts == 0 || pastPosts < rule.threshold("minPastPosts") || situation.scheduledPosts().isEmpty()) {
            return List.of();
        }
        double overall = (double) slots.stream().mapToLong(PostingSlot::clicks).sum() / pastPosts;
        Map<Slot, Double> rates = new HashMap<>();
        slots.stream().filter(s -> s.posts() >= Math.max(1, minPostsPerSlot))
                .forEach(s -> rates.merge(new Slot(s.day(), s.hour()), s.clicksPerPost(), Math::max));
        List<PostingSlot> best = slots.stream().filter(s -> s.posts() >= Math.max(1, minPostsPerSlot))
                .sorted(Comparator.comparingDouble(PostingSlot::clicksPerPost).reversed()
                        .thenComparing(PostingSlot::day).thenComparingInt(PostingSlot::hour))
                .limit((long) rule.threshold("topSlots")).toList();
        if (best.isEmpty()) {
            return List.of();
        }
        Set<Slot> bestSlots = best.stream().map(s -> new Slot(s.day(), s.hour())).collect(Collectors.toSet());
        List<ScheduledPost> movable = situation.scheduledPosts().stream()
                .filter(p -> !bestSlots.contains(new Slot(p.day(), p.hour())))
                .sorted(Comparator.comparingDouble((ScheduledPost p) -> rateAt(rates, p, overall))
                        .thenComparing(p -> p.id().toString()))
                .toList();
        if (movable.isEmpty()) {
            return List.of();
        }
        double bestRate = (double) best.stream().mapToLong(PostingSlot::clicks).sum()
                / best.stream().mapToLong(PostingSlot::posts).sum();
        double usualRate = movable.stream().mapToDouble(p -> rateAt(rates, p, overall)).average().orElse(0);
        double lift = usualRate == 0 ? (bestRate > 0 ? Double.POSITIVE_INFINITY : 0) : bestRate / usualRate - 1;
        if (lift * 100 < rule.threshold("minLiftPercent")) {
            return List.of();
        }
        return List.of(recommend(rule, situation, best, movable, rates, overall, pastPosts, bestRate, usualRate, lift));
    }

    private static Recommendation recommend(RuleDefinition rule, CampaignSituation situation, List<PostingSlot> best,
            List<ScheduledPost> movable, Map<Slot, Double> rates, double overall, long pastPosts, double bestRate,
            double usualRate, double lift) {
        Map<String, String> values = Map.of(
                "bestSlots", inWords(best.stream().map(PostingSlot::words).toList()),
                "bestClicksPerPost", Figures.oneDecimal(bestRate),
                "usualClicksPerPost", Figures.oneDecimal(usualRate),
                "movablePosts", Figures.counted(movable.size(), "post", "posts"),
                "scheduledPosts", Figures.counted(situation.scheduledPosts().size(), "post", "posts"),
                "pastPosts", Figures.counted(pastPosts, "post", "posts"));
        List<Evidence> evidence = new ArrayList<>();
        for (PostingSlot slot : best) {
            evidence.add(new Evidence("Best slot: " + slot.words(), Figures.oneDecimal(slot.clicksPerPost())
                    + " clicks per post over " + Figures.counted(slot.posts(), "post", "posts"), "/social/calendar"));
        }
        for (ScheduledPost post : movable.subList(0, Math.min(POSTS_CITED, movable.size()))) {
            ObjectRef ref = post.ref();
            evidence.add(new Evidence(ref.name(), "usually " + Figures.oneDecimal(rateAt(rates, post, overall))
                    + " clicks per post in this slot", ref.link()));
        }
        if (movable.size() > POSTS_CITED) {
            evidence.add(new Evidence("More posts outside the best slots",
                    Figures.count(movable.size() - POSTS_CITED), situation.postsRef().link()));
        }
        String bestSet = EvidenceFingerprint.set(best.stream().map(s -> s.day() + "@" + s.hour()).toList());
        // priority rises with the lift and approaches 1: a lift of 100 % scores 0.5
        double priority = Double.isInfinite(lift) ? 1 : lift / (1 + lift);
        return rule.recommend(situation, situation.postsRef(), values, evidence, priority,
                EvidenceFingerprint.of(bestSet, EvidenceFingerprint.powerOfTwo(movable.size())));
    }

    private static double rateAt(Map<Slot, Double> rates, ScheduledPost post, double overall) {
        return rates.getOrDefault(new Slot(post.day(), post.hour()), overall);
    }

    private static String inWords(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
