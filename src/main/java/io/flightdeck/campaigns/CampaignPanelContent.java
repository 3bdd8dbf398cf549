package io.flightdeck.campaigns;

import java.util.Map;
import java.util.UUID;

/**
 * The content of a {@link CampaignPanel} that its module fills in the campaign page's own request instead of a
 * request of its own after the page loads: for a card that reads what the page has just read (the guidance card reads
 * the readiness items the readiness card shows, which {@link ReadinessItems} then gives without asking the checks
 * again). The card still reloads itself from its panel's path. Declare one as a bean beside the panel.
 */
public interface CampaignPanelContent {

    /** The {@link CampaignPanel#key()} of the card it fills. */
    String panelKey();

    /** The Thymeleaf template holding the card's inside, e.g. {@code guidance/fragments/panel}. */
    String template();

    /** The fragment in {@link #template()}, e.g. {@code panel}. */
    String fragment();

    /** What the fragment reads, for the campaign whose page this is; the page's own names must not be reused. */
    Map<String, Object> model(UUID campaignId);
}
