package io.flightdeck.campaigns;

public enum CampaignPriority {
    LOW, MEDIUM, HIGH, URGENT;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
