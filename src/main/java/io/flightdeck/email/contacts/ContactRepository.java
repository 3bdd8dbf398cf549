package io.flightdeck.email.contacts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactRepository extends JpaRepository<Contact, UUID> {

    Optional<Contact> findByEmailKey(String emailKey);

    /** {@code like} is a lower-case pattern or null for everyone; {@code status} null for every status. */
    @Query("""
            select c from Contact c
            where (:like is null or c.emailKey like :like escape '\\' or lower(c.name) like :like escape '\\')
              and (:status is null or c.status = :status)""")
    Page<Contact> search(@Param("like") String like, @Param("status") ContactStatus status, Pageable page);

    long countByStatus(ContactStatus status);
}
