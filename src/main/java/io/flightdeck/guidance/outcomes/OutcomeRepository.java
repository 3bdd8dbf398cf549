package io.flightdeck.guidance.outcomes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OutcomeRepository extends JpaRepository<Outcome, UUID> {

    Optional<Outcome> findByCampaignId(UUID campaignId);

    /** The workspace's scored outcomes: the history predictions learn from. */
    List<Outcome> findByMetIsNotNull();
}
