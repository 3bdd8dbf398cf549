package io.flightdeck.email.contacts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ListMembershipRepository extends JpaRepository<ListMembership, UUID> {

    Optional<ListMembership> findByListIdAndContactId(UUID listId, UUID contactId);

    List<ListMembership> findByListIdAndContactIdIn(UUID listId, Collection<UUID> contactIds);

    List<ListMembership> findByContactId(UUID contactId);

    /** Members who have not left, per list, for a page of lists: one query. */
    @Query("""
            select m.listId as listId, count(m) as members from ListMembership m
            where m.listId in :lists and m.unsubscribedAt is null group by m.listId""")
    List<ListCount> countActive(@Param("lists") Collection<UUID> lists);

    interface ListCount {
        UUID getListId();

        long getMembers();
    }

    /** The list's contacts who have not left it, by address. */
    @Query(value = """
            select c from Contact c, ListMembership m
            where m.contactId = c.id and m.listId = :list and m.unsubscribedAt is null""",
            countQuery = """
            select count(m) from ListMembership m where m.listId = :list and m.unsubscribedAt is null""")
    Page<Contact> members(@Param("list") UUID list, Pageable page);

    @Modifying
    @Query("delete from ListMembership m where m.listId = :list")
    void deleteByListId(@Param("list") UUID listId);
}
