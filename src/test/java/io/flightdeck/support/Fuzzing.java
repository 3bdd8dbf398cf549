package io.flightdeck.support;

/**
 * What the suite gives each fuzz target (docs/development.md, "Fuzzing"): the time it fuzzes for when the pom's
 * fuzz-targets execution runs it with {@code JAZZER_FUZZ=1}, and how long one input may take before it counts as a hang.
 */
public final class Fuzzing {

    /** Fuzzing time per target in the suite; each target has a JVM of its own, two at a time. */
    public static final String SUITE_DURATION = "15s";

    /** One input taking longer than this is a hang: Jazzer reports it as a finding (libFuzzer's -timeout). */
    public static final long INPUT_TIMEOUT_SECONDS = 5;

    private Fuzzing() {
    }
}
