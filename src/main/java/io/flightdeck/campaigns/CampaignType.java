package io.flightdeck.campaigns;

public enum CampaignType {
    PRODUCT_LAUNCH("Product launch"),
    BRAND_AWARENESS("Brand awareness"),
    LEAD_GENERATION("Lead generation"),
    EVENT("Event"),
    SEASONAL_PROMOTION("Seasonal promotion"),
    CONTENT_SERIES("Content series"),
    OTHER("Other");

    private final String label;

    CampaignType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
