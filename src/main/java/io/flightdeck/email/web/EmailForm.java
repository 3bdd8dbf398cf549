package io.flightdeck.email.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.email.sending.EmailCampaigns;

/**
 * One wizard step's fields as the browser posts them. Only the step's own fields are passed on; the rest of the
 * email stays as it is. {@code version} is the one the page was drawn from, so a change made meanwhile is not lost.
 */
record EmailForm(String name, String subject, String preheader, String html, List<UUID> listIds, UUID segmentId,
        Long version) {

    EmailCampaigns.Changes changes(String step) {
        return switch (step) {
            case "audience" -> new EmailCampaigns.Changes(null, null, null, null, null,
                    listIds == null ? List.of() : listIds, segmentId, segmentId == null);
            case "content" -> new EmailCampaigns.Changes(name, subject, preheader == null ? "" : preheader, html, null,
                    null, null, false);
            default -> new EmailCampaigns.Changes(null, null, null, null, null, null, null, false);
        };
    }
}
