package io.flightdeck.analytics;

/** What a fact counts. Money metrics carry a currency; the others never do, so currencies are never summed together. */
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
