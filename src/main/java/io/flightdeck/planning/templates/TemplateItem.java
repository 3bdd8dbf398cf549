package io.flightdeck.planning.templates;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One milestone or task of a timeline template: durations in working days, predecessors by key, the skills (name to
 * minimum level 1–5) it needs, and the milestone it leads to.
 */
public record TemplateItem(String key, String title, TaskKind kind, int durationDays, double estimateHours,
        Map<String, Integer> skills, List<String> dependsOn, @Nullable String milestone) {

    public TemplateItem {
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
