package io.flightdeck.content.generation;

import java.util.List;

/**
 * What the copy is for: the campaign and the strategy version it is written from. Every field may be empty; a
 * generator writes from what there is.
 *
 * @param strategyVersion the strategy version these fields come from; null when the campaign has none
 * @param topic           what this piece is about in the writer's words (a product, an offer, an event); may be null
 */
public record ContentBrief(String campaignName, Integer strategyVersion, List<String> goals, String targetAudience,
        List<String> contentPillars, String tone, String constraints, String topic) {

    public ContentBrief {
        goals = goals == null ? List.of() : List.copyOf(goals);
        contentPillars = contentPillars == null ? List.of() : List.copyOf(contentPillars);
    }
}
