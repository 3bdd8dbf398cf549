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

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
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
    private final TransactionTemplate transactions;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, MembershipRepository memberships, TransactionTemplate transactions, Clock clock) {
        this.keys = keys;
        this.memberships = memberships;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new key and its full secret, which is shown this once. */
    public record Created(ApiKeyView key, String secret) {
    }

    @Transactional
    public Created create(String name, Role ceiling, Instant expiresAt) {
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
                secret.substring(secret.length() - 4), expiresAt, now);
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
        return TenantScope.call(workspaceId, () -> transactions.execute(status -> {
            Instant now = clock.instant();
            ApiKey key = keys.findById(keyId).orElse(null);
            if (key == null || !Hashing.constantTimeEquals(key.getSecretHash(), Hashing.sha256Hex(secret))) {
                return new Verdict(null, Refusal.UNKNOWN);
            }
            if (key.getRevokedAt() != null) {
                return new Verdict(null, Refusal.REVOKED);
            }
            if (!key.isActive(now)) {
                return new Verdict(null, Refusal.EXPIRED);
            }
            Optional<Membership> membership = memberships.findWithUser(key.getUserId());
            if (membership.isEmpty()) {
                return new Verdict(null, Refusal.NOT_A_MEMBER);
            }
            if (key.getLastUsedAt() == null || key.getLastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
                keys.touch(keyId, now);
            }
            Membership m = membership.get();
            return new Verdict(new Actor(m.getUser().getId(), workspaceId, m.getRole().cappedBy(key.getRoleCeiling()),
                    m.getUser().getEmail(), m.getUser().getDisplayName(), java.time.ZoneId.of(m.getUser().getTimeZone()), keyId),
                    null);
        }));
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
