package io.flightdeck.campaigns;

import java.time.Instant;
import java.util.UUID;

/**
 * Lets other modules write to a campaign's activity feed without campaigns knowing them: approvals records its
 * decisions, strategy its saves. Call it from your own service (inside its transaction) or event listener (inside the
 * event's {@code TenantScope}).
 */
public interface CampaignJournal {

    /**
     * Adds one line to the campaign's feed, read as {@code actorName + " " + summary} ("Dana Diaz approved the strategy
     * (version 3)"). The {@code key} names the happening (e.g. {@code "strategy-saved:<version id>"}): a second call with
     * the same key in the workspace adds nothing, so a retried event does not write the line twice. A campaign that is
     * gone (deleted meanwhile) is skipped quietly.
     *
     * @param key       at most 200 characters, unique per happening within the workspace
     * @param actorId   the member who acted, or null for the system or an external reviewer
     * @param actorName who acted, as people read it (at most 120 characters; longer is cut)
     * @param verb      a short machine-readable kind, e.g. {@code approval.approved} (at most 40 characters)
     * @param summary   the rest of the sentence after the name (at most 1000 characters; longer is cut)
     * @return whether the line was added now (false when the key was recorded before or the campaign is gone)
     */
    boolean record(UUID campaignId, String key, UUID actorId, String actorName, String verb, String summary, Instant at);
}
