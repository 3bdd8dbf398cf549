package io.flightdeck.guidance.recommendations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks one rule file. Everything wrong with a file is reported at once, prefixed with the file's name, so
 * that a broken rule stops the application at start-up with a message that says where to look.
 */
final class RuleFiles {

    /** The campaign statuses a rule may name, as the campaigns module spells them (a test keeps them in step). */
    static final List<String> CAMPAIGN_STATUSES =
            List.of("DRAFT", "PLANNING", "READY", "ACTIVE", "PAUSED", "COMPLETED", "ARCHIVED", "CANCELLED");
    static final int MAX_ID_LENGTH = 60;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    // unknown fields are refused: a misspelt "tresholds" must not silently fall back to nothing
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The file as written, before it is checked. */
    record RuleFile(String id, Integer version, String kind, Boolean enabledByDefault, List<String> statuses,
            String title, String why, String effect, String effort, ActionFile action, Map<String, Double> thresholds) {
    }

    record ActionFile(String label, String link) {
    }

    private RuleFiles() {
    }

    /**
     * The rule in file {@code fileName} (a name such as {@code underperforming-channel.json}).
     *
     * @throws IllegalArgumentException naming the file and every problem found in it
     */
    static RuleDefinition read(String fileName, byte[] content) {
        RuleFile file;
        try {
            file = JSON.readValue(content, RuleFile.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(fileName + ": not a rule file: " + e.getOriginalMessage());
        }
        if (file == null) {
            throw new IllegalArgumentException(fileName + ": is empty");
        }
        List<String> problems = new ArrayList<>();
        RuleKind kind = kind(file.kind(), problems);
        checkId(fileName, file.id(), problems);
        if (file.version() == null || file.version() < 1) {
            problems.add("version must be a whole number of at least 1");
        }
        if (file.enabledByDefault() == null) {
            problems.add("enabledByDefault must be true or false");
        }
        Set<String> statuses = statuses(file.statuses(), problems);
        MessageTemplate title = template("title", file.title(), kind, problems);
        MessageTemplate why = template("why", file.why(), kind, problems);
        MessageTemplate effect = template("effect", file.effect(), kind, problems);
        Effort effort = effort(file.effort(), problems);
        ActionFile action = file.action() == null ? new ActionFile(null, null) : file.action();
        MessageTemplate actionLabel = template("action.label", action.label(), kind, problems);
        MessageTemplate actionLink = template("action.link", action.link(), kind, problems);
        if (actionLink != null && !actionLink.text().startsWith("/")) {
            problems.add("action.link must be a path starting with a slash, not " + action.link());
        }
        Map<String, Double> thresholds = file.thresholds() == null ? Map.of() : file.thresholds();
        if (kind != null) {
            checkThresholds(kind, thresholds, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": " + String.join("; ", problems));
        }
        return new RuleDefinition(file.id(), file.version(), kind, file.enabledByDefault(), statuses, title, why,
                effect, effort, actionLabel, actionLink, thresholds);
    }

    private static void checkId(String fileName, String id, List<String> problems) {
        if (id == null || id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            problems.add("id must be lower-case words joined by hyphens, at most " + MAX_ID_LENGTH + " characters");
        } else if (!fileName.equals(id + ".json")) {
            problems.add("id " + id + " must match the file's name (" + id + ".json)");
        }
    }

    private static RuleKind kind(String kind, List<String> problems) {
        try {
            return RuleKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("kind must be one of " + Arrays.toString(RuleKind.values()) + ", not " + kind);
            return null;
        }
    }

    private static Set<String> statuses(List<String> statuses, List<String> problems) {
        Set<String> known = new LinkedHashSet<>();
        for (String status : statuses == null ? List.<String>of() : statuses) {
            String name = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
            if (CAMPAIGN_STATUSES.contains(name)) {
                known.add(name);
            } else {
                problems.add("statuses names " + status + ", which is not a campaign status " + CAMPAIGN_STATUSES);
            }
        }
        return known;
    }

    private static MessageTemplate template(String field, String text, RuleKind kind, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add(field + " is required");
            return null;
        }
        MessageTemplate template;
        try {
            template = MessageTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(field + " " + e.getMessage());
            return null;
        }
        if (kind != null) {
            Set<String> unknown = new TreeSet<>(template.placeholders());
            unknown.removeAll(kind.placeholders());
            if (!unknown.isEmpty()) {
                problems.add(field + " uses " + braces(unknown) + ", which " + kind + " does not fill (it fills "
                        + braces(new TreeSet<>(kind.placeholders())) + ")");
            }
        }
        return template;
    }

    private static Effort effort(String effort, List<String> problems) {
        try {
            return Effort.valueOf(effort);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("effort must be one of " + Arrays.toString(Effort.values()) + ", not " + effort);
            return null;
        }
    }

    private static void checkThresholds(RuleKind kind, Map<String, Double> thresholds, List<String> problems) {
        for (String name : kind.thresholds()) {
            Double value = thresholds.get(name);
            if (value == null) {
                problems.add("thresholds." + name + " is required for " + kind);
            } else if (!Double.isFinite(value) || value < 0) {
                problems.add("thresholds." + name + " must be a number of at least 0, not " + value);
            }
        }
        Set<String> unknown = new TreeSet<>(thresholds.keySet());
        unknown.removeAll(kind.thresholds());
        if (!unknown.isEmpty()) {
            problems.add("thresholds " + unknown + " are not thresholds of " + kind + " (it has " + kind.thresholds()
                    + ")");
        }
    }

    private static String braces(Set<String> names) {
        return names.stream().map(n -> "{" + n + "}").collect(Collectors.joining(", "));
    }
}
