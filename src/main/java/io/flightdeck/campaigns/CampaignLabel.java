package io.flightdeck.campaigns;

import java.util.UUID;

/** A campaign's name and status: what a list of many campaigns' numbers shows beside each. */
public record CampaignLabel(UUID id, String name, CampaignStatus status) {
}
