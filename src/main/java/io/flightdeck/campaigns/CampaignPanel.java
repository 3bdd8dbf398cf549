package io.flightdeck.campaigns;

/**
 * A card another module adds to the campaign page, on one of its tabs. The page loads it with {@code hx-get} from the
 * module's own controller, so campaigns never depends on another module's web layer. Declare one as a bean.
 *
 * @param key          the card's element id, e.g. {@code approvals}
 * @param tab          the key of the {@link CampaignTab} it sits on
 * @param title        the heading shown while it loads
 * @param pathTemplate the fragment's path with {@code {id}} for the campaign id, e.g. {@code /campaigns/{id}/approvals/panel}
 * @param order        position among the tab's panels; lower comes first
 */
public record CampaignPanel(String key, String tab, String title, String pathTemplate, int order) {

    public String pathFor(Object campaignId) {
        return pathTemplate.replace("{id}", String.valueOf(campaignId));
    }
}
