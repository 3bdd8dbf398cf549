package io.flightdeck.planning.templates;

import java.util.List;

/** Dependencies (between tasks, or between a template's items) that would form a cycle, named in order. Answers 400. */
public class DependencyCycleException extends RuntimeException {

    private final List<String> cycle;

    public DependencyCycleException(List<String> cycle) {
        super("These dependencies would form a cycle: " + String.join(" → ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    public List<String> cycle() {
        return cycle;
    }
}
