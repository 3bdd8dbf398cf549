package io.flightdeck.campaigns.domain;

import java.util.List;
import java.util.stream.Stream;
import io.flightdeck.campaigns.ReadinessItem;

/**
 * A campaign's readiness: a 0–100 score from weighted items, the workspace's launch threshold, and the checklist.
 * While a blocking item is open the score is held below the threshold (the weighted figure stays in
 * {@code rawScore}), so that the score, its badge and the launch gate never disagree.
 */
public record Readiness(int score, int threshold, List<ReadinessItem> items, int rawScore) {

    public Readiness(int score, int threshold, List<ReadinessItem> items) {
        this(score, threshold, items, score);
    }

    public static Readiness of(List<ReadinessItem> items, int threshold) {
        int total = items.stream().mapToInt(ReadinessItem::weight).sum();
        int done = items.stream().filter(ReadinessItem::done).mapToInt(ReadinessItem::weight).sum();
        int raw = total == 0 ? 100 : Math.round(done * 100f / total);
        boolean blocked = items.stream().anyMatch(item -> !item.done() && item.blocking());
        int score = blocked ? Math.max(0, Math.min(raw, threshold - 1)) : raw;
        return new Readiness(score, threshold, List.copyOf(items), raw);
    }

    /** The gate for marking ready and for an unforced launch: nothing blocks and the score reaches the threshold. */
    public boolean meetsThreshold() {
        return blockers().isEmpty() && score >= threshold;
    }

    /** Only the score stands in the way: what a manager may force past. */
    public boolean onlyScoreShort() {
        return blockers().isEmpty() && score < threshold;
    }

    public List<ReadinessItem> missing() {
        return items.stream().filter(item -> !item.done()).toList();
    }

    public List<ReadinessItem> blockers() {
        return items.stream().filter(item -> !item.done() && item.blocking()).toList();
    }

    /** What to do next: the open items, blockers first, then by how much each adds to the score; at most three. */
    public List<ReadinessItem> nextSteps() {
        return Stream.concat(blockers().stream(), missing().stream().filter(item -> !item.blocking())
                        .sorted(java.util.Comparator.comparingInt(ReadinessItem::weight).reversed()))
                .limit(3).toList();
    }

    /** The checklist as the card shows it: open blockers first, then the rest in their own order. */
    public List<ReadinessItem> itemsBlockersFirst() {
        return Stream.concat(blockers().stream(), items.stream().filter(item -> item.done() || !item.blocking())).toList();
    }
}
