package io.flightdeck.identity.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Members' actors (role, name, time zone) and display names, each read from the database at most once per
 * {@code flightdeck.security.member-cache-ttl} and node. Every API request needs its actor, and reading the
 * membership each time was the largest part of a read's cost. The bound is what keeps security as strict across
 * nodes: a role change or a removal made on another node is seen here once the entry expires, within the ttl
 * (under a second); on this node it is forgotten as soon as the change commits. Only present members are kept, so
 * someone who joins is let in at once.
 */
@Component
class MemberActors {

    private record Key(UUID userId, UUID workspaceId) {
    }

    private final MembershipRepository memberships;
    private final Cache<Key, Actor> actors;
    private final Cache<Key, Optional<String>> names;

    MemberActors(MembershipRepository memberships,
            @Value("${flightdeck.security.member-cache-ttl:900ms}") Duration ttl) {
        this.memberships = memberships;
        this.actors = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
        this.names = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(50_000).build();
    }

    /** The actor for a user in a workspace, or empty when they are not (or no longer) a member. */
    Optional<Actor> actorFor(UUID userId, UUID workspaceId) {
        Key key = new Key(userId, workspaceId);
        Actor cached = actors.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Actor> actor = TenantScope.call(workspaceId, () -> memberships.findWithUser(userId)
                .map(m -> new Actor(userId, workspaceId, m.getRole(), m.getUser().getEmail(), m.getUser().getDisplayName(),
                        ZoneId.of(m.getUser().getTimeZone()), null)));
        actor.ifPresent(found -> actors.put(key, found));
        return actor;
    }

    /** Display names of the current workspace's members among these users; former members are left out. */
    Map<UUID, String> displayNames(Collection<UUID> userIds) {
        UUID workspaceId = TenantScope.require();
        Set<Key> keys = userIds.stream().filter(Objects::nonNull).map(id -> new Key(id, workspaceId))
                .collect(Collectors.toSet());
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<Key, Optional<String>> found = names.getAll(keys, this::loadNames);
        Map<UUID, String> result = new LinkedHashMap<>();
        found.forEach((key, name) -> name.ifPresent(n -> result.put(key.userId(), n)));
        return result;
    }

    private Map<Key, Optional<String>> loadNames(Set<? extends Key> missing) {
        List<UUID> ids = missing.stream().map(Key::userId).toList();
        Map<UUID, String> members = memberships.findByUserIdIn(ids).stream()
                .collect(Collectors.toMap(m -> m.getUser().getId(), m -> m.getUser().getDisplayName()));
        Map<Key, Optional<String>> loaded = new LinkedHashMap<>();
        missing.forEach(key -> loaded.put(key, Optional.ofNullable(members.get(key.userId()))));
        return loaded;
    }

    /** Forgets a member of one workspace once the current transaction commits (at once outside one). */
    void forget(UUID userId, UUID workspaceId) {
        afterCommit(() -> {
            Key key = new Key(userId, workspaceId);
            actors.invalidate(key);
            names.invalidate(key);
        });
    }

    /** Forgets a user in every workspace (their name, email or time zone changed). */
    void forget(UUID userId) {
        afterCommit(() -> {
            actors.asMap().keySet().removeIf(key -> key.userId().equals(userId));
            names.asMap().keySet().removeIf(key -> key.userId().equals(userId));
        });
    }

    static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
