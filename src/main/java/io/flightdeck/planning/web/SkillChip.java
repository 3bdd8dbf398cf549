package io.flightdeck.planning.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** One skill as a chip on a form: its name and its level as posted (text until the form is read). */
record SkillChip(String name, String level) {

    /** The level choice of every chip, in words as well as numbers. */
    static final Map<Integer, String> LEVELS = levels();

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
