package io.flightdeck.mcp.client;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface McpConnectionRepository extends JpaRepository<McpConnection, UUID> {

    Page<McpConnection> findAllBy(Pageable page);
}
