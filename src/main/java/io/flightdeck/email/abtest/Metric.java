package io.flightdeck.email.abtest;

/** What an A/B test counts as success, with the words a marketer reads for its rate. */
public enum Metric {

    CLICKS("click rate"),
    CONVERSIONS("conversion rate"),
    /** Unreliable since Apple Mail Privacy Protection: every decision on it carries a warning. */
    OPENS("open rate");

    private final String rateName;

    Metric(String rateName) {
        this.rateName = rateName;
    }

    public String rateName() {
        return rateName;
    }
}
