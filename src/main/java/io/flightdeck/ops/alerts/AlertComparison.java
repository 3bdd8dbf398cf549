package io.flightdeck.ops.alerts;

/** How a rule compares the metric with its threshold. */
public enum AlertComparison {
    ABOVE("above"), BELOW("below");

    private final String words;

    AlertComparison(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    boolean holds(double value, double threshold) {
        return this == ABOVE ? value > threshold : value < threshold;
    }
}
