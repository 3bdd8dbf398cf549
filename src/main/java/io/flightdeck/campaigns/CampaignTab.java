package io.flightdeck.campaigns;

/**
 * A tab of the campaign page, at {@code /campaigns/{id}/tabs/{key}}, that a module adds and fills with its
 * {@link CampaignPanel}s. Declare one as a bean. The campaigns module keeps Overview first and Activity last.
 *
 * @param key   the tab's address segment and the key its panels name, e.g. {@code posts}
 * @param label what the tab says
 * @param order position between Overview and Activity; lower comes first
 */
public record CampaignTab(String key, String label, int order) {

    public static final String OVERVIEW = "overview";
    public static final String ACTIVITY = "activity";

    public String pathFor(Object campaignId) {
        return OVERVIEW.equals(key) ? "/campaigns/" + campaignId : "/campaigns/" + campaignId + "/tabs/" + key;
    }
}
