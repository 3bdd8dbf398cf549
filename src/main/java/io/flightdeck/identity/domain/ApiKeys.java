package io.flightdeck.identity.domain;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.assistant.AssistantLimits;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API keys. A key reads {@code fd_<workspace and key id>.<secret>}: the ids let authentication open the
 * right tenant and find the row without a scan; the secret is checked against its SHA-256 (it has 256 bits of
 * entropy, so a slow hash adds nothing).
 */
@Service
public class ApiKeys {

    static final String PREFIX = "fd_";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final MembershipRepository memberships;
    private final MemberActors memberActors;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /**
     * Keys as last read, for at most the member cache ttl (under a second): a revocation on another node takes
     * effect here within that time. Unknown keys are not kept.
     */
    private final Cache<KeyRef, Grant> grants;

    ApiKeys(ApiKeyRepository keys, MembershipRepository memberships, MemberActors memberActors,
            TransactionTemplate transactions, Clock clock,
            @Value("${flightdeck.security.member-cache-ttl:900ms}") Duration ttl) {
        this.keys = keys;
        this.memberships = memberships;
        this.memberActors = memberActors;
        this.transactions = transactions;
        this.clock = clock;
        this.grants = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    /** A new key and its full secret, which is shown this once. */
    public record Created(ApiKeyView key, String secret) {
    }

    @Transactional
    public Created create(String name, Role ceiling, Instant expiresAt) {
        return create(name, ceiling, expiresAt, AssistantLimits.NONE);
    }

    /** A key whose assistants (MCP) see only some toolsets, or only read. */
    @Transactional
    public Created create(String name, Role ceiling, Instant expiresAt, AssistantLimits assistant) {
        Actor actor = CurrentActor.require();
        Instant now = clock.instant();
        if (!actor.role().includes(ceiling)) {
            throw new InvalidInputException("roleCeiling", "cannot be above your own role (" + actor.role() + ")");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be in the future");
        }
        String secret = Hashing.randomToken(32);
        ApiKey key = new ApiKey(actor.userId(), name.trim(), ceiling, Hashing.sha256Hex(secret),
                secret.substring(secret.length() - 4), expiresAt, assistant, now);
        keys.save(key);
        String token = PREFIX + encodeIds(actor.workspaceId(), key.getId()) + "." + secret;
        return new Created(key.view(actor.displayName(), now), token);
    }

    /** The signed-in member's own keys, or with {@code everyone} (admins) all keys of the workspace. */
    @Transactional(readOnly = true)
    public Page<ApiKeyView> list(boolean everyone, Pageable pageable) {
        Actor actor = CurrentActor.require();
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "createdAt"));
        Page<ApiKey> found = everyone ? keys.findAll(newestFirst) : keys.findByUserId(actor.userId(), newestFirst);
        // Owners' names for this page in one query, not one per key.
        Map<UUID, String> names = memberships.findByUserIdIn(found.stream().map(ApiKey::getUserId).distinct().toList()).stream()
                .collect(Collectors.toMap(m -> m.getUser().getId(), m -> m.getUser().getDisplayName()));
        Instant now = clock.instant();
        return found.map(k -> k.view(names.getOrDefault(k.getUserId(), "Former member"), now));
    }

    @Transactional(readOnly = true)
    public ApiKeyView get(UUID keyId) {
        Actor actor = CurrentActor.require();
        ApiKey key = visible(keyId, actor);
        String owner = memberships.findWithUser(key.getUserId()).map(m -> m.getUser().getDisplayName()).orElse("Former member");
        return key.view(owner, clock.instant());
    }

    /** Revokes one of the member's own keys; admins may revoke anyone's. Others' keys look absent to non-admins. */
    @Transactional
    public void revoke(UUID keyId) {
        visible(keyId, CurrentActor.require()).revoke(clock.instant());
        forget(TenantScope.require(), keyId);
    }

    private ApiKey visible(UUID keyId, Actor actor) {
        return keys.findById(keyId)
                .filter(k -> k.getUserId().equals(actor.userId()) || actor.role().includes(Role.ADMIN))
                .orElseThrow(() -> new NotFoundException("The API key"));
    }

    /** Why a presented key was refused, for a clear 401. */
    public enum Refusal {
        MALFORMED("The API key is not valid"),
        UNKNOWN("The API key is not valid"),
        REVOKED("The API key has been revoked"),
        EXPIRED("The API key has expired"),
        NOT_A_MEMBER("The API key's owner is no longer a member of this workspace");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    public record Verdict(Actor actor, Refusal refusal) {
    }

    public static boolean looksLikeApiKey(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** Checks a presented key and, if good, returns the actor it stands for. */
    public Verdict authenticate(String token) {
        int dot = token.indexOf('.');
        Optional<UUID[]> ids = dot < 0 ? Optional.empty() : decodeIds(token.substring(PREFIX.length(), dot));
        if (ids.isEmpty()) {
            return new Verdict(null, Refusal.MALFORMED);
        }
        UUID workspaceId = ids.get()[0];
        UUID keyId = ids.get()[1];
        String secret = token.substring(dot + 1);
        Instant now = clock.instant();
        KeyRef ref = new KeyRef(workspaceId, keyId);
        Grant grant = grants.get(ref, this::load);
        if (grant == null || !Hashing.constantTimeEquals(grant.secretHash(), Hashing.sha256Hex(secret))) {
            return new Verdict(null, Refusal.UNKNOWN);
        }
        if (grant.revokedAt() != null) {
            return new Verdict(null, Refusal.REVOKED);
        }
        if (grant.expiresAt() != null && !now.isBefore(grant.expiresAt())) {
            return new Verdict(null, Refusal.EXPIRED);
        }
        Optional<Actor> member = memberActors.actorFor(grant.userId(), workspaceId);
        if (member.isEmpty()) {
            return new Verdict(null, Refusal.NOT_A_MEMBER);
        }
        if (grant.lastUsedAt() == null || grant.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
            TenantScope.run(workspaceId, () -> transactions.executeWithoutResult(status -> keys.touch(keyId, now)));
            grants.asMap().computeIfPresent(ref, (r, g) -> g.usedAt(now));
        }
        Actor m = member.get();
        return new Verdict(new Actor(m.userId(), workspaceId, m.role().cappedBy(grant.roleCeiling()), m.email(),
                m.displayName(), m.timeZone(), keyId), null);
    }

    /** Read from the keys authentication keeps in memory: a key's limits never change after it is made. */
    AssistantLimits assistantLimits(UUID workspaceId, UUID keyId) {
        Grant grant = grants.get(new KeyRef(workspaceId, keyId), this::load);
        return grant == null ? AssistantLimits.NONE : grant.assistant();
    }

    /** What authentication needs of a key, as last read; the secret stays hashed. */
    private record Grant(UUID userId, Role roleCeiling, String secretHash, Instant expiresAt, Instant revokedAt,
            Instant lastUsedAt, AssistantLimits assistant) {

        Grant usedAt(Instant now) {
            return new Grant(userId, roleCeiling, secretHash, expiresAt, revokedAt, now, assistant);
        }
    }

    /** The workspace is part of the key: the key is looked up inside that workspace's tenant scope. */
    private record KeyRef(UUID workspaceId, UUID keyId) {
    }

    private Grant load(KeyRef ref) {
        return TenantScope.call(ref.workspaceId(), () -> keys.findById(ref.keyId())
                .map(k -> new Grant(k.getUserId(), k.getRoleCeiling(), k.getSecretHash(), k.getExpiresAt(),
                        k.getRevokedAt(), k.getLastUsedAt(), k.getAssistantLimits()))
                .orElse(null));
    }

    /** Forgets a key on this node once the current transaction commits; other nodes drop it within the ttl. */
    void forget(UUID workspaceId, UUID keyId) {
        MemberActors.afterCommit(() -> grants.invalidate(new KeyRef(workspaceId, keyId)));
    }

    private static String encodeIds(UUID workspaceId, UUID keyId) {
        ByteBuffer buffer = ByteBuffer.allocate(32)
                .putLong(workspaceId.getMostSignificantBits()).putLong(workspaceId.getLeastSignificantBits())
                .putLong(keyId.getMostSignificantBits()).putLong(keyId.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private static Optional<UUID[]> decodeIds(String encoded) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded);
            if (bytes.length != 32) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            UUID workspaceId = new UUID(buffer.getLong(), buffer.getLong());
            UUID keyId = new UUID(buffer.getLong(), buffer.getLong());
            if (TenantScope.NONE.equals(workspaceId) || TenantScope.SYSTEM.equals(workspaceId)) {
                return Optional.empty();
            }
            return Optional.of(new UUID[] {workspaceId, keyId});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
