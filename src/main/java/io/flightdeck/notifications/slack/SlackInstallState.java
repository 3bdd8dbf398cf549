package io.flightdeck.notifications.slack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.crypto.Hmac;
import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.shared.links.LinkKeys;
import io.flightdeck.shared.links.SignedTokens;
import org.springframework.stereotype.Component;

/**
 * The OAuth {@code state} of a Slack install: who started it, in which workspace, until when; a {@link SignedTokens}
 * token of purpose {@value #PURPOSE} whose payload is the workspace id and the person's id. Nothing is stored: a state
 * that was altered, is late, or belongs to another person or workspace is refused at the callback (a conflict: the
 * request is well formed, it answers another install), which is what stops a forged callback from installing into
 * someone's workspace. Slack spends the code itself, so a replayed state cannot install twice.
 * <p>
 * States of the format before the kit (text claims, a dot, the HMAC) are checked as before while one can be valid: ten
 * minutes after an upgrade none is, and {@link #v1} can go.
 */
@Component
class SlackInstallState {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String PURPOSE = "flightdeck:slack-install";

    private final SignedTokens tokens;
    private final byte[] v1Key;
    private final Clock clock;

    SlackInstallState(LinkKeys keys, MasterKey masterKey, Clock clock) {
        this.tokens = keys.tokens(PURPOSE, LIFETIME);
        this.v1Key = masterKey.derive("flightdeck:slack-install-state:v1");
        this.clock = clock;
    }

    String issue(UUID workspaceId, UUID userId) {
        return tokens.sign(ByteBuffer.allocate(32).putLong(workspaceId.getMostSignificantBits())
                .putLong(workspaceId.getLeastSignificantBits()).putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits()).array());
    }

    /** Refuses a state that is not this workspace's and person's, was altered, or is older than the lifetime. */
    void check(String state, UUID workspaceId, UUID userId) {
        boolean ours;
        try {
            ours = state != null && state.indexOf('.') >= 0 ? v1(state, workspaceId, userId)
                    : tokens.open(state).filter(ids -> ids.remaining() == 32 && new UUID(ids.getLong(), ids.getLong())
                            .equals(workspaceId) && new UUID(ids.getLong(), ids.getLong()).equals(userId)).isPresent();
        } catch (SignedTokens.Expired e) {
            throw late();
        }
        if (!ours) {
            throw new ConflictException("slack-install-state", "This answer from Slack does not belong to an install "
                    + "you started here; start again from Settings → Slack.");
        }
    }

    /** {@code base64url(workspace "." user "." expiry seconds) "." base64url(hmac of those claims)}. */
    private boolean v1(String state, UUID workspaceId, UUID userId) {
        String[] parts = state.split("\\.", 2);
        String claims;
        try {
            claims = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String[] fields = claims.split("\\.");
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(v1Key,
                claims.getBytes(StandardCharsets.UTF_8)));
        byte[] given = parts[1].getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8), given) || fields.length != 3
                || !fields[0].equals(workspaceId.toString()) || !fields[1].equals(userId.toString())) {
            return false;
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(fields[2])))) {
            throw late();
        }
        return true;
    }

    private static ConflictException late() {
        return new ConflictException("slack-install-state", "The install took longer than " + LIFETIME.toMinutes()
                + " minutes; start again from Settings → Slack.");
    }
}
