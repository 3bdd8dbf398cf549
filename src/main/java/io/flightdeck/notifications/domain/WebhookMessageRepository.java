package io.flightdeck.notifications.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookMessageRepository extends JpaRepository<WebhookMessage, UUID> {

    @Query("select m.endpointId from WebhookMessage m where m.eventKey = :eventKey and m.endpointId in :endpoints")
    List<UUID> findEndpointsHaving(String eventKey, Collection<UUID> endpoints);

    Page<WebhookMessage> findByEndpointId(UUID endpointId, Pageable page);

    Page<WebhookMessage> findByEndpointIdAndStatusIn(UUID endpointId, Collection<DeliveryStatus> statuses,
            Pageable page);
}
