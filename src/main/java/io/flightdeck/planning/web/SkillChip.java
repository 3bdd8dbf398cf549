package io.flightdeck.planning.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** One skill as a chip on a form: its name and its level as posted (text until the form is read). */
record SkillChip(String name, String level) {

    /** The level choice of every chip, in words as well as numbers. */
    static final Map<Integer, String> LEVELS = levels();

    /**
     * A skill name as planning stores it (the service's rule, repeated here because the web layer sees only the
     * module's API), so the form can put a bad name beside its own chip.
     */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** The chips of repeated name/level pairs as posted; a pair with an empty name (the unused add row) is left out. */
    static List<SkillChip> posted(List<String> names, List<String> levels) {
        List<SkillChip> chips = new ArrayList<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            String level = levels != null && i < levels.size() ? levels.get(i) : "";
            if (names.get(i) != null && !names.get(i).isBlank()) {
                chips.add(new SkillChip(names.get(i).strip(), level));
            }
        }
        return chips;
    }

    /** The name as it is stored: lower case, inner spaces as dashes (as team-pages.js does while typing). */
    String storedName() {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    private static Map<Integer, String> levels() {
        Map<Integer, String> levels = new LinkedHashMap<>();
        levels.put(1, "1 · Basic");
        levels.put(2, "2 · Working");
        levels.put(3, "3 · Skilled");
        levels.put(4, "4 · Advanced");
        levels.put(5, "5 · Expert");
        return java.util.Collections.unmodifiableMap(levels);
    }
}
