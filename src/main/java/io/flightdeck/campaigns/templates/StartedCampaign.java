package io.flightdeck.campaigns.templates;

import java.util.List;

import io.flightdeck.campaigns.domain.CampaignView;

/**
 * A campaign started from a template or cloned, and what the person should know about it.
 *
 * @param notes what could not come along and what to do instead, one sentence each (a deleted email list: choose an
 *              audience); empty when everything came
 */
public record StartedCampaign(CampaignView campaign, List<String> notes) {

    /** The notes after a sentence of its own, as one message for a toast. */
    public String told(String sentence) {
        return notes.isEmpty() ? sentence : sentence + ". " + String.join(" ", notes);
    }
}
