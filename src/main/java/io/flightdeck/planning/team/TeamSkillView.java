package io.flightdeck.planning.team;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A skill somebody in the workspace has: how many members, how many at each level (1 to 5), and who.
 *
 * @param levels level to the number of members at that level, every level listed
 */
public record TeamSkillView(String name, int members, Map<Integer, Integer> levels, List<Holder> holders) {

    /** A member with the skill, at their level. */
    public record Holder(UUID userId, String displayName, int level) {
    }
}
