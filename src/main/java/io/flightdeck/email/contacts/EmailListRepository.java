package io.flightdeck.email.contacts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmailListRepository extends JpaRepository<EmailList, UUID> {

    Optional<EmailList> findByNameKey(String nameKey);

    Page<EmailList> findAllBy(Pageable page);
}
