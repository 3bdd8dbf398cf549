package io.flightdeck.planning.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.flightdeck.planning.scheduling.CriticalPath;
import io.flightdeck.planning.team.SkillNames;
import io.flightdeck.shared.InputProblems;
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

    /**
     * The change with names and items trimmed, or an {@link InvalidInputException} listing every bad field at once;
     * a dependency cycle is only looked for once the items themselves are sound.
     */
    static TemplateChange check(TemplateChange change) {
        InputProblems problems = new InputProblems();
        if (change.campaignType() == null) {
            problems.add("campaignType", "must be one of the campaign types");
        }
        String name = change.name() == null ? "" : change.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            problems.add("name", "must be 1 to 120 characters");
        }
        String description = change.description() == null || change.description().isBlank() ? null
                : change.description().strip();
        if (description != null && description.length() > 2000) {
            problems.add("description", "must be at most 2000 characters");
        }
        List<TemplateItem> items = change.items() == null ? List.of() : change.items();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            problems.add("items", "a template has 1 to " + MAX_ITEMS + " items");
            problems.throwIfAny("The template");
        }
        List<TemplateItem> checked = new ArrayList<>(items.size());
        Map<String, TemplateItem> byKey = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            TemplateItem item = checkItem(items.get(i), "items[" + i + "]", problems);
            if (item != null && byKey.putIfAbsent(item.key(), item) != null) {
                problems.add("items[" + i + "].key", "'" + item.key() + "' is used by another item");
            }
            checked.add(item);
        }
        for (int i = 0; i < checked.size(); i++) {
            // an item whose key another item took is left out: which one its links mean is unclear
            if (checked.get(i) != null && byKey.get(checked.get(i).key()) == checked.get(i)) {
                checkLinks(checked.get(i), "items[" + i + "]", byKey, problems);
            }
        }
        problems.throwIfAny("The template");
        requireNoCycle(checked, byKey);
        return new TemplateChange(change.campaignType(), name, description, List.copyOf(checked));
    }

    /** The item's predecessors and milestone exist; one problem per field, the first found. */
    private static void checkLinks(TemplateItem item, String field, Map<String, TemplateItem> byKey,
            InputProblems problems) {
        Set<String> seen = new HashSet<>();
        for (String predecessor : item.dependsOn()) {
            String problem = !byKey.containsKey(predecessor) ? "no item has the key '" + predecessor + "'"
                    : predecessor.equals(item.key()) ? "an item cannot depend on itself"
                    : !seen.add(predecessor) ? "'" + predecessor + "' is listed twice" : null;
            if (problem != null) {
                problems.add(field + ".dependsOn", problem);
                break;
            }
        }
        if (item.milestone() != null && !problems.has(field + ".milestone")) {
            TemplateItem milestone = byKey.get(item.milestone());
            if (milestone == null) {
                problems.add(field + ".milestone", "no item has the key '" + item.milestone() + "'");
            } else if (milestone.kind() != TaskKind.MILESTONE || milestone.key().equals(item.key())) {
                problems.add(field + ".milestone", "'" + item.milestone() + "' is not another milestone");
            }
        }
    }

    /** The item trimmed, adding each bad field's problem; null for a missing item. */
    private static TemplateItem checkItem(TemplateItem item, String field, InputProblems problems) {
        if (item == null) {
            problems.add(field, "must not be empty");
            return null;
        }
        String key = item.key() == null ? "" : item.key().strip();
        if (!KEY.matcher(key).matches()) {
            problems.add(field + ".key", "must be 1 to 60 lower-case letters, digits or dashes, starting with a letter");
        }
        String title = item.title() == null ? "" : item.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            problems.add(field + ".title", "must be 1 to 200 characters");
        }
        if (item.kind() == null) {
            problems.add(field + ".kind", "must be TASK or MILESTONE");
        }
        boolean milestone = item.kind() == TaskKind.MILESTONE;
        if (milestone && item.durationDays() != 0) {
            problems.add(field + ".durationDays", "a milestone takes 0 days");
        } else if (item.durationDays() < 0 || item.durationDays() > MAX_DURATION) {
            problems.add(field + ".durationDays", "must be between 0 and " + MAX_DURATION + " working days");
        }
        if (Double.isNaN(item.estimateHours()) || item.estimateHours() < 0 || item.estimateHours() > MAX_ESTIMATE) {
            problems.add(field + ".estimateHours", "must be between 0 and " + MAX_ESTIMATE + " hours");
        }
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> skill : item.skills().entrySet()) {
            String name = skill.getKey() == null ? "" : skill.getKey().strip();
            Integer level = skill.getValue();
            String problem = !SkillNames.valid(name) ? "'" + name + "' is not a skill name (lower-case letters, digits or dashes)"
                    : level == null || level < 1 || level > 5 ? "the level of " + name + " must be 1 to 5" : null;
            if (problem != null) {
                problems.add(field + ".skills", problem);
                break;
            }
            skills.put(name, level);
        }
        List<String> dependsOn = item.dependsOn().stream().map(d -> d == null ? "" : d.strip()).toList();
        String milestoneKey = item.milestone() == null || item.milestone().isBlank() ? null : item.milestone().strip();
        if (milestone && milestoneKey != null) {
            problems.add(field + ".milestone", "a milestone does not lead to another milestone");
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
