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
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.shared.links.SignedTokens;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.TestLinkKeys;
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

        assertThat(token).matches("[A-Za-z0-9_-]+");
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
        // the first's payload with (most of) the second's tag
        String spliced = first.substring(0, first.length() - 21) + second.substring(second.length() - 21);

        assertThatThrownBy(() -> links.verify(spliced)).isInstanceOf(NotFoundException.class);
        MasterKey other = TestLinkKeys.masterKey(9);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FileLinks otherInstallation = new FileLinks(TestLinkKeys.linkKeys(other, clock), other, clock, path -> path);
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
                .isInstanceOfSatisfying(SignedTokens.Expired.class, e -> assertThat(e.expiredAt()).isEqualTo(expiry))
                .hasMessage("This link expired at 2027-03-01T10:10:00Z; ask for a new one");
    }

    @Test
    void anOverlongNameIsCutAtACharacterNotInsideOne() {
        String name = "😀".repeat(300);

        String carried = links.verify(issue(name, "image/png", Duration.ofMinutes(1))).downloadName();

        assertThat(carried).isEqualTo("😀".repeat(255));
    }

    @Test
    void aLinkMadeBeforeTheSigningKitIsServedUntilItExpires() {
        // made by the code before the kit, under the test profile's master key, at 06:00 for half an hour
        MasterKey testProfile = TestLinkKeys.masterKey(TestLinkKeys.TEST_PROFILE_KEY);
        UUID workspace = UUID.fromString("33333333-3333-4333-8333-333333333333");
        String token = "ATMzMzMzM0MzgzMzMzMzMzMAAAAAawkjaAA8d29ya3NwYWNlcy8zMzMzMzMzMy0zMzMzLTQzMzMtODMzMy0z"
                + "MzMzMzMzMzMzMzMvYXNzZXRzL2EucG5nAAlpbWFnZS9wbmcAD0xhdW5jaCBoZXJvLnBuZw"
                + ".zt0OSAu_4FytVwHmUpvpFF0WenCztuGAyMrMhEJCItY";
        Instant expiry = Instant.parse("2026-11-27T06:30:00Z");
        Clock before = Clock.fixed(Instant.parse("2026-11-27T06:29:59Z"), ZoneOffset.UTC);
        Clock at = Clock.fixed(expiry, ZoneOffset.UTC);

        assertThat(new FileLinks(TestLinkKeys.linkKeys(testProfile, before), testProfile, before, path -> path)
                .verify(token)).isEqualTo(new FileLinks.Link(workspace, "workspaces/" + workspace + "/assets/a.png",
                        expiry, "image/png", "Launch hero.png"));
        assertThatThrownBy(() -> new FileLinks(TestLinkKeys.linkKeys(testProfile, at), testProfile, at, path -> path)
                .verify(token)).isInstanceOf(SignedTokens.Expired.class);
        assertThatThrownBy(() -> new FileLinks(TestLinkKeys.linkKeys(testProfile, before), testProfile, before,
                path -> path).verify(token.replace(".zt0", ".zt1"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.verify(token)).as("under another master key")
                .isInstanceOf(NotFoundException.class);
    }
}
