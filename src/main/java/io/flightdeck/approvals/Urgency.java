package io.flightdeck.approvals;

import io.flightdeck.campaigns.CampaignPriority;

/** How soon an approval is due; each workspace sets the hours per level (4, 24, 72 and 168 by default). */
public enum Urgency {
    URGENT, HIGH, NORMAL, LOW;

    /** A campaign's priority sets the urgency of its approvals unless the requester says otherwise. */
    public static Urgency of(CampaignPriority priority) {
        return switch (priority) {
            case URGENT -> URGENT;
            case HIGH -> HIGH;
            case MEDIUM -> NORMAL;
            case LOW -> LOW;
        };
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
