package io.flightdeck.support;

/**
 * What the suite gives each fuzz target (docs/development.md, "Fuzzing"): the time it fuzzes for when the pom's
 * fuzz-targets execution runs it with {@code JAZZER_FUZZ=1}. How long one input may take before it counts as a hang is
 * libFuzzer's -timeout, set there: JUnit's own timeout would apply to the whole fuzzing run, not to one input.
 */
public final class Fuzzing {

    /** Fuzzing time per target in the suite; each target has a JVM of its own, two at a time. */
    public static final String SUITE_DURATION = "10s";

    private Fuzzing() {
    }
}
