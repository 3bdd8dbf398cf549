package io.flightdeck.assets.storage;

import static io.flightdeck.assets.storage.BlobSamples.OTHER;
import static io.flightdeck.assets.storage.BlobSamples.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.junit.jupiter.api.Test;

/** The local store's link tokens: what they carry, and that nothing but an unchanged token of ours, in time, passes. */
class FileLinksTests {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final String KEY = BlobStore.key(WORKSPACE, "ab" + "c".repeat(62));

    private final FileLinks links = BlobSamples.links(Clock.fixed(NOW, ZoneOffset.UTC));

    private String issue(String name, String type, Duration ttl) {
        URI url = TenantScope.call(WORKSPACE, () -> links.issue(KEY, name, type, ttl));
        return url.getPath().substring(FileLinks.PATH.length());
    }

    @Test
    void aTokenCarriesWorkspaceKeyExpiryTypeAndName() {
        String token = issue("Q3 brief – “final”.pdf", "application/pdf; charset=binary", Duration.ofMinutes(10));

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(links.verify(token)).isEqualTo(new FileLinks.Link(WORKSPACE, KEY, NOW.plus(Duration.ofMinutes(10)),
                "application/pdf", "Q3 brief – “final”.pdf"));
    }

    @Test
    void aLinkIsIssuedOnlyInsideAWorkspace() {
        assertThatThrownBy(() -> links.issue(KEY, "a.png", "image/png", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyChangedCharacterMakesTheTokenUnknown() {
        String token = issue("a.png", "image/png", Duration.ofMinutes(10));

        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            char changed = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + changed + token.substring(i + 1);
            assertThatThrownBy(() -> links.verify(tampered)).as("character %d changed", i)
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void anotherTokensSignatureOrAnotherKeysTokenIsUnknown() {
        String first = issue("a.png", "image/png", Duration.ofMinutes(10));
        String second = TenantScope.call(OTHER, () -> links.issue(BlobStore.key(OTHER, "ab" + "d".repeat(62)), "a.png",
                "image/png", Duration.ofMinutes(10))).getPath().substring(FileLinks.PATH.length());
        String payloadOfFirst = first.substring(0, first.indexOf('.'));
        String signatureOfSecond = second.substring(second.indexOf('.') + 1);

        assertThatThrownBy(() -> links.verify(payloadOfFirst + "." + signatureOfSecond)).isInstanceOf(NotFoundException.class);
        FileLinks otherInstallation = new FileLinks(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, Clock.fixed(NOW, ZoneOffset.UTC), path -> path);
        assertThatThrownBy(() -> otherInstallation.verify(first)).as("signed under another master key")
                .isInstanceOf(NotFoundException.class);
        for (String malformed : new String[] {"", ".", "abc", "abc.", ".abc", "a.b.c", "!!!.???", "%2e%2e", null}) {
            assertThatThrownBy(() -> links.verify(malformed)).as("%s", malformed).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aTokenExpiresAtItsExpiryAndSaysWhen() {
        String token = issue("a.png", "image/png", Duration.ofMinutes(10));
        Instant expiry = NOW.plus(Duration.ofMinutes(10));

        assertThat(BlobSamples.links(Clock.fixed(expiry.minusMillis(1), ZoneOffset.UTC)).verify(token).key()).isEqualTo(KEY);
        assertThatThrownBy(() -> BlobSamples.links(Clock.fixed(expiry, ZoneOffset.UTC)).verify(token))
                .isInstanceOfSatisfying(FileLinks.LinkExpiredException.class, e -> assertThat(e.expiredAt()).isEqualTo(expiry))
                .hasMessage("This link expired at 2027-03-01T10:10:00Z; ask for a new one");
    }

    @Test
    void anOverlongNameIsCutAtACharacterNotInsideOne() {
        String name = "😀".repeat(300);

        String carried = links.verify(issue(name, "image/png", Duration.ofMinutes(1))).downloadName();

        assertThat(carried).isEqualTo("😀".repeat(255));
    }
}
