package io.flightdeck.campaigns;

import java.util.List;

/**
 * Every {@link ReadinessCheck}'s items for a campaign, in the checks' order. Within one GET request the checks run
 * once per campaign however many parts of the page or answer ask (the readiness card and the guidance card of the
 * campaign's overview both do); a GET changes nothing, so the items cannot change within it. Other requests, and
 * work outside a request, ask the checks each time.
 */
public interface ReadinessItems {

    List<CheckedItem> of(CampaignSnapshot campaign);
}
