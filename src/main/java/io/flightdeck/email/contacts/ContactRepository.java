package io.flightdeck.email.contacts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
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

    Optional<Contact> findByOptInToken(String optInToken);

    /** The contacts of these addresses (keys), for a batch of an import: one query. */
    List<Contact> findByEmailKeyIn(Collection<String> emailKeys);

    /** The next page of an export after {@code after} (an address key; empty for the first), in address order. */
    @Query("""
            select c from Contact c
            where c.emailKey > :after
              and (:like is null or c.emailKey like :like escape '\\' or lower(c.name) like :like escape '\\')
              and (:status is null or c.status = :status)
            order by c.emailKey""")
    List<Contact> exportPage(@Param("after") String after, @Param("like") String like,
            @Param("status") ContactStatus status, Limit limit);
}
