package io.flightdeck.ops.bulk;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface BulkOperationRepository extends JpaRepository<BulkOperation, UUID> {

    Page<BulkOperation> findByRequestedBy(UUID requestedBy, Pageable pageable);
}
