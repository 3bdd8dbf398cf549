package io.flightdeck.campaigns.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignJournalKeyRepository extends JpaRepository<CampaignJournalKey, UUID> {

    boolean existsByEntryKey(String entryKey);
}
