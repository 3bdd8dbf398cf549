package io.flightdeck.campaigns;

import java.util.List;

/** A campaign's readiness: a 0–100 score from weighted items, the workspace's launch threshold, and the checklist. */
public record Readiness(int score, int threshold, List<ReadinessItem> items) {

    public static Readiness of(List<ReadinessItem> items, int threshold) {
        int total = items.stream().mapToInt(ReadinessItem::weight).sum();
        int done = items.stream().filter(ReadinessItem::done).mapToInt(ReadinessItem::weight).sum();
        int score = total == 0 ? 100 : Math.round(done * 100f / total);
        return new Readiness(score, threshold, List.copyOf(items));
    }

    public boolean meetsThreshold() {
        return score >= threshold;
    }

    public List<ReadinessItem> missing() {
        return items.stream().filter(item -> !item.done()).toList();
    }

    public List<ReadinessItem> blockers() {
        return items.stream().filter(item -> !item.done() && item.blocking()).toList();
    }
}
