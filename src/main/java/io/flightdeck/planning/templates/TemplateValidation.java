package io.flightdeck.planning.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.flightdeck.planning.DependencyCycleException;
import io.flightdeck.planning.TaskKind;
import io.flightdeck.planning.TemplateChange;
import io.flightdeck.planning.TemplateItem;
import io.flightdeck.planning.scheduling.CriticalPath;
import io.flightdeck.planning.team.SkillNames;
import io.flightdeck.shared.InvalidInputException;

/**
 * The rules a template must keep so a timeline can be laid out from it: unique keys, sane durations and skill levels,
 * dependencies and milestones that exist, and no dependency cycle (named by its items' titles). Field names point at
 * the offending item, e.g. {@code items[3].dependsOn}.
 */
final class TemplateValidation {

    static final int MAX_ITEMS = 200;
    static final int MAX_DURATION = 250;
    static final int MAX_ESTIMATE = 1000;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    private TemplateValidation() {
    }

    /** The change with names and items trimmed, or an {@link InvalidInputException} naming the first bad field. */
    static TemplateChange check(TemplateChange change) {
        if (change.campaignType() == null) {
            throw new InvalidInputException("campaignType", "must be one of the campaign types");
        }
        String name = change.name() == null ? "" : change.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new InvalidInputException("name", "must be 1 to 120 characters");
        }
        String description = change.description() == null || change.description().isBlank() ? null
                : change.description().strip();
        if (description != null && description.length() > 2000) {
            throw new InvalidInputException("description", "must be at most 2000 characters");
        }
        List<TemplateItem> items = change.items() == null ? List.of() : change.items();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "a template has 1 to " + MAX_ITEMS + " items");
        }
        List<TemplateItem> checked = new ArrayList<>(items.size());
        Map<String, TemplateItem> byKey = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            TemplateItem item = checkItem(items.get(i), "items[" + i + "]");
            if (byKey.putIfAbsent(item.key(), item) != null) {
                throw new InvalidInputException("items[" + i + "].key", "'" + item.key() + "' is used by another item");
            }
            checked.add(item);
        }
        for (int i = 0; i < checked.size(); i++) {
            TemplateItem item = checked.get(i);
            Set<String> seen = new HashSet<>();
            for (String predecessor : item.dependsOn()) {
                if (!byKey.containsKey(predecessor)) {
                    throw new InvalidInputException("items[" + i + "].dependsOn", "no item has the key '" + predecessor + "'");
                }
                if (predecessor.equals(item.key())) {
                    throw new InvalidInputException("items[" + i + "].dependsOn", "an item cannot depend on itself");
                }
                if (!seen.add(predecessor)) {
                    throw new InvalidInputException("items[" + i + "].dependsOn", "'" + predecessor + "' is listed twice");
                }
            }
            if (item.milestone() != null) {
                TemplateItem milestone = byKey.get(item.milestone());
                if (milestone == null) {
                    throw new InvalidInputException("items[" + i + "].milestone", "no item has the key '" + item.milestone() + "'");
                }
                if (milestone.kind() != TaskKind.MILESTONE || milestone.key().equals(item.key())) {
                    throw new InvalidInputException("items[" + i + "].milestone", "'" + item.milestone() + "' is not another milestone");
                }
            }
        }
        requireNoCycle(checked, byKey);
        return new TemplateChange(change.campaignType(), name, description, List.copyOf(checked));
    }

    private static TemplateItem checkItem(TemplateItem item, String field) {
        if (item == null) {
            throw new InvalidInputException(field, "must not be empty");
        }
        String key = item.key() == null ? "" : item.key().strip();
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(field + ".key",
                    "must be 1 to 60 lower-case letters, digits or dashes, starting with a letter");
        }
        String title = item.title() == null ? "" : item.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException(field + ".title", "must be 1 to 200 characters");
        }
        if (item.kind() == null) {
            throw new InvalidInputException(field + ".kind", "must be TASK or MILESTONE");
        }
        boolean milestone = item.kind() == TaskKind.MILESTONE;
        if (milestone && item.durationDays() != 0) {
            throw new InvalidInputException(field + ".durationDays", "a milestone takes 0 days");
        }
        if (item.durationDays() < 0 || item.durationDays() > MAX_DURATION) {
            throw new InvalidInputException(field + ".durationDays", "must be between 0 and " + MAX_DURATION + " working days");
        }
        if (Double.isNaN(item.estimateHours()) || item.estimateHours() < 0 || item.estimateHours() > MAX_ESTIMATE) {
            throw new InvalidInputException(field + ".estimateHours", "must be between 0 and " + MAX_ESTIMATE + " hours");
        }
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> skill : item.skills().entrySet()) {
            String name = skill.getKey() == null ? "" : skill.getKey().strip();
            if (!SkillNames.valid(name)) {
                throw new InvalidInputException(field + ".skills",
                        "'" + name + "' is not a skill name (lower-case letters, digits or dashes)");
            }
            Integer level = skill.getValue();
            if (level == null || level < 1 || level > 5) {
                throw new InvalidInputException(field + ".skills", "the level of " + name + " must be 1 to 5");
            }
            skills.put(name, level);
        }
        List<String> dependsOn = item.dependsOn().stream().map(d -> d == null ? "" : d.strip()).toList();
        String milestoneKey = item.milestone() == null || item.milestone().isBlank() ? null : item.milestone().strip();
        if (milestone && milestoneKey != null) {
            throw new InvalidInputException(field + ".milestone", "a milestone does not lead to another milestone");
        }
        return new TemplateItem(key, title, item.kind(), item.durationDays(), item.estimateHours(), skills, dependsOn,
                milestoneKey);
    }

    private static void requireNoCycle(List<TemplateItem> items, Map<String, TemplateItem> byKey) {
        List<CriticalPath.Task> tasks = items.stream()
                .map(i -> new CriticalPath.Task(i.key(), i.durationDays())).toList();
        List<CriticalPath.Dependency> edges = new ArrayList<>();
        items.forEach(i -> i.dependsOn().forEach(p -> edges.add(new CriticalPath.Dependency(p, i.key()))));
        try {
            CriticalPath.compute(tasks, edges);
        } catch (CriticalPath.CycleException e) {
            throw new DependencyCycleException(e.cycle().stream().map(k -> byKey.get(k).title()).toList());
        }
    }

    /** The template's critical path length in working days (valid templates only). */
    static int durationDays(List<TemplateItem> items) {
        List<CriticalPath.Task> tasks = items.stream()
                .map(i -> new CriticalPath.Task(i.key(), Math.max(0, i.durationDays()))).toList();
        List<CriticalPath.Dependency> edges = new ArrayList<>();
        items.forEach(i -> i.dependsOn().forEach(p -> edges.add(new CriticalPath.Dependency(p, i.key()))));
        try {
            return CriticalPath.compute(tasks, edges).durationDays();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
