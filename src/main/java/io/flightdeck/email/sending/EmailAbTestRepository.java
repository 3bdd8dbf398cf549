package io.flightdeck.email.sending;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmailAbTestRepository extends JpaRepository<EmailAbTest, UUID> {

    Optional<EmailAbTest> findByEmailCampaignId(UUID emailCampaignId);
}
