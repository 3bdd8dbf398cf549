package io.flightdeck.planning.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Picks who does a task: among members who have every required skill at the required level and enough free hours in
 * the task's window, the one with the lowest load relative to capacity after taking the task. Every candidate gets a
 * score and the reasons behind it, so a manager sees why and can override.
 */
public final class AutoAssignment {

    private AutoAssignment() {
    }

    /**
     * A member as seen for one window of time.
     *
     * @param skills        skill name to level (1–5)
     * @param availableHours hours they work in the window (weekly availability minus time off)
     * @param assignedHours  hours of other tasks already assigned to them in the window
     */
    public record Candidate(UUID memberId, String name, Map<String, Integer> skills, double availableHours,
            double assignedHours) {

        public Candidate {
            skills = Map.copyOf(skills);
        }
    }

    /** What a task needs: skill name to minimum level, and its estimate in hours. */
    public record Need(String taskKey, Map<String, Integer> skills, double estimateHours) {

        public Need {
            skills = Map.copyOf(skills);
        }
    }

    /**
     * One candidate's evaluation. {@code load} is the share of their available hours taken once this task is added;
     * {@code score} is 0–100, higher is better, and only eligible candidates are scored. The hours are the ones the
     * candidate had in the task's window when it was weighed.
     */
    public record Evaluation(UUID memberId, String name, boolean eligible, double load, int score, List<String> reasons,
            double availableHours, double assignedHours) {
    }

    /**
     * The choice for one task (empty when nobody qualifies), every candidate's evaluation, best first, and, when nobody
     * qualifies, why (null otherwise).
     */
    public record Choice(String taskKey, Optional<UUID> memberId, List<Evaluation> evaluations, Shortfall shortfall) {
    }

    /**
     * Why nobody qualifies for a task, in the team's terms rather than per candidate: the required skills nobody has at
     * the level asked ({@code missingSkills}, as "copywriting 3"), or, when some members have every skill, that each of
     * them lacks the free hours ({@code overCapacity}); {@code noTeam} when nobody can be assigned work at all.
     */
    public record Shortfall(String reason, List<String> missingSkills, boolean overCapacity, boolean noTeam) {
    }

    public static Choice choose(Need need, List<Candidate> team) {
        List<Evaluation> evaluations = new ArrayList<>(team.size());
        for (Candidate candidate : team) {
            evaluations.add(evaluate(need, candidate));
        }
        evaluations.sort(Comparator.comparing(Evaluation::eligible).reversed()
                .thenComparing(Comparator.comparingInt(Evaluation::score).reversed())
                .thenComparing(Evaluation::name));
        Optional<UUID> chosen = evaluations.isEmpty() || !evaluations.get(0).eligible() ? Optional.empty()
                : Optional.of(evaluations.get(0).memberId());
        return new Choice(need.taskKey(), chosen, evaluations, chosen.isPresent() ? null : shortfall(need, team));
    }

    /** Why nobody in {@code team} qualifies for {@code need} (see {@link Shortfall}). */
    static Shortfall shortfall(Need need, List<Candidate> team) {
        if (team.isEmpty()) {
            return new Shortfall("nobody in the workspace can be assigned work yet (contributors and up can)",
                    List.of(), false, true);
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Integer> required : new TreeMap<>(need.skills()).entrySet()) {
            if (team.stream().noneMatch(c -> c.skills().getOrDefault(required.getKey(), 0) >= required.getValue())) {
                missing.add(required.getKey() + " " + required.getValue());
            }
        }
        if (!missing.isEmpty()) {
            return new Shortfall("nobody has " + String.join(" or ", missing.stream().map(m -> {
                int space = m.lastIndexOf(' ');
                return m.substring(0, space) + " at level " + m.substring(space + 1) + " or above";
            }).toList()), List.copyOf(missing), false, false);
        }
        List<Candidate> skilled = team.stream().filter(c -> need.skills().entrySet().stream()
                .allMatch(r -> c.skills().getOrDefault(r.getKey(), 0) >= r.getValue())).toList();
        if (skilled.isEmpty()) {
            return new Shortfall("each skill is there, but nobody has all of them ("
                    + String.join(", ", new TreeMap<>(need.skills()).entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).toList()) + ")", List.of(), false, false);
        }
        List<String> hours = skilled.stream().sorted(Comparator.comparing(Candidate::name))
                .map(c -> String.format(Locale.ROOT, "%s %.1f h free", c.name(),
                        Math.max(c.availableHours() - c.assignedHours(), 0)))
                .toList();
        String who = skilled.size() == 1 ? "the one member with the skills is" : "everyone with the skills is";
        return new Shortfall(String.format(Locale.ROOT, "%s away or over capacity then (needs %.1f h: %s)", who,
                need.estimateHours(), String.join(", ", hours)), List.of(), true, false);
    }

    /** A need and the window of days the task runs over: availability and load are measured there. */
    public record Dated(Need need, LocalDate from, LocalDate to) {
    }

    /**
     * Assigns the tasks in the given order, each against the team's load in its own window; each choice adds the
     * task's hours to the load, so the tasks after it see them.
     */
    public static List<Choice> chooseAll(List<Dated> tasks, TeamLoad load) {
        List<Choice> choices = new ArrayList<>(tasks.size());
        for (Dated task : tasks) {
            Choice choice = choose(task.need(), load.candidates(task.from(), task.to()));
            choice.memberId().ifPresent(id -> load.addWork(id, task.from(), task.to(), task.need().estimateHours()));
            choices.add(choice);
        }
        return choices;
    }

    static Evaluation evaluate(Need need, Candidate c) {
        List<String> reasons = new ArrayList<>();
        boolean eligible = true;
        int surplus = 0;
        for (Map.Entry<String, Integer> required : new TreeMap<>(need.skills()).entrySet()) { // reasons in a stable order
            int level = c.skills().getOrDefault(required.getKey(), 0);
            if (level < required.getValue()) {
                eligible = false;
                reasons.add(level == 0 ? "lacks " + required.getKey()
                        : required.getKey() + " level " + level + ", needs " + required.getValue());
            } else {
                surplus += level - required.getValue();
            }
        }
        double free = c.availableHours() - c.assignedHours();
        if (free < need.estimateHours()) {
            eligible = false;
            reasons.add(String.format(Locale.ROOT, "%.1f h free, needs %.1f h", Math.max(free, 0),
                    need.estimateHours()));
        }
        double load = c.availableHours() <= 0 ? 1 : (c.assignedHours() + need.estimateHours()) / c.availableHours();
        if (!eligible) {
            return new Evaluation(c.memberId(), c.name(), false, load, 0, reasons, c.availableHours(), c.assignedHours());
        }
        // load decides (80 points); skill above the minimum breaks near-ties (up to 20 points)
        int loadPoints = (int) Math.round(80 * (1 - Math.min(load, 1)));
        int skillPoints = Math.min(20, surplus * 5);
        reasons.add(String.format(Locale.ROOT, "%.0f%% loaded with this task", load * 100));
        if (skillPoints > 0) {
            reasons.add("skills above the minimum (+" + skillPoints + ")");
        }
        return new Evaluation(c.memberId(), c.name(), true, load, loadPoints + skillPoints, reasons, c.availableHours(),
                c.assignedHours());
    }
}
