package io.flightdeck.email.delivery;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeliveryProfileRepository extends JpaRepository<DeliveryProfile, UUID> {

    Optional<DeliveryProfile> findFirstBy();

    /** Across workspaces only inside a system scope: the webhook's address names the workspace. */
    Optional<DeliveryProfile> findByWebhookToken(String webhookToken);
}
