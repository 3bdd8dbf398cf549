package io.flightdeck.strategy;

/** What paid media is bought to achieve; ad platforms optimise delivery towards it. */
public enum AdObjective {
    AWARENESS("Awareness"),
    TRAFFIC("Traffic"),
    ENGAGEMENT("Engagement"),
    LEADS("Leads"),
    SALES("Sales");

    private final String label;

    AdObjective(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
