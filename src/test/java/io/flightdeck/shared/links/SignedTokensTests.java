package io.flightdeck.shared.links;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import io.flightdeck.shared.crypto.Hmac;
import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.support.TestLinkKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signing kit: a token opens only for its purpose, under a key generation still accepted, unchanged, before its
 * expiry; the layout is the documented one (checked here by hand, byte by byte).
 */
class SignedTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final byte[] PAYLOAD = "campaign 42".getBytes(StandardCharsets.UTF_8);

    private static final MasterKey MASTER = TestLinkKeys.masterKey(5);

    private final LinkKeys keys = at(NOW);

    private static LinkKeys at(Instant now) {
        return TestLinkKeys.linkKeys(MASTER, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String text(ByteBuffer payload) {
        return StandardCharsets.UTF_8.decode(payload).toString();
    }

    @Test
    void aTokenIsTheGenerationThePayloadAndATruncatedHmacOfBoth() {
        String token = keys.tokens("test:kit").sign(PAYLOAD);

        byte[] sealed = Base64.getUrlDecoder().decode(token);
        assertThat(sealed).hasSize(1 + PAYLOAD.length + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(new String(sealed, 1, PAYLOAD.length, StandardCharsets.UTF_8)).isEqualTo("campaign 42");
        byte[] tag = Hmac.sha256(MASTER.derive("test:kit:v1"), Arrays.copyOf(sealed, 1 + PAYLOAD.length));
        assertThat(Arrays.copyOfRange(sealed, 1 + PAYLOAD.length, sealed.length)).isEqualTo(Arrays.copyOf(tag, 16));
        assertThat(text(keys.tokens("test:kit").open(token).orElseThrow())).isEqualTo("campaign 42");
    }

    @Test
    void everyChangedCharacterAnotherPurposeOrAnotherMasterKeyIsRefusedAlike() {
        String token = keys.tokens("test:kit").sign(PAYLOAD);

        for (int i = 0; i < token.length(); i++) {
            String changed = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThat(keys.tokens("test:kit").open(changed)).as("character %d", i).isEmpty();
        }
        assertThat(keys.tokens("test:other").open(token)).isEmpty();
        assertThat(TestLinkKeys.linkKeys(TestLinkKeys.masterKey(6), Clock.systemUTC()).tokens("test:kit").open(token))
                .isEmpty();
        for (String malformed : new String[] {null, "", "A", "AAAA", "!!!!", token + "=", token.substring(1),
                "A".repeat(30_000)}) {
            assertThat(keys.tokens("test:kit").open(malformed)).as("%s", malformed).isEmpty();
        }
    }

    @Test
    void aTokenWithALifetimeExpiresAtItsExpiryAndSaysWhen() {
        SignedTokens tokens = keys.tokens("test:short", Duration.ofMinutes(10));
        String token = tokens.sign(PAYLOAD, Duration.ofMinutes(5));
        Instant expiry = NOW.plus(Duration.ofMinutes(5));

        SignedTokens.Opened opened = at(expiry.minusMillis(1)).tokens("test:short", Duration.ofMinutes(10))
                .opened(token).orElseThrow();
        assertThat(text(opened.payload())).isEqualTo("campaign 42");
        assertThat(opened.expiresAt()).isEqualTo(expiry);
        assertThatThrownBy(() -> at(expiry).tokens("test:short", Duration.ofMinutes(10)).open(token))
                .isInstanceOfSatisfying(SignedTokens.Expired.class, e -> assertThat(e.expiredAt()).isEqualTo(expiry));
        assertThat(Base64.getUrlDecoder().decode(token)[0]).isEqualTo((byte) 0x81);
        assertThat(keys.tokens("test:short").open(token)).as("a token with an expiry never opens as one without")
                .isEmpty();
        assertThat(tokens.open(keys.tokens("test:short").sign(PAYLOAD))).as("nor the other way round").isEmpty();
        assertThatThrownBy(() -> tokens.sign(PAYLOAD, Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.sign(new byte[SignedTokens.MAX_PAYLOAD_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewGenerationSignsWhileTheOldOneIsAcceptedUntilItIsRetired() {
        String first = keys.tokens("test:kit").sign(PAYLOAD);
        LinkKeys rotated = keys.withGenerations(2, 1);
        String second = rotated.tokens("test:kit").sign(PAYLOAD);

        assertThat(Base64.getUrlDecoder().decode(second)[0]).isEqualTo((byte) 2);
        assertThat(rotated.tokens("test:kit").open(first)).as("links already out keep working").isPresent();
        assertThat(rotated.tokens("test:kit").open(second)).isPresent();
        assertThat(keys.tokens("test:kit").open(second)).as("a node not yet rotated does not know generation 2")
                .isEmpty();
        LinkKeys retired = keys.withGenerations(2, 2);
        assertThat(retired.tokens("test:kit").open(first)).as("retiring a generation revokes its tokens").isEmpty();
        assertThat(retired.tokens("test:kit").open(second)).isPresent();
        assertThatThrownBy(() -> keys.withGenerations(2, 3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.withGenerations(128, 1)).isInstanceOf(IllegalStateException.class);
    }
}
