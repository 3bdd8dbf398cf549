package io.flightdeck.email.imports;

import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactImportErrorRepository extends JpaRepository<ContactImportError, UUID> {

    Page<ContactImportError> findByImportId(UUID importId, Pageable pageable);

    /** The whole report (at most the cap's lines), streamed in order; the caller holds a transaction. */
    Stream<ContactImportError> streamByImportIdOrderByLineNumber(UUID importId);

    long countByImportId(UUID importId);
}
