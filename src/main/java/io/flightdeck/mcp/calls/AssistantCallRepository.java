package io.flightdeck.mcp.calls;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssistantCallRepository extends JpaRepository<AssistantCall, UUID> {

    Page<AssistantCall> findAllByOrderByOccurredAtDescIdDesc(Pageable page);

    Page<AssistantCall> findAllByUserIdOrderByOccurredAtDescIdDesc(UUID userId, Pageable page);
}
