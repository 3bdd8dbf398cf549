package io.flightdeck.ops.retention;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RetentionPolicyRepository extends JpaRepository<RetentionPolicy, UUID> {
}
