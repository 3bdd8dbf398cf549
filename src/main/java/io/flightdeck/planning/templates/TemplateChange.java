package io.flightdeck.planning.templates;

import java.util.List;

import io.flightdeck.campaigns.CampaignType;

/** A template's content as someone writes it: every field is replaced on update. */
public record TemplateChange(CampaignType campaignType, String name, String description, List<TemplateItem> items) {
}
