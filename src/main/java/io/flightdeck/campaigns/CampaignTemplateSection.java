package io.flightdeck.campaigns;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * How a module puts its part of a campaign into a template and gives it to a new campaign, so that campaigns need not
 * know the other modules (they depend on it, not the other way). Implement it as a bean in the module that owns the
 * part; both methods run inside the campaign's workspace, in the transaction of the template or of the new campaign.
 * What is captured is new work: never approvals given, sends, published posts or numbers.
 */
public interface CampaignTemplateSection {

    TemplatePart part();

    /**
     * What the campaign has of this part as JSON the same section reads back, dates as days from the campaign's start
     * (or, without one, from its first dated item); empty when it has nothing to carry. Must not write.
     */
    Optional<Captured> capture(CampaignSnapshot campaign);

    /**
     * Gives the new campaign what {@link #capture} took, dates counted from its start date. The campaign is new and
     * empty of this part (except what its creation made on its own).
     *
     * @return what the person starting the campaign should know, one sentence each: what could not come along since
     *         the template was made and what to do instead; empty when everything came
     */
    List<String> apply(CampaignSnapshot campaign, JsonNode captured, TemplateCopy copy);

    /** A part's content with a line a person reads on the template's page (12 tasks, 3 milestones). */
    record Captured(JsonNode content, String summary) {
    }
}
