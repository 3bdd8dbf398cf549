package io.flightdeck.campaigns.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.flightdeck.campaigns.domain.CampaignView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A campaign started from a template or cloned, as the API answers it: the campaign's own fields, as
 * {@code GET /api/v1/campaigns/{id}} gives them, and the notes beside them.
 *
 * @param notes what could not come along and what to do instead, one sentence each (a deleted email list: choose an
 *              audience); empty when everything came
 */
@Schema(name = "CampaignStarted")
record CampaignStartedBody(@JsonUnwrapped CampaignView campaign, List<String> notes) {
}
