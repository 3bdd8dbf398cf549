package io.flightdeck.planning.team;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a skill is named wherever planning stores one (profiles, tasks, templates): lower case, digits and dashes, so a
 * task's requirement always matches a member's skill exactly.
 */
public final class SkillNames {

    /** A stored skill name. */
    public static final Pattern SKILL = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private SkillNames() {
    }

    /** How a typed skill name is stored: stripped, lower case, inner whitespace as dashes. */
    public static String normalise(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    public static boolean valid(String name) {
        return SKILL.matcher(name).matches();
    }
}
