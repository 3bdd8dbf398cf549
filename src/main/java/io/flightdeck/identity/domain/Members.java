package io.flightdeck.identity.domain;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberRemoved;
import io.flightdeck.identity.MemberRoleChanged;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members of the current workspace: list, change role, remove. Callers check ADMIN; owner rules are here. */
@Service
public class Members implements MemberDirectory {

    private final MembershipRepository memberships;
    private final ApiKeyRepository apiKeys;
    private final MemberActors memberActors;
    private final ApiKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(MembershipRepository memberships, ApiKeyRepository apiKeys, MemberActors memberActors, ApiKeys keys,
            ApplicationEventPublisher events, Clock clock) {
        this.memberships = memberships;
        this.apiKeys = apiKeys;
        this.memberActors = memberActors;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<MemberView> page(Pageable pageable) {
        return memberships.findPage(pageable).map(Membership::view);
    }

    @Transactional(readOnly = true)
    public MemberView get(UUID membershipId) {
        return membership(membershipId).view();
    }

    @Transactional
    public MemberView changeRole(UUID membershipId, Role newRole, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        Membership membership = membership(membershipId);
        if (expectedVersion != null && expectedVersion != membership.getVersion()) {
            throw new PreconditionFailedException(membership.getVersion());
        }
        Role oldRole = membership.getRole();
        if (oldRole == newRole) {
            return membership.view();
        }
        if ((oldRole == Role.OWNER || newRole == Role.OWNER) && actor.role() != Role.OWNER) {
            throw new AccessDeniedException("Only an owner can grant or take away the owner role");
        }
        if (oldRole == Role.OWNER && memberships.countByRole(Role.OWNER) == 1) {
            throw new ConflictException("last-owner",
                    "This is the workspace's last owner; make someone else an owner first");
        }
        membership.changeRole(newRole);
        memberships.flush();
        memberActors.forget(membership.getUser().getId(), membership.getTenantId());
        events.publishEvent(new MemberRoleChanged(membership.getTenantId(), membership.getUser().getId(), oldRole, newRole,
                actor.userId()));
        return membership.view();
    }

    @Transactional
    public void remove(UUID membershipId) {
        Actor actor = CurrentActor.require();
        Membership membership = membership(membershipId);
        if (membership.getRole() == Role.OWNER) {
            if (actor.role() != Role.OWNER) {
                throw new AccessDeniedException("Only an owner can remove an owner");
            }
            if (memberships.countByRole(Role.OWNER) == 1) {
                throw new ConflictException("last-owner", "The last owner cannot be removed; make someone else an owner first");
            }
        }
        UUID userId = membership.getUser().getId();
        // Revoked one by one (not a bulk update) so each revocation lands in the audit log.
        apiKeys.findByUserIdAndRevokedAtIsNull(userId).forEach(key -> {
            key.revoke(clock.instant());
            keys.forget(membership.getTenantId(), key.getId());
        });
        memberships.delete(membership);
        memberActors.forget(userId, membership.getTenantId());
        events.publishEvent(new MemberRemoved(membership.getTenantId(), userId, actor.userId()));
    }

    private Membership membership(UUID membershipId) {
        return memberships.findById(membershipId).orElseThrow(() -> new NotFoundException("The member"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberSummary> find(UUID userId) {
        return memberships.findWithUser(userId).map(Members::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberSummary> members() {
        return memberships.findAllWithUsers().stream().map(Members::summary).toList();
    }

    /**
     * No transaction of its own: a campaign's read ({@code Campaigns.get}) runs without one and holds its connection,
     * and a new transaction here took a second connection from the pool for every view, even when the names came
     * from the cache. Twenty such requests at once on a pool of ten each held one connection and waited for another
     * until the pool's timeout (the overload run in docs/benchmarks.md). The one query on a cache miss fetches the
     * users with the memberships, so it needs no open session after it.
     */
    @Override
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        // Every campaign view names its people: read at most once per member cache ttl, see MemberActors.
        return memberActors.displayNames(userIds);
    }

    private static MemberSummary summary(Membership m) {
        return new MemberSummary(m.getUser().getId(), m.getUser().getDisplayName(), m.getUser().getEmail(), m.getRole(),
                java.time.ZoneId.of(m.getUser().getTimeZone()));
    }
}
