package io.flightdeck.notifications.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.crypto.MasterKey;
import org.springframework.stereotype.Component;

/**
 * The OAuth {@code state} of a Slack install: who started it, in which workspace, until when, signed with a key derived
 * from the master key. Nothing is stored: a state that was altered, is late, or belongs to another person or workspace
 * is refused at the callback (a conflict: the request is well formed, it answers another install), which is what stops a forged callback from installing into someone's workspace. Slack
 * spends the code itself, so a replayed state cannot install twice.
 */
@Component
class SlackInstallState {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SecretKeySpec key;
    private final Clock clock;

    SlackInstallState(MasterKey masterKey, Clock clock) {
        this.key = new SecretKeySpec(masterKey.derive("flightdeck:slack-install-state:v1"), "HmacSHA256");
        this.clock = clock;
    }

    String issue(UUID workspaceId, UUID userId) {
        String claims = workspaceId + "." + userId + "." + clock.instant().plus(LIFETIME).getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + sign(claims);
    }

    /** Refuses a state that is not this workspace's and person's, was altered, or is older than the lifetime. */
    void check(String state, UUID workspaceId, UUID userId) {
        String[] parts = state == null ? new String[0] : state.split("\\.", 2);
        String claims;
        try {
            claims = parts.length == 2 ? new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8) : "";
        } catch (IllegalArgumentException e) {
            claims = "";
        }
        String[] fields = claims.split("\\.");
        boolean signed = parts.length == 2 && MessageDigest.isEqual(sign(claims).getBytes(StandardCharsets.UTF_8),
                parts[1].getBytes(StandardCharsets.UTF_8));
        if (!signed || fields.length != 3 || !fields[0].equals(workspaceId.toString())
                || !fields[1].equals(userId.toString())) {
            throw new ConflictException("slack-install-state", "This answer from Slack does not belong to an install "
                    + "you started here; start again from Settings → Slack.");
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(fields[2])))) {
            throw new ConflictException("slack-install-state", "The install took longer than " + LIFETIME.toMinutes()
                    + " minutes; start again from Settings → Slack.");
        }
    }

    private String sign(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
