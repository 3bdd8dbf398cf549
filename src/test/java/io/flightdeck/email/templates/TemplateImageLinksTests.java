package io.flightdeck.email.templates;

import java.time.Clock;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.links.SignedTokens;
import io.flightdeck.support.TestLinkKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed image addresses: they name the workspace and the asset, and nothing forged, altered or signed by another key passes. */
class TemplateImageLinksTests {

    private static final SignedTokens KEY = TestLinkKeys.linkKeys(3).tokens(TemplateImageLinks.KEY_PURPOSE);
    private final TemplateImageLinks links = new TemplateImageLinks(KEY, "https://mail.example/", () -> {
        throw new AssertionError("the configured address is used");
    });

    @Test
    void aLinkNamesItsWorkspaceAndAssetAndAnAlteredOneIsNotFound() {
        UUID workspace = UUID.randomUUID();
        UUID asset = UUID.randomUUID();
        String url = links.url(workspace, asset);
        assertThat(url).startsWith("https://mail.example/t/i/").hasSize("https://mail.example/t/i/".length() + 66);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(links.verify(token)).isEqualTo(new TemplateImageLinks.Image(workspace, asset));

        for (int i = 0; i < token.length(); i += 7) {
            char[] altered = token.toCharArray();
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            assertThatThrownBy(() -> links.verify(new String(altered))).isInstanceOf(NotFoundException.class);
        }
        TemplateImageLinks otherKey = new TemplateImageLinks(TestLinkKeys.linkKeys(4)
                .tokens(TemplateImageLinks.KEY_PURPOSE), "https://mail.example", () -> "http://localhost:8080");
        assertThatThrownBy(() -> otherKey.verify(token)).isInstanceOf(NotFoundException.class);
        for (String bad : new String[] {null, "", "x", token + "A", "!".repeat(66)}) {
            assertThatThrownBy(() -> links.verify(bad)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void withoutAnHttpsBaseAddressLinksAreStillMadeForPreviewsAndThePickerSaysRecipientsCannotSeeThem() {
        UUID workspace = UUID.randomUUID();
        UUID asset = UUID.randomUUID();
        TemplateImageLinks unset = new TemplateImageLinks(KEY, "", () -> "http://localhost:8080/");
        String local = unset.url(workspace, asset);
        assertThat(local).matches("http://localhost:8080/t/i/[A-Za-z0-9_-]{66}");
        assertThat(unset.verify(local.substring(local.lastIndexOf('/') + 1)))
                .isEqualTo(new TemplateImageLinks.Image(workspace, asset));
        assertThat(unset.reachesRecipients()).isFalse();
        assertThat(unset.recipientsNote()).contains("show in the preview and in the outbox",
                "recipients' mail apps will not show them", "public https address", "FLIGHTDECK_BASE_URL");

        TemplateImageLinks plain = new TemplateImageLinks(KEY, "http://flightdeck.internal:8080", () -> "unused");
        assertThat(plain.url(workspace, asset)).startsWith("http://flightdeck.internal:8080/t/i/");
        assertThat(plain.reachesRecipients()).isFalse();
        assertThat(plain.recipientsNote()).contains("http://flightdeck.internal:8080", "FLIGHTDECK_BASE_URL");
        assertThat(links.reachesRecipients()).isTrue();
        assertThat(links.recipientsNote()).isNull();
    }

    @Test
    void imagesInMailSentBeforeTheSigningKitStillLoad() {
        // made by the code before the kit, under the test profile's master key: generation 1 is that layout
        TemplateImageLinks before = new TemplateImageLinks(TestLinkKeys.linkKeys(TestLinkKeys.masterKey(
                TestLinkKeys.TEST_PROFILE_KEY), Clock.systemUTC()).tokens(TemplateImageLinks.KEY_PURPOSE),
                "https://mail.example.com", () -> "unused");
        UUID workspace = UUID.fromString("33333333-3333-4333-8333-333333333333");
        UUID asset = UUID.fromString("44444444-4444-4444-8444-444444444444");
        String token = "ATMzMzMzM0MzgzMzMzMzMzNERERERERERIRERERERERETEOEsTVFKbsnMfwaOtKoMQ";

        assertThat(before.verify(token)).isEqualTo(new TemplateImageLinks.Image(workspace, asset));
        assertThat(before.url(workspace, asset)).isEqualTo("https://mail.example.com/t/i/" + token);
    }
}
