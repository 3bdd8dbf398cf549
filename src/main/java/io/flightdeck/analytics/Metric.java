package io.flightdeck.analytics;

/** What a fact counts. Money metrics carry a currency; the others never do, so currencies are never summed together. */
// the API names it apart from the A/B test's metric of email (OpenApiLintTests: one schema name, one shape)
@io.swagger.v3.oas.annotations.media.Schema(name = "FactMetric")
public enum Metric {
    IMPRESSIONS(false),
    REACH(false),
    CLICKS(false),
    CONVERSIONS(false),
    ENGAGEMENT(false),
    SPEND(true),
    REVENUE(true),
    /** Email: messages that left for a recipient. */
    SENT(false),
    DELIVERED(false),
    OPENS(false),
    BOUNCES(false),
    COMPLAINTS(false),
    UNSUBSCRIBES(false);

    private final boolean money;

    Metric(boolean money) {
        this.money = money;
    }

    public boolean money() {
        return money;
    }
}
