package io.flightdeck.campaigns.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.shared.InvalidInputException;

/**
 * Writes other modules' lines to a campaign's activity feed, once per key. The key row and the line are saved in the
 * caller's transaction; the unique key in the table stops a concurrent duplicate that the check let through.
 */
@Service
@Transactional
class CampaignJournalEntries implements CampaignJournal {

    private static final int KEY_MAX = 200;

    private final CampaignRepository campaigns;
    private final CampaignActivityRepository activity;
    private final CampaignJournalKeyRepository keys;

    CampaignJournalEntries(CampaignRepository campaigns, CampaignActivityRepository activity,
            CampaignJournalKeyRepository keys) {
        this.campaigns = campaigns;
        this.activity = activity;
        this.keys = keys;
    }

    @Override
    public boolean record(UUID campaignId, String key, UUID actorId, String actorName, String verb, String summary,
            Instant at) {
        if (campaignId == null || key == null || key.isBlank() || key.length() > KEY_MAX) {
            throw new InvalidInputException("key", "a journal line needs a campaign and a key of 1 to " + KEY_MAX + " characters");
        }
        if (verb == null || verb.isBlank() || summary == null || summary.isBlank() || at == null) {
            throw new InvalidInputException("summary", "a journal line needs a verb, a summary and a time");
        }
        if (keys.existsByEntryKey(key) || !campaigns.existsById(campaignId)) {
            return false;
        }
        keys.save(new CampaignJournalKey(campaignId, key));
        String name = actorName == null || actorName.isBlank() ? "Flightdeck" : Text.cut(actorName.strip(), 120);
        activity.save(new CampaignActivity(campaignId, actorId, name, Text.cut(verb, 40),
                Text.cut(summary.strip(), 1000), at));
        return true;
    }
}
