package io.flightdeck.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Every query here is limited to the current workspace by Hibernate's tenant filter. */
interface MembershipRepository extends JpaRepository<Membership, UUID> {

    @Query(value = "select m from Membership m join fetch m.user",
            countQuery = "select count(m) from Membership m")
    Page<Membership> findPage(Pageable pageable);

    @Query("select m from Membership m join fetch m.user order by m.user.displayName")
    List<Membership> findAllWithUsers();

    Optional<Membership> findByUserId(UUID userId);

    @Query("select m from Membership m join fetch m.user u where u.id = :userId")
    Optional<Membership> findWithUser(UUID userId);

    boolean existsByUserEmail(String email);

    @Query("select m from Membership m join fetch m.user u where u.id in :userIds")
    List<Membership> findByUserIdIn(java.util.Collection<UUID> userIds);

    long countByRole(Role role);

    /** The user's memberships in every workspace: call only inside a system scope. */
    @Query("select m from Membership m where m.user.id = :userId order by m.createdAt")
    List<Membership> findAllOfUserAcrossWorkspaces(UUID userId);
}
