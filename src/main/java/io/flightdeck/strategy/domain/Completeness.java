package io.flightdeck.strategy.domain;

import java.util.List;

/**
 * How far a version is from a strategy the team can work from.
 *
 * @param score     the share of required fields filled in, 0 to 100
 * @param missing   the required fields still empty, each with why it matters
 * @param checklist every required field with whether it is done, in form order
 */
public record Completeness(int version, boolean complete, int score, List<Missing> missing, List<Requirement> checklist) {

    public record Missing(String field, String label, String why) {
    }

    public record Requirement(String field, String label, String why, boolean done) {
    }
}
